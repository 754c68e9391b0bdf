import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { repositories } from '../repositories';
import type { ChangeFeed, Store } from '../store';
import { createSqliteAssessmentHotPaths } from './assessments';
import { migrate } from './migrate';
import { createSqliteScrub } from './scrub';
import { openSqlite, type SqliteDb, type SqliteOptions } from './open';
import { sqliteSql } from './sql';

/**
 * Opens the SQLite file, applies pending migrations and returns the repositories over it. With
 * `checkpointInWorker` (the server), WAL checkpoints run in a worker thread instead of inside a request.
 */
export function openSqliteStore(
  file: string,
  options: SqliteOptions & { checkpointInWorker?: boolean } = {},
): Store & { sqlite: SqliteDb } {
  const sqlite = openSqlite(file, options);
  migrate(sqlite);
  const store = storeOver(sqlite);
  if (!options.checkpointInWorker || file === ':memory:') return store;
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(path.join(__dirname, 'checkpointer.js'), { workerData: { file, intervalMs: 1000 } });
  worker.unref();
  return {
    ...store,
    async close() {
      worker.ref(); // keep the process alive until the worker has closed its connection
      worker.postMessage('stop');
      await new Promise((resolve) => worker.once('exit', resolve));
      await store.close();
    },
  };
}

// One process owns a SQLite file, so every change is already known where it matters.
const SINGLE_PROCESS: ChangeFeed = { publish: () => undefined, subscribe: () => () => undefined };

/** The repositories over an open connection (also a read-only one, for tests of a read-only disk). */
export function storeOver(sqlite: SqliteDb): Store & { sqlite: SqliteDb } {
  const sql = sqliteSql(sqlite);
  const scrubber = createSqliteScrub(sqlite);
  return {
    backend: 'sqlite',
    changes: SINGLE_PROCESS,
    sqlite,
    ...repositories(sql, createSqliteAssessmentHotPaths(sqlite, sql)),
    async scrub() {
      await scrubber.scrub();
    },
    async ping() {
      await sql.first('SELECT 1 AS ok');
    },
    async close() {
      scrubber.stop();
      if (sqlite.open) sqlite.close();
    },
  };
}
