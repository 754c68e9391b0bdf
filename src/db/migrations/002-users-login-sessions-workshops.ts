import type { Migration } from './dialect';

export const migration: Migration = {
  id: 2,
  name: 'users, login sessions and workshops',
  sql: (d) => `
    CREATE TABLE users (
      id ${d.id},
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('trainer', 'consultant', 'admin')),
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL
    )${d.strict};
    CREATE TABLE login_sessions (
      sid TEXT PRIMARY KEY,
      expires_at ${d.bigint} NOT NULL,
      data TEXT NOT NULL
    )${d.strict};
    CREATE INDEX login_sessions_expiry ON login_sessions (expires_at);
    CREATE TABLE workshops (
      id ${d.id},
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
    )${d.strict};
    CREATE INDEX workshops_owner ON workshops (owner_id);
    ALTER TABLE assessments ADD COLUMN workshop_id INTEGER REFERENCES workshops(id) ON DELETE CASCADE;
    CREATE INDEX assessments_workshop ON assessments (workshop_id);
  `,
};
