import type { Migration } from './dialect';

export const migration: Migration = {
  id: 18,
  name: 'user status, last login and one-time user tokens',
  // Deactivated users cannot log in; an invited user has password_hash '' until they set one (SQLite cannot drop
  // NOT NULL, and '' never verifies). user_tokens: invitation and reset links, only a SHA-256 of each token kept.
  sql: (d) => `
    ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated'));
    ALTER TABLE users ADD COLUMN last_login_at ${d.time};
    CREATE TABLE user_tokens (
      id ${d.id},
      token_hash TEXT NOT NULL UNIQUE,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('invite', 'reset')),
      expires_at ${d.time} NOT NULL,
      used_at ${d.time},
      created_at ${d.time} NOT NULL
    )${d.strict};
    CREATE INDEX user_tokens_user ON user_tokens (user_id);
  `,
};
