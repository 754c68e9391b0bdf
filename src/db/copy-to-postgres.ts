import { createHash } from 'node:crypto';
import pg from 'pg';
import { inTransaction } from './postgres/pool';
import { openPgStore } from './postgres/store';
import { pgSchema, sqliteSchema } from './schema-info';
import type { SqliteDb } from './sqlite/open';
import { openSqliteStore } from './sqlite/store';

/** Parents before children, so every foreign key finds its row. */
const TABLE_ORDER = [
  'users',
  'user_tokens',
  'workshops',
  'workshop_trainers',
  'assessments',
  'likert_answers',
  'choice_answers',
  'projects',
  'stakeholders',
  'stakeholder_contacts',
  'project_members',
  'plan_actions',
  'surveys',
  'survey_responses',
  'norm_tables',
  'remarks',
  'exercises',
  'exercise_answers',
  'exercise_votes',
  'reader_corrections',
  'login_sessions',
  'rate_limits',
  'audit_log',
];

export type TableCheck = { table: string; sqlite: number; postgres: number; same: boolean };

/**
 * Copies every row of a SQLite database into an empty PostgreSQL database (migrated first), in one
 * transaction, keeping ids; then counts and compares every table on both sides (a digest of all rows
 * in key order). Refuses a target that holds data or whose schema differs from the source's.
 */
export async function copyToPostgres(
  sqlitePath: string,
  pgOptions: { url: string; schema?: string },
  progress: (line: string) => void = () => undefined,
): Promise<TableCheck[]> {
  const source = openSqliteStore(sqlitePath);
  const target = await openPgStore(pgOptions);
  try {
    const schema = sqliteSchema(source.sqlite);
    if (JSON.stringify(schema) !== JSON.stringify(await pgSchema(target.pool))) {
      throw new Error('The PostgreSQL schema differs from the SQLite one; both must be at the same migration.');
    }
    const tables = Object.keys(schema).filter((t) => t !== 'schema_migrations');
    const unknown = tables.filter((t) => !TABLE_ORDER.includes(t));
    if (unknown.length) throw new Error(`No copy order for table(s): ${unknown.join(', ')}`);
    for (const t of TABLE_ORDER) {
      const n = (await target.pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(t)}`)).rows[0]!.n;
      if (n > 0) throw new Error(`The PostgreSQL database is not empty (${t} has ${n} rows); copy only into an empty database.`);
    }

    await inTransaction(target.pool, async (c) => {
      for (const t of TABLE_ORDER) {
        const columns = schema[t]!.columns.map((col) => col.name);
        // PostgreSQL takes at most 65535 parameters per statement.
        const batch = Math.floor(60_000 / columns.length);
        const names = columns.map((col) => pg.escapeIdentifier(col)).join(', ');
        let rows: unknown[][] = [];
        let copied = 0;
        const flush = async () => {
          if (!rows.length) return;
          const placeholders = rows.map((_, r) => `(${columns.map((_c, i) => `$${r * columns.length + i + 1}`).join(', ')})`).join(', ');
          await c.query(`INSERT INTO ${pg.escapeIdentifier(t)} (${names}) VALUES ${placeholders}`, rows.flat());
          copied += rows.length;
          rows = [];
        };
        for (const r of source.sqlite.prepare(`SELECT ${names} FROM "${t}"`).raw().iterate() as Iterable<unknown[]>) {
          rows.push(r);
          if (rows.length >= batch) await flush();
        }
        await flush();
        if (schema[t]!.primaryKey.join() === 'id') {
          // Identity columns continue after the highest copied id.
          await c.query(
            `SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM ${pg.escapeIdentifier(t)}), 0) + 1, false)`,
            [t],
          );
        }
        progress(`${t}: ${copied} rows copied`);
      }
    });

    return await compareTables(source.sqlite, target.pool);
  } finally {
    await target.close();
    await source.close();
  }
}

/** Row counts and a digest of every row, in key order, of each table on both sides. */
export async function compareTables(source: SqliteDb, target: pg.Pool): Promise<TableCheck[]> {
  const schema = sqliteSchema(source);
  const kinds = await nativeKinds(target);
  const checks: TableCheck[] = [];
  for (const t of TABLE_ORDER) {
    const info = schema[t]!;
    const names = info.columns.map((col) => col.name);
    const cols = names.map((n) => pg.escapeIdentifier(n)).join(', ');
    const textual = new Set(info.columns.filter((col) => col.type === 'text').map((col) => col.name));
    // Byte order for text keys on both sides, whatever the PostgreSQL locale.
    const order = (collate: boolean) =>
      info.primaryKey.map((k) => `${pg.escapeIdentifier(k)}${collate && textual.has(k) ? ' COLLATE "C"' : ''}`).join(', ');
    const canonical = (rows: unknown[][]) => rows.map((r) => r.map((v, i) => canonicalValue(kinds.get(`${t}.${names[i]}`), v)));
    const a = canonical(
      source
        .prepare(`SELECT ${cols} FROM "${t}" ORDER BY ${order(false)}`)
        .raw()
        .all() as unknown[][],
    );
    const b = canonical(
      (await target.query({ text: `SELECT ${cols} FROM ${pg.escapeIdentifier(t)} ORDER BY ${order(true)}`, rowMode: 'array' }))
        .rows as unknown[][],
    );
    checks.push({ table: t, sqlite: a.length, postgres: b.length, same: a.length === b.length && digest(a) === digest(b) });
  }
  return checks;
}

type Kind = 'boolean' | 'time' | 'json' | undefined;

/** The columns PostgreSQL keeps in a native type of its own, as `table.column` → kind. */
async function nativeKinds(target: pg.Pool): Promise<Map<string, Kind>> {
  const { rows } = await target.query<{ t: string; c: string; type: string }>(
    `SELECT table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type IN ('boolean', 'timestamp with time zone', 'jsonb')`,
  );
  const kind = (type: string): Kind => (type === 'boolean' ? 'boolean' : type === 'jsonb' ? 'json' : 'time');
  return new Map(rows.map((r) => [`${r.t}.${r.c}`, kind(r.type)]));
}

/** One form for a value read from either side: booleans as 0/1, times as ISO text, JSON with sorted keys. */
function canonicalValue(kind: Kind, v: unknown): unknown {
  if (v === null || kind === undefined) return v;
  if (kind === 'boolean') return v === true || v === 1 ? 1 : 0;
  if (kind === 'time') return new Date(v as string).toISOString();
  return JSON.stringify(sortKeys(typeof v === 'string' ? JSON.parse(v) : v));
}
const sortKeys = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
};

const digest = (rows: unknown[][]) => {
  const h = createHash('sha256');
  for (const r of rows) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex');
};
