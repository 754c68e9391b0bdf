import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { SqliteDb } from './open';

/** A consistent copy of a live database (SQLite's online backup API), safe while the server writes. */
export async function backupTo(db: SqliteDb, file: string): Promise<void> {
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose a new file name.`);
  await db.backup(file);
}

/** "ok", or what SQLite's integrity check found wrong with the file. */
export function integrityOf(file: string): string {
  if (!fs.existsSync(file)) return `${file} does not exist`;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'").pluck().get();
    if (!tables) return 'not a Drijfveer database (no schema_migrations table)';
    return rows.map((r) => r.integrity_check).join('; ');
  } catch (err) {
    return (err as Error).message;
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database with a backup after checking the backup's integrity. Stop the server first:
 * the copy goes through SQLite's backup API into the target, so its WAL and locks are respected.
 */
export async function restoreFrom(file: string, target: string): Promise<void> {
  const check = integrityOf(file);
  if (check !== 'ok') throw new Error(`The backup ${file} failed the integrity check: ${check}`);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
}
