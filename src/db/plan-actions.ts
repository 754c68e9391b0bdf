import type { StoredReading } from './contacts';
import type { Param, Sql } from './sql';

export const ACTION_KINDS = ['adapt', 'train'] as const;
export const ACTION_STATUSES = ['open', 'doing', 'done'] as const;
export const SOURCE_KINDS = ['own', 'contact', 'survey'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One action of a project's development plan: adapt the software, or train and support people. */
export type PlanActionRecord = {
  id: number;
  publicId: string;
  projectId: number;
  kind: ActionKind;
  title: string;
  /** Who does it: a free-text name (it need not be a user of Drijfveer). */
  owner: string;
  /** A calendar day, 'YYYY-MM-DD'. */
  due: string | null;
  status: ActionStatus;
  /** The drive the concern speaks, when known. */
  drive: string | null;
  sourceKind: SourceKind;
  /** A contact's public id, or '<survey id>:<department>'; null for the consultant's own. */
  sourceRef: string | null;
  createdAt: string;
  updatedAt: string;
};
export type PlanActionFields = Pick<PlanActionRecord, 'kind' | 'title' | 'owner' | 'due' | 'status' | 'drive' | 'sourceKind' | 'sourceRef'>;
export type PlanActionChange = Partial<Pick<PlanActionRecord, 'kind' | 'title' | 'owner' | 'due' | 'status' | 'drive'>>;

/** A logged remark of a project's stakeholder that no action of the plan comes from yet. */
export type OpenConcern = {
  contactId: string;
  date: string;
  remark: string;
  reading: StoredReading | null;
  stakeholder: { publicId: string; name: string };
};

export interface PlanActionRepo {
  list(projectId: number): Promise<PlanActionRecord[]>;
  add(projectId: number, input: PlanActionFields & { publicId: string; now: string }): Promise<PlanActionRecord>;
  find(projectId: number, publicId: string): Promise<PlanActionRecord | null>;
  update(id: number, change: PlanActionChange, now: string): Promise<PlanActionRecord>;
  remove(id: number): Promise<void>;
  /** Contacts of the project with a remark that no action names as its source; newest first. */
  openConcerns(projectId: number): Promise<OpenConcern[]>;
  /** The reading of a contact of this project, or undefined when the project has no such contact. */
  contactReading(projectId: number, contactId: string): Promise<StoredReading | null | undefined>;
}

type Row = {
  id: number;
  public_id: string;
  project_id: number;
  kind: ActionKind;
  title: string;
  owner: string;
  due: string | null;
  status: ActionStatus;
  drive: string | null;
  source_kind: SourceKind;
  source_ref: string | null;
  created_at: string;
  updated_at: string;
};
const toAction = (r: Row): PlanActionRecord => ({
  id: r.id,
  publicId: r.public_id,
  projectId: r.project_id,
  kind: r.kind,
  title: r.title,
  owner: r.owner,
  due: r.due,
  status: r.status,
  drive: r.drive,
  sourceKind: r.source_kind,
  sourceRef: r.source_ref,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
/** Fields a change may touch, to their columns: names in SQL come from here, never from the request. */
const COLUMNS: Record<keyof PlanActionChange, string> = {
  kind: 'kind',
  title: 'title',
  owner: 'owner',
  due: 'due',
  status: 'status',
  drive: 'drive',
};
/** A stored reading is JSON text on SQLite and already parsed on PostgreSQL (jsonb). */
const readingOf = (value: string | StoredReading | null): StoredReading | null =>
  value === null ? null : typeof value === 'string' ? (JSON.parse(value) as StoredReading) : value;

/** The development plan's actions, on either backend. */
export function createPlanActionRepo(sql: Sql): PlanActionRepo {
  const touchProject = (db: Sql, now: string, projectId: number) =>
    db.run('UPDATE projects SET updated_at = $1 WHERE id = $2', [now, projectId]);
  return {
    async list(projectId) {
      return (await sql.all<Row>('SELECT * FROM plan_actions WHERE project_id = $1 ORDER BY due IS NULL, due, id', [projectId])).map(
        toAction,
      );
    },
    async add(projectId, input) {
      return sql.transaction(async (tx) => {
        const row = await tx.first<Row>(
          `INSERT INTO plan_actions (public_id, project_id, kind, title, owner, due, status, drive, source_kind, source_ref, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING *`,
          [
            input.publicId,
            projectId,
            input.kind,
            input.title,
            input.owner,
            input.due,
            input.status,
            input.drive,
            input.sourceKind,
            input.sourceRef,
            input.now,
          ],
        );
        await touchProject(tx, input.now, projectId);
        return toAction(row!);
      });
    },
    async find(projectId, publicId) {
      const row = await sql.first<Row>('SELECT * FROM plan_actions WHERE project_id = $1 AND public_id = $2', [projectId, publicId]);
      return row ? toAction(row) : null;
    },
    async update(id, change, now) {
      return sql.transaction(async (tx) => {
        const keys = (Object.keys(change) as (keyof PlanActionChange)[]).filter((k) => k in COLUMNS && change[k] !== undefined);
        const values = [id, now, ...keys.map((k) => change[k] as Param)];
        const sets = [...keys.map((k, i) => `${COLUMNS[k]} = $${i + 3}`), 'updated_at = $2'].join(', ');
        const row = (await tx.first<Row>(`UPDATE plan_actions SET ${sets} WHERE id = $1 RETURNING *`, values))!;
        await touchProject(tx, now, row.project_id);
        return toAction(row);
      });
    },
    async remove(id) {
      await sql.run('DELETE FROM plan_actions WHERE id = $1', [id]);
    },
    async openConcerns(projectId) {
      const rows = await sql.all<{
        public_id: string;
        date: string;
        remark: string;
        reading: string | StoredReading | null;
        stakeholder_public_id: string;
        stakeholder_name: string;
      }>(
        `SELECT c.public_id, c.date, c.remark, c.reading, s.public_id AS stakeholder_public_id, s.name AS stakeholder_name
         FROM stakeholder_contacts c JOIN stakeholders s ON s.id = c.stakeholder_id
         WHERE s.project_id = $1 AND c.remark IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM plan_actions a WHERE a.project_id = $1 AND a.source_kind = 'contact' AND a.source_ref = c.public_id)
         ORDER BY c.date DESC, c.id DESC`,
        [projectId],
      );
      return rows.map((r) => ({
        contactId: r.public_id,
        date: r.date,
        remark: r.remark,
        reading: readingOf(r.reading),
        stakeholder: { publicId: r.stakeholder_public_id, name: r.stakeholder_name },
      }));
    },
    async contactReading(projectId, contactId) {
      const row = await sql.first<{ reading: string | StoredReading | null }>(
        `SELECT c.reading FROM stakeholder_contacts c JOIN stakeholders s ON s.id = c.stakeholder_id
         WHERE s.project_id = $1 AND c.public_id = $2`,
        [projectId, contactId],
      );
      return row ? readingOf(row.reading) : undefined;
    },
  };
}
