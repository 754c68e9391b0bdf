import type { Migration } from './dialect';

export const migration: Migration = {
  id: 5,
  name: 'frozen norm tables',
  sql: (d) => `
    CREATE TABLE norm_tables (
      id ${d.id},
      model_version TEXT NOT NULL,
      created_at TEXT NOT NULL,
      n INTEGER NOT NULL,
      scores_json TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
    )${d.strict};
    CREATE INDEX norm_tables_version ON norm_tables (model_version);
    CREATE INDEX assessments_completed_version ON assessments (model_version, completed_at) WHERE completed_at IS NOT NULL;
  `,
};
