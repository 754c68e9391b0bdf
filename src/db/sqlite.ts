import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDb = Database.Database;

/**
 * Opens (and creates) the database file with the settings every connection needs.
 * WAL lets readers run during writes; a committed transaction is in the WAL file before
 * better-sqlite3 returns, so it survives a crash of the process (kill -9).
 */
export function openSqlite(file: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL'): SqliteDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted personal data is overwritten in the file, not just unlinked from the b-tree.
  db.pragma('secure_delete = ON');
  return db;
}
