import type { Pool } from 'pg';
import { MIGRATIONS, POSTGRES } from '../migrations';

// Any constant would do; it only has to be the same in every instance.
const MIGRATION_LOCK = 7_346_221;

/**
 * Applies pending migrations in order, each in its own transaction, recorded in schema_migrations as
 * in SQLite (`upTo`: stop after that id, for tests of migrating an older database). An advisory lock makes instances
 * that start together wait for one another.
 */
export async function migratePg(pool: Pool, { upTo = Infinity }: { upTo?: number } = {}): Promise<number[]> {
  const client = await pool.connect();
  try {
    // Migrations wait as long as another instance migrates (not the request lock timeout), and only
    // for instances on the same schema: test schemas and tenants do not queue behind each other.
    await client.query('SET lock_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
    // Checked first, so a read-only standby with an up-to-date schema can still be opened.
    if (!(await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations') AS t")).rows[0]!.t) {
      await client.query('CREATE TABLE schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    }
    const done = new Set((await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id) || m.id > upTo) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql(POSTGRES));
        await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [
          m.id,
          m.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      applied.push(m.id);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [MIGRATION_LOCK]).catch(() => undefined);
    await client.query('RESET lock_timeout').catch(() => undefined);
    client.release();
  }
}
