import { migrate } from './migrations';
import { openSqlite, type SqliteDb, type SqliteOptions } from './sqlite';
import { createSqliteAssessmentRepo } from './sqlite-assessments';
import { createSqliteLoginSessionRepo, createSqliteUserRepo } from './sqlite-users';
import { createSqliteWorkshopRepo } from './sqlite-workshops';
import { createSqliteProjectRepo } from './sqlite-projects';
import type { Store } from './store';

/** Opens the SQLite file, applies pending migrations and returns the repositories over it. */
export function openSqliteStore(file: string, options: SqliteOptions = {}): Store & { sqlite: SqliteDb } {
  const sqlite = openSqlite(file, options);
  migrate(sqlite);
  return storeOver(sqlite);
}

/** The repositories over an open connection (also a read-only one, for tests of a read-only disk). */
export function storeOver(sqlite: SqliteDb): Store & { sqlite: SqliteDb } {
  return {
    sqlite,
    assessments: createSqliteAssessmentRepo(sqlite),
    users: createSqliteUserRepo(sqlite),
    loginSessions: createSqliteLoginSessionRepo(sqlite),
    workshops: createSqliteWorkshopRepo(sqlite),
    projects: createSqliteProjectRepo(sqlite),
    async close() {
      if (sqlite.open) sqlite.close();
    },
  };
}
