import type { Config } from '../config';
import { openPgStore } from './postgres/store';
import { openSqliteStore } from './sqlite/store';
import type { Store } from './store';

/** The store the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export async function openStore(config: Config, options: { server?: boolean; onError?: (err: Error) => void } = {}): Promise<Store> {
  if (config.databaseUrl) return openPgStore({ url: config.databaseUrl, poolMax: config.pgPoolMax, onError: options.onError });
  return openSqliteStore(config.databasePath, {
    synchronous: config.sqliteSynchronous,
    busyTimeoutMs: config.sqliteBusyTimeoutMs,
    checkpointInWorker: options.server === true,
  });
}
