import { written, type SqliteDb } from './sqlite';
import { PROJECT_COLUMNS, STAKEHOLDER_COLUMNS, toProject, toStakeholder, type ProjectRow, type StakeholderRow } from './rows';
import type { ProjectRepo } from './store';

export function createSqliteProjectRepo(db: SqliteDb): ProjectRepo {
  const insert = db.prepare(
    `INSERT INTO projects (public_id, owner_id, client, system, phase, notes, created_at, updated_at)
     VALUES (@publicId, @ownerId, @client, @system, @phase, @notes, @now, @now) RETURNING *`,
  );
  const ofOwner = db.prepare('SELECT * FROM projects WHERE owner_id = ? ORDER BY updated_at DESC, id DESC');
  const byPublicId = db.prepare('SELECT * FROM projects WHERE public_id = ?');
  const remove = db.prepare('DELETE FROM projects WHERE id = ?');
  const stakeholders = db.prepare('SELECT * FROM stakeholders WHERE project_id = ? ORDER BY id');
  const insertStakeholder = db.prepare(
    `INSERT INTO stakeholders (public_id, project_id, name, department, influence, support, drives, concerns, approach, last_contact, created_at, updated_at)
     VALUES (@publicId, @projectId, @name, @department, @influence, @support, @drives, @concerns, @approach, @lastContact, @now, @now) RETURNING *`,
  );
  const touchProject = db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?');
  const findStakeholder = db.prepare('SELECT * FROM stakeholders WHERE project_id = ? AND public_id = ?');
  const removeStakeholder = db.prepare('DELETE FROM stakeholders WHERE id = ?');

  function update<T extends Record<string, unknown>>(table: 'projects' | 'stakeholders', columns: Record<string, string>, id: number, change: T, now: string) {
    const keys = Object.keys(change).filter((k) => k in columns && change[k] !== undefined);
    const sets = [...keys.map((k) => `${columns[k]} = @${k}`), 'updated_at = @now'].join(', ');
    const values: Record<string, unknown> = { id, now };
    for (const k of keys) values[k] = k === 'drives' ? JSON.stringify(change[k]) : change[k];
    return written(db.prepare(`UPDATE ${table} SET ${sets} WHERE id = @id RETURNING *`), values);
  }

  return {
    async create(input) {
      return toProject(written<ProjectRow>(insert, input)!);
    },
    async list(ownerId) {
      return (ofOwner.all(ownerId) as ProjectRow[]).map(toProject);
    },
    async find(publicId) {
      const row = byPublicId.get(publicId) as ProjectRow | undefined;
      return row ? toProject(row) : null;
    },
    async update(id, change, now) {
      return toProject(update('projects', PROJECT_COLUMNS, id, change, now) as ProjectRow);
    },
    async remove(id) {
      remove.run(id);
    },
    async stakeholders(projectId) {
      return (stakeholders.all(projectId) as StakeholderRow[]).map(toStakeholder);
    },
    async addStakeholder(projectId, input) {
      return db.transaction(() => {
        const row = written<StakeholderRow>(insertStakeholder, { ...input, projectId, drives: JSON.stringify(input.drives) })!;
        touchProject.run(input.now, projectId);
        return toStakeholder(row);
      })();
    },
    async findStakeholder(projectId, publicId) {
      const row = findStakeholder.get(projectId, publicId) as StakeholderRow | undefined;
      return row ? toStakeholder(row) : null;
    },
    async updateStakeholder(id, change, now) {
      return db.transaction(() => {
        const row = update('stakeholders', STAKEHOLDER_COLUMNS, id, change, now) as StakeholderRow;
        touchProject.run(now, row.project_id);
        return toStakeholder(row);
      })();
    },
    async removeStakeholder(id) {
      removeStakeholder.run(id);
    },
  };
}
