import type { Migration } from './dialect';

export const migration: Migration = {
  id: 1,
  name: 'assessments and answers',
  sql: (d) => `
    CREATE TABLE assessments (
      id ${d.id},
      token_hash TEXT NOT NULL UNIQUE,
      lang TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
      name TEXT,
      model_version TEXT NOT NULL,
      consent_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      completed_at TEXT,
      profile_json TEXT
    )${d.strict};
    CREATE TABLE likert_answers (
      assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
      duration_ms INTEGER,
      answered_at TEXT NOT NULL,
      PRIMARY KEY (assessment_id, item_id)
    )${d.strictWithoutRowid};
    CREATE TABLE choice_answers (
      assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      most TEXT NOT NULL,
      least TEXT NOT NULL CHECK (least <> most),
      duration_ms INTEGER,
      answered_at TEXT NOT NULL,
      PRIMARY KEY (assessment_id, item_id)
    )${d.strictWithoutRowid};
  `,
};
