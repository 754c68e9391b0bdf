import type { SqliteDb } from './sqlite';

/** Numbered migrations, applied in order and recorded in schema_migrations. Never edit a released one. */
export const MIGRATIONS: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'assessments and answers',
    sql: `
      CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        lang TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        name TEXT,
        model_version TEXT NOT NULL,
        consent_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        completed_at TEXT,
        profile_json TEXT
      ) STRICT;
      CREATE TABLE likert_answers (
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
        duration_ms INTEGER,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE choice_answers (
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        most TEXT NOT NULL,
        least TEXT NOT NULL CHECK (least <> most),
        duration_ms INTEGER,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, item_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
];

export function migrate(db: SqliteDb): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const done = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[]);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString());
    })();
    applied.push(m.id);
  }
  return applied;
}
