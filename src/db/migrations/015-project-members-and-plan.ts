import type { Migration } from './dialect';

export const migration: Migration = {
  id: 15,
  name: 'project members and the development plan',
  // Colleagues a project is shared with (they read and edit it; only the owner deletes it and chooses them), and the
  // development plan's actions: adapt the software or train people, each with where the concern came from (a contact's
  // public id, or '<survey id>:<department>'). A due date is a calendar day as 'YYYY-MM-DD' text, as in migration 13.
  sql: (d) => `
    CREATE TABLE project_members (
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      added_at ${d.time} NOT NULL,
      PRIMARY KEY (project_id, user_id)
    )${d.strictWithoutRowid};
    CREATE INDEX project_members_user ON project_members (user_id);
    CREATE TABLE plan_actions (
      id ${d.id},
      public_id TEXT NOT NULL UNIQUE,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('adapt', 'train')),
      title TEXT NOT NULL,
      owner TEXT NOT NULL DEFAULT '',
      due TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'doing', 'done')),
      drive TEXT,
      source_kind TEXT NOT NULL CHECK (source_kind IN ('own', 'contact', 'survey')),
      source_ref TEXT,
      created_at ${d.time} NOT NULL,
      updated_at ${d.time} NOT NULL
    )${d.strict};
    CREATE INDEX plan_actions_project ON plan_actions (project_id);
  `,
};
