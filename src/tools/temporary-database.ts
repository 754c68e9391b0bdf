import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dropSchema, urlWithSchema } from '../db/postgres/pool';
import { openPgStore } from '../db/postgres/store';
import { openSqliteStore } from '../db/sqlite/store';
import type { Store } from '../db/store';

export type TemporaryDatabase = { label: string; env: Record<string, string>; open(): Promise<Store>; drop(): Promise<void> };

/**
 * A temporary database for the benchmark and the load test: a SQLite file in `dir`, or a new schema in the PostgreSQL
 * database at `pgUrl`.
 */
export async function temporaryDatabase(dir: string, pgUrl: string | undefined, prefix = 'tmp'): Promise<TemporaryDatabase> {
  if (!pgUrl) {
    const file = path.join(dir, `${prefix}.sqlite`);
    return { label: 'SQLite', env: { DATABASE_PATH: file }, open: async () => openSqliteStore(file), drop: async () => undefined };
  }
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const host = new URL(pgUrl).hostname || 'local socket';
  return {
    label: `PostgreSQL at ${host} (same machine: it shares the 2 cores)`,
    env: { DATABASE_URL: urlWithSchema(pgUrl, schema) },
    open: () => openPgStore({ url: pgUrl, schema }),
    drop: () => dropSchema(pgUrl, schema),
  };
}
