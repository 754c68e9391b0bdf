import pg, { type Pool, type PoolClient } from 'pg';

/**
 * The connection pool every PostgreSQL repository shares. bigint (count(*), epoch milliseconds)
 * comes back as a JS number: every such value here stays far below 2^53.
 */
export type PgOptions = {
  url: string;
  poolMax?: number;
  /** A schema other than the user's default (tests give each app its own); created when missing. */
  schema?: string;
  /** How long a statement waits for a row lock before the request gets a 503 "busy". */
  lockTimeoutMs?: number;
  /** A statement running longer than this is cancelled (a runaway query must not hold a connection). */
  statementTimeoutMs?: number;
};

/** Session settings for every connection, as libpq's options parameter. */
export function sessionOptions({
  schema,
  lockTimeoutMs = 5000,
  statementTimeoutMs = 30_000,
}: Pick<PgOptions, 'schema' | 'lockTimeoutMs' | 'statementTimeoutMs'>): string {
  const opts = [`-c lock_timeout=${Math.trunc(lockTimeoutMs)}`, `-c statement_timeout=${Math.trunc(statementTimeoutMs)}`];
  if (schema) opts.push(`-c search_path=${pg.escapeIdentifier(schema)}`);
  return opts.join(' ');
}

/*
 * Values come back as the shared repositories expect them on both backends (see sql.ts): bigint as a
 * number (counts and epoch milliseconds stay far below 2^53), timestamptz as ISO text like
 * Date#toISOString, date as YYYY-MM-DD, jsonb as its JSON text (the row mappers parse it, as for SQLite).
 */
const { builtins } = pg.types;
const parseTimestamptz = pg.types.getTypeParser(builtins.TIMESTAMPTZ) as (v: string) => Date;
const OWN: Partial<Record<number, (v: string) => unknown>> = {
  [builtins.INT8]: (v) => Number(v),
  [builtins.TIMESTAMPTZ]: (v) => parseTimestamptz(v).toISOString(),
  [builtins.DATE]: (v) => v,
  [builtins.JSONB]: (v) => v,
};
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    OWN[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Connection settings for one connection: libpq's `options` from the URL (e.g. a search_path) are kept
 * and our session settings added, as node-postgres lets the URL's options replace ours otherwise.
 */
export function connectionConfig(options: PgOptions): pg.ClientConfig {
  // Only the query string is touched (split by hand): WHATWG URL parsing refuses valid libpq forms
  // such as postgres://user@/db?host=/var/run/postgresql.
  const at = options.url.indexOf('?');
  const base = at < 0 ? options.url : options.url.slice(0, at);
  const query = new URLSearchParams(at < 0 ? '' : options.url.slice(at + 1));
  const fromUrl = query.get('options');
  query.delete('options');
  const rest = query.toString();
  return { connectionString: rest ? `${base}?${rest}` : base, options: [fromUrl, sessionOptions(options)].filter(Boolean).join(' ') };
}

export function createPool(options: PgOptions): Pool {
  const { poolMax = 10 } = options;
  return new pg.Pool({
    ...connectionConfig(options),
    max: poolMax,
    // A request waits at most this long for a free connection; then it gets a 503 "busy".
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 10_000,
    types,
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

/** A URL that puts every connection into `schema` (libpq's options parameter). */
export function urlWithSchema(url: string, schema: string): string {
  const at = url.indexOf('?');
  const query = new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
  query.set('options', `-c search_path=${schema}`);
  return `${at < 0 ? url : url.slice(0, at)}?${query.toString()}`;
}

/** Removes a schema with everything in it (temporary benchmark and test schemas). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await c.end();
  }
}
