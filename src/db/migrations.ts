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
  {
    id: 2,
    name: 'users, login sessions and workshops',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('trainer', 'consultant', 'admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE login_sessions (
        sid TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL,
        data TEXT NOT NULL
      ) STRICT;
      CREATE INDEX login_sessions_expiry ON login_sessions (expires_at);
      CREATE TABLE workshops (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
        anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
        min_group_size INTEGER NOT NULL CHECK (min_group_size >= 1),
        code TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        revealed INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX workshops_owner ON workshops (owner_id);
      ALTER TABLE assessments ADD COLUMN workshop_id INTEGER REFERENCES workshops(id) ON DELETE CASCADE;
      CREATE INDEX assessments_workshop ON assessments (workshop_id);
    `,
  },
  {
    id: 3,
    name: 'own profiles, projects and stakeholders',
    sql: `
      ALTER TABLE assessments ADD COLUMN user_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
      CREATE INDEX assessments_user ON assessments (user_id);
      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        client TEXT NOT NULL,
        system TEXT NOT NULL,
        phase TEXT NOT NULL,
        notes TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX projects_owner ON projects (owner_id);
      CREATE TABLE stakeholders (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        department TEXT NOT NULL,
        influence INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
        support INTEGER NOT NULL CHECK (support BETWEEN -2 AND 2),
        drives TEXT NOT NULL,
        concerns TEXT NOT NULL,
        approach TEXT NOT NULL,
        last_contact TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stakeholders_project ON stakeholders (project_id);
    `,
  },
  {
    id: 4,
    name: 'consent text version and session retention',
    sql: `
      ALTER TABLE assessments ADD COLUMN consent_version TEXT NOT NULL DEFAULT 'unknown';
      ALTER TABLE workshops ADD COLUMN keep_until TEXT;
      CREATE INDEX assessments_unfinished ON assessments (created_at) WHERE completed_at IS NULL;
    `,
  },
  {
    id: 5,
    name: 'frozen norm tables',
    sql: `
      CREATE TABLE norm_tables (
        id INTEGER PRIMARY KEY,
        model_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        n INTEGER NOT NULL,
        scores_json TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE INDEX norm_tables_version ON norm_tables (model_version);
      CREATE INDEX assessments_completed_version ON assessments (model_version, completed_at) WHERE completed_at IS NOT NULL;
    `,
  },
  {
    id: 6,
    name: 'shared rate-limit counters',
    sql: `
      CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY,
        hits INTEGER NOT NULL,
        reset_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX rate_limits_reset ON rate_limits (reset_at);
    `,
  },
  {
    id: 7,
    name: 'published team aggregate of anonymous sessions',
    // Which completed participants the shown team chart covers (opaque keys, JSON), so it only moves on
    // in steps of at least the minimum group size (src/domain/disclosure.ts).
    sql: `ALTER TABLE workshops ADD COLUMN team_published TEXT;`,
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
