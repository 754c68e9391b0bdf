import type { Param, Sql } from './sql';

/** One line of the audit log: who did what, when. `detail` holds only counts, ids and flags (see services/audit.ts). */
export type AuditRecord = {
  id: number;
  at: string;
  actorId: number | null;
  /** The e-mail address at the time, or 'cli', 'system', 'participant', 'anonymous'. */
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, string | number | boolean | null>;
};
export type NewAuditRecord = Omit<AuditRecord, 'id'>;
/** Filters of the admin's view; times are ISO, `to` exclusive. */
export type AuditFilter = { from?: string; to?: string; actor?: string; action?: string };

/** Append-only: no update or delete, except the retention purge (the database refuses the rest, see migration 17). */
export interface AuditRepo {
  add(entry: NewAuditRecord): Promise<AuditRecord>;
  /** One page, newest first, with the number of all matching rows. */
  page(filter: AuditFilter, limit: number, offset: number): Promise<{ rows: AuditRecord[]; total: number }>;
  /** Every matching row, newest first, at most `limit` (the CSV export). */
  all(filter: AuditFilter, limit: number): Promise<AuditRecord[]>;
  /** Deletes rows older than `before` (ISO); returns how many. */
  purge(before: string): Promise<number>;
}

type Row = {
  id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  target: string | null;
  detail: string;
};
const toRecord = (r: Row): AuditRecord => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actor: r.actor,
  action: r.action,
  target: r.target,
  detail: JSON.parse(r.detail) as AuditRecord['detail'],
});

/** The WHERE clause of a filter, with its parameters numbered from 1. */
function where(filter: AuditFilter): { clause: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  const add = (sql: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  add('at >= ?', filter.from);
  add('at < ?', filter.to);
  add('actor = ?', filter.actor);
  add('action = ?', filter.action);
  return { clause: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function createAuditRepo(sql: Sql): AuditRepo {
  const select = async (filter: AuditFilter, limit: number, offset: number) => {
    const { clause, params } = where(filter);
    const n = params.length;
    return (
      await sql.all<Row>(`SELECT * FROM audit_log ${clause} ORDER BY at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [
        ...params,
        limit,
        offset,
      ])
    ).map(toRecord);
  };
  return {
    async add(e) {
      const row = await sql.first<Row>(
        `INSERT INTO audit_log (at, actor_id, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [e.at, e.actorId, e.actor, e.action, e.target, JSON.stringify(e.detail)],
      );
      return toRecord(row!);
    },
    async page(filter, limit, offset) {
      const { clause, params } = where(filter);
      const total = (await sql.first<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${clause}`, params))!.n;
      return { rows: await select(filter, limit, offset), total: Number(total) };
    },
    all: (filter, limit) => select(filter, limit, 0),
    purge: (before) => sql.run('DELETE FROM audit_log WHERE at < $1', [before]),
  };
}
