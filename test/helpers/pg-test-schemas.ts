import pg from 'pg';
import { MIGRATIONS } from '../../src/db/migrations';

/**
 * Test schemas on PostgreSQL are reused instead of made anew for every test: migrating an empty schema (13+ migrations,
 * each its own transaction of DDL) took 250–800 ms on this 2-core machine, emptying a migrated one takes a few ms.
 *
 * A schema is named after the jest worker's process and a slot (`t_p<pid>_<slot>`), so two jest runs at once never share
 * one, and a test file's stores get different slots while they are open together. Before a schema is reused, its
 * recorded migrations must be exactly this code's (same ids and names); otherwise (an older run, another branch) it is
 * dropped and migrated anew. A test that changes the schema itself (DDL through `sql`) marks it, and it is dropped on
 * close. test/helpers/pg-leftovers.js (jest's global teardown) drops the schemas of processes that no longer run.
 */
export const REUSED_PREFIX = 't_p';
const inUse = new Set<number>();

export function claimSlot(): { schema: string; release: () => void } {
  let slot = 0;
  while (inUse.has(slot)) slot++;
  inUse.add(slot);
  return { schema: `${REUSED_PREFIX}${process.pid}_${slot}`, release: () => inUse.delete(slot) };
}

const EXPECTED = MIGRATIONS.map((m) => `${m.id}:${m.name}`).join('\n');

/** Drops the schema unless it holds exactly this code's migrations (or does not exist yet). */
export async function dropIfStale(client: pg.ClientBase, schema: string): Promise<void> {
  const table = pg.escapeIdentifier(schema) + '.schema_migrations';
  const exists = (await client.query('SELECT to_regclass($1) AS t', [`${schema}.schema_migrations`])).rows[0]?.t;
  if (!exists) {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    return;
  }
  const rows = (await client.query<{ id: number; name: string }>(`SELECT id, name FROM ${table} ORDER BY id`)).rows;
  if (rows.map((r) => `${r.id}:${r.name}`).join('\n') !== EXPECTED)
    await client.query(`DROP SCHEMA ${pg.escapeIdentifier(schema)} CASCADE`);
}

/**
 * Empties every table but the migrations' record, with identities back at 1: as a freshly migrated schema. DELETE,
 * not TRUNCATE: TRUNCATE makes new files for every table and index, which took four times as long as deleting a
 * test's few rows. Tables that others reference go last, so no foreign key refuses a deletion.
 */
export async function emptyTables(client: Pick<pg.Pool, 'query'>): Promise<void> {
  const { rows } = await client.query<{ t: string; seq: string | null; refs: string[] }>(
    `SELECT quote_ident(c.relname) AS t,
            (SELECT pg_get_serial_sequence(quote_ident(c.relname), a.attname) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attidentity <> '' LIMIT 1) AS seq,
            ARRAY(SELECT quote_ident(p.relname) FROM pg_constraint k JOIN pg_class p ON p.oid = k.confrelid
                   WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.confrelid <> c.oid) AS refs
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'schema_migrations'`,
  );
  // Referencing tables before the tables they reference (a depth-first order over the foreign keys).
  const refs = new Map(rows.map((r) => [r.t, r.refs]));
  const order: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (order.includes(t) || path.has(t)) return;
    path.add(t);
    for (const [child, parents] of refs) if (parents.includes(t)) visit(child, path);
    order.push(t);
  };
  for (const r of rows) visit(r.t, new Set());
  if (!order.length) return;
  const deletes = order.map((t) => `DELETE FROM ${t};`).join(' ');
  const restarts = rows.filter((r) => r.seq).map((r) => `SELECT setval(${pg.escapeLiteral(r.seq!)}, 1, false);`);
  // The audit log refuses to delete young rows by trigger (migration 17); a test schema is not an audit log, so the
  // triggers are off for this transaction (session_replication_role needs a superuser, as the test database's role is).
  await client.query(`BEGIN; SET LOCAL session_replication_role = replica; ${deletes} ${restarts.join(' ')} COMMIT;`);
}

/** DDL changes the schema itself, so it cannot be reused after the test. */
export const changesSchema = (query: string) => /^\s*(ALTER|DROP|CREATE|REVOKE|GRANT|COMMENT)\b/i.test(query);
