import { createHash } from 'node:crypto';
import pg from 'pg';
import { repositories } from '../repositories';
import type { Store } from '../store';
import { createPgAssessmentHotPaths } from './assessments';
import { createPgChangeFeed } from './changes';
import { migratePg } from './migrate';
import { connectionConfig, createPool, type PgOptions } from './pool';
import { pgSql } from './sql';

export type PgStore = Store & { pool: pg.Pool; schema: string; changes: ReturnType<typeof createPgChangeFeed> };

/**
 * The NOTIFY channel of a schema: readable for plain names; a hash where the name would pass PostgreSQL's
 * 63-byte limit for identifiers (a truncated name could be shared by two schemas).
 */
export function channelFor(schema: string): string {
  const plain = `drijfveer_changes_${schema}`;
  if (/^[a-z0-9_]+$/.test(schema) && plain.length <= 63) return plain;
  return `drijfveer_changes_${createHash('sha256').update(schema).digest('hex').slice(0, 32)}`;
}

/**
 * Connects to PostgreSQL, applies pending migrations and returns the repositories over one pool.
 * Several instances may open the same database: migrations wait for each other, and changes to
 * workshops travel between instances on a LISTEN/NOTIFY channel named after the schema.
 */
export async function openPgStore(options: PgOptions & { onError?: (err: Error) => void }): Promise<PgStore> {
  const pool = createPool(options);
  pool.on('error', (err) => options.onError?.(err)); // an idle connection that broke; the pool replaces it
  try {
    if (options.schema && !(await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [options.schema])).rowCount) {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(options.schema)}`);
    }
    await migratePg(pool);
    const schema = (await pool.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    const changes = createPgChangeFeed(pool, {
      client: connectionConfig(options),
      channel: channelFor(schema),
      onError: options.onError,
    });
    const sql = pgSql(pool);
    return {
      backend: 'postgres',
      pool,
      schema,
      changes,
      ...repositories(sql, createPgAssessmentHotPaths(pool)),
      /*
       * Nothing to do per deletion: PostgreSQL's files are its own. A deleted row stays in its table page as a
       * dead tuple until (auto)vacuum frees the space and later writes reuse it, and in the WAL segments until
       * they are recycled. VACUUM per deletion is not feasible (it cannot run in a transaction, and VACUUM FULL
       * locks and rewrites the whole table), so the data directory and its backups hold personal data like the tables.
       */
      async scrub() {},
      async ping() {
        await pool.query('SELECT 1');
      },
      async close() {
        await changes.close();
        if (!pool.ended) await pool.end();
      },
    };
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
}
