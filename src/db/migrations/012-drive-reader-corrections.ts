import type { Migration } from './dialect';

export const migration: Migration = {
  id: 12,
  name: 'drive reader corrections',
  // "This was actually ...": the drive the reader gave and the one the consultant chose. The text is kept only
  // with the consultant's consent (null otherwise); deleting the account deletes its corrections.
  sql: (d) => `
    CREATE TABLE reader_corrections (
      id ${d.id},
      public_id TEXT NOT NULL UNIQUE,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      lang TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
      read_drive TEXT NOT NULL,
      drive TEXT NOT NULL,
      consent ${d.bool} NOT NULL,
      text TEXT,
      created_at ${d.time} NOT NULL
    )${d.strict};
    CREATE INDEX reader_corrections_user ON reader_corrections (user_id);
  `,
};
