import { migrate } from './migrations';
import { openSqlite, type SqliteDb } from './sqlite';
import { createSqliteAssessmentRepo } from './sqlite-assessments';
import { createSqliteLoginSessionRepo, createSqliteUserRepo } from './sqlite-users';
import { createSqliteWorkshopRepo } from './sqlite-workshops';
import { createSqliteProjectRepo } from './sqlite-projects';
import type { Store } from './store';

/** Opens the SQLite file, applies pending migrations and returns the repositories over it. */
export function openSqliteStore(file: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL'): Store & { sqlite: SqliteDb } {
  const sqlite = openSqlite(file, synchronous);
  migrate(sqlite);
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
