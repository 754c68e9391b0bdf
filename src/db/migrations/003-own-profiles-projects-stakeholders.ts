import type { Migration } from './dialect';

export const migration: Migration = {
  id: 3,
  name: 'own profiles, projects and stakeholders',
  sql: (d) => `
    ALTER TABLE assessments ADD COLUMN user_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
    CREATE INDEX assessments_user ON assessments (user_id);
    CREATE TABLE projects (
      id ${d.id},
      public_id TEXT NOT NULL UNIQUE,
      owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      client TEXT NOT NULL,
      system TEXT NOT NULL,
      phase TEXT NOT NULL,
      notes TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )${d.strict};
    CREATE INDEX projects_owner ON projects (owner_id);
    CREATE TABLE stakeholders (
      id ${d.id},
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
    )${d.strict};
    CREATE INDEX stakeholders_project ON stakeholders (project_id);
  `,
};
