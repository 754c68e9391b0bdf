import { PROJECT_COLUMNS, STAKEHOLDER_COLUMNS, toProject, toStakeholder, type ProjectRow, type StakeholderRow } from './project-rows';
import type { Param, Sql } from './sql';
import type { ProjectRepo } from './store';

/** Projects and their stakeholders, on either backend. */
export function createProjectRepo(sql: Sql): ProjectRepo {
  /** Changes only the given fields; column names come from the fixed maps, never from the request. */
  async function update<R>(
    db: Sql,
    table: 'projects' | 'stakeholders',
    columns: Record<string, string>,
    id: number,
    change: Record<string, unknown>,
    now: string,
  ) {
    const keys = Object.keys(change).filter((k) => k in columns && change[k] !== undefined);
    const values = [id, now, ...keys.map((k) => (k === 'drives' ? JSON.stringify(change[k]) : change[k]))] as Param[];
    const sets = [...keys.map((k, i) => `${columns[k]} = $${i + 3}`), 'updated_at = $2'].join(', ');
    return (await db.first<R>(`UPDATE ${table} SET ${sets} WHERE id = $1 RETURNING *`, values))!;
  }
  const touchProject = (db: Sql, now: string, projectId: number) =>
    db.run('UPDATE projects SET updated_at = $1 WHERE id = $2', [now, projectId]);

  return {
    async create(input) {
      const row = await sql.first<ProjectRow>(
        `INSERT INTO projects (public_id, owner_id, client, system, phase, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
        [input.publicId, input.ownerId, input.client, input.system, input.phase, input.notes, input.now],
      );
      return toProject(row!);
    },
    async list(userId) {
      const rows = await sql.all<ProjectRow & { shared_by: string | null }>(
        `SELECT p.*, CASE WHEN p.owner_id = $1 THEN NULL ELSE u.name END AS shared_by
         FROM projects p JOIN users u ON u.id = p.owner_id
         WHERE p.owner_id = $1 OR p.id IN (SELECT project_id FROM project_members WHERE user_id = $1)
         ORDER BY p.updated_at DESC, p.id DESC`,
        [userId],
      );
      return rows.map((r) => ({ ...toProject(r), sharedBy: r.shared_by }));
    },
    async isMember(projectId, userId) {
      return (await sql.first('SELECT 1 AS yes FROM project_members WHERE project_id = $1 AND user_id = $2', [projectId, userId])) !== null;
    },
    async members(projectId) {
      const rows = await sql.all<{ id: number; email: string; name: string; added_at: string }>(
        `SELECT u.id, u.email, u.name, m.added_at FROM project_members m JOIN users u ON u.id = m.user_id
         WHERE m.project_id = $1 ORDER BY m.added_at, u.id`,
        [projectId],
      );
      return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, addedAt: r.added_at }));
    },
    async addMember(projectId, userId, now) {
      const added = await sql.run(
        'INSERT INTO project_members (project_id, user_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [projectId, userId, now],
      );
      return added > 0 ? 'added' : 'exists';
    },
    async removeMember(projectId, userId) {
      return (await sql.run('DELETE FROM project_members WHERE project_id = $1 AND user_id = $2', [projectId, userId])) > 0;
    },
    async find(publicId) {
      const row = await sql.first<ProjectRow>('SELECT * FROM projects WHERE public_id = $1', [publicId]);
      return row ? toProject(row) : null;
    },
    async update(id, change, now) {
      return toProject(await update<ProjectRow>(sql, 'projects', PROJECT_COLUMNS, id, change, now));
    },
    async setChange(id, change, now) {
      const row = await sql.first<ProjectRow>('UPDATE projects SET change_dimensions = $2, updated_at = $3 WHERE id = $1 RETURNING *', [
        id,
        JSON.stringify(change),
        now,
      ]);
      return toProject(row!);
    },
    async remove(id) {
      await sql.run('DELETE FROM projects WHERE id = $1', [id]);
    },
    async stakeholders(projectId) {
      return (await sql.all<StakeholderRow>('SELECT * FROM stakeholders WHERE project_id = $1 ORDER BY id', [projectId])).map(
        toStakeholder,
      );
    },
    async addStakeholder(projectId, input) {
      return sql.transaction(async (tx) => {
        const row = await tx.first<StakeholderRow>(
          `INSERT INTO stakeholders (public_id, project_id, name, department, influence, support, drives, concerns, approach, last_contact,
                                     interest, desired_support, drives_by_hand, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING *`,
          [
            input.publicId,
            projectId,
            input.name,
            input.department,
            input.influence,
            input.support,
            JSON.stringify(input.drives),
            input.concerns,
            input.approach,
            input.lastContact,
            input.interest ?? 3,
            input.desiredSupport ?? 0,
            input.drives.length > 0,
            input.now,
          ],
        );
        await touchProject(tx, input.now, projectId);
        return toStakeholder(row!);
      });
    },
    async findStakeholder(projectId, publicId) {
      const row = await sql.first<StakeholderRow>('SELECT * FROM stakeholders WHERE project_id = $1 AND public_id = $2', [
        projectId,
        publicId,
      ]);
      return row ? toStakeholder(row) : null;
    },
    async updateStakeholder(id, change, now) {
      return sql.transaction(async (tx) => {
        const row = await update<StakeholderRow>(tx, 'stakeholders', STAKEHOLDER_COLUMNS, id, change, now);
        await touchProject(tx, now, row.project_id);
        return toStakeholder(row);
      });
    },
    async removeStakeholder(id) {
      await sql.run('DELETE FROM stakeholders WHERE id = $1', [id]);
    },
  };
}
