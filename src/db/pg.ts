import pg, { type Pool, type PoolClient, type QueryResultRow } from 'pg';

/**
 * The connection pool every PostgreSQL repository shares. bigint (count(*), epoch milliseconds)
 * comes back as a JS number: every such value here stays far below 2^53.
 */
export type PgOptions = {
  url: string;
  poolMax?: number;
  /** A schema other than the user's default (tests give each app its own); created when missing. */
  schema?: string;
};

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function createPool({ url, poolMax = 10, schema }: PgOptions): Pool {
  return new pg.Pool({
    connectionString: url,
    max: poolMax,
    // A request waits at most this long for a free connection; then it gets a 503 "busy".
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 10_000,
    types,
    ...(schema ? { options: `-c search_path=${pg.escapeIdentifier(schema)}` } : {}),
  });
}

/** Runs `fn` in one transaction on one connection; rolls back when it throws. */
export async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    // A connection that could not even roll back is discarded instead of going back to the pool.
    client.release(broken);
  }
}

type Queryable = Pool | PoolClient;
export async function rows<T extends QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(text, values)).rows;
}
export async function row<T extends QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<T | null> {
  return (await db.query<T>(text, values)).rows[0] ?? null;
}
export async function changed(db: Queryable, text: string, values: unknown[] = []): Promise<number> {
  return (await db.query(text, values)).rowCount ?? 0;
}
