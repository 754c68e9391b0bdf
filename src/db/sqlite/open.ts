import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDb = Database.Database;

/**
 * Opens (and creates) the database file with the settings every connection needs.
 * WAL lets readers run during writes; a committed transaction is in the WAL file before
 * better-sqlite3 returns, so it survives a crash of the process (kill -9).
 */
export type SqliteOptions = { synchronous?: 'NORMAL' | 'FULL'; busyTimeoutMs?: number };

export function openSqlite(file: string, { synchronous = 'NORMAL', busyTimeoutMs = 5000 }: SqliteOptions = {}): SqliteDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  // Deleted personal data is overwritten in the file, not just unlinked from the b-tree.
  db.pragma('secure_delete = ON');
  // Reads through memory-mapped pages instead of a read() per page: fewer system calls on hot paths.
  if (file !== ':memory:') db.pragma('mmap_size = 268435456');
  return db;
}
