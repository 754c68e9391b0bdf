import type { Pool, PoolClient } from 'pg';
import { inTransaction, row, rows } from './pg';
import { PROJECT_COLUMNS, STAKEHOLDER_COLUMNS, toProject, toStakeholder, type ProjectRow, type StakeholderRow } from './rows';
import type { ProjectRepo } from './store';

/** Projects and stakeholders over PostgreSQL; the same operations and results as sqlite-projects.ts. */
export function createPgProjectRepo(pool: Pool): ProjectRepo {
  async function update<R extends object>(db: Pool | PoolClient, table: 'projects' | 'stakeholders', columns: Record<string, string>, id: number, change: Record<string, unknown>, now: string) {
    const keys = Object.keys(change).filter((k) => k in columns && change[k] !== undefined);
    const values: unknown[] = [id, now, ...keys.map((k) => (k === 'drives' ? JSON.stringify(change[k]) : change[k]))];
    const sets = [...keys.map((k, i) => `${columns[k]} = $${i + 3}`), 'updated_at = $2'].join(', ');
    return (await row<R & Record<string, unknown>>(db, `UPDATE ${table} SET ${sets} WHERE id = $1 RETURNING *`, values))!;
  }
  const touchProject = (c: PoolClient, now: string, projectId: number) => c.query('UPDATE projects SET updated_at = $1 WHERE id = $2', [now, projectId]);

  return {
    async create(input) {
      const r = await row<ProjectRow>(
        pool,
        `INSERT INTO projects (public_id, owner_id, client, system, phase, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *`,
        [input.publicId, input.ownerId, input.client, input.system, input.phase, input.notes, input.now],
      );
      return toProject(r!);
    },
    async list(ownerId) {
      return (await rows<ProjectRow>(pool, 'SELECT * FROM projects WHERE owner_id = $1 ORDER BY updated_at DESC, id DESC', [ownerId])).map(toProject);
    },
    async find(publicId) {
      const r = await row<ProjectRow>(pool, 'SELECT * FROM projects WHERE public_id = $1', [publicId]);
      return r ? toProject(r) : null;
    },
    async update(id, change, now) {
      return toProject(await update<ProjectRow>(pool, 'projects', PROJECT_COLUMNS, id, change, now));
    },
    async remove(id) {
      await pool.query('DELETE FROM projects WHERE id = $1', [id]);
    },
    async stakeholders(projectId) {
      return (await rows<StakeholderRow>(pool, 'SELECT * FROM stakeholders WHERE project_id = $1 ORDER BY id', [projectId])).map(toStakeholder);
    },
    async addStakeholder(projectId, input) {
      return inTransaction(pool, async (c) => {
        const r = await row<StakeholderRow>(
          c,
          `INSERT INTO stakeholders (public_id, project_id, name, department, influence, support, drives, concerns, approach, last_contact, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING *`,
          [input.publicId, projectId, input.name, input.department, input.influence, input.support, JSON.stringify(input.drives), input.concerns, input.approach, input.lastContact, input.now],
        );
        await touchProject(c, input.now, projectId);
        return toStakeholder(r!);
      });
    },
    async findStakeholder(projectId, publicId) {
      const r = await row<StakeholderRow>(pool, 'SELECT * FROM stakeholders WHERE project_id = $1 AND public_id = $2', [projectId, publicId]);
      return r ? toStakeholder(r) : null;
    },
    async updateStakeholder(id, change, now) {
      return inTransaction(pool, async (c) => {
        const r = await update<StakeholderRow>(c, 'stakeholders', STAKEHOLDER_COLUMNS, id, change, now);
        await touchProject(c, now, r.project_id);
        return toStakeholder(r);
      });
    },
    async removeStakeholder(id) {
      await pool.query('DELETE FROM stakeholders WHERE id = $1', [id]);
    },
  };
}
