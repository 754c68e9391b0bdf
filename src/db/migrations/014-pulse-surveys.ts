import type { Migration } from './dialect';

export const migration: Migration = {
  id: 14,
  name: 'pulse surveys for the staff of a client',
  // A survey belongs to a project (deleted with it); its code is the short public link. Responses are anonymous:
  // the department, the answers, the two open answers and the time of consent, nothing that names anyone.
  // closed_at: when the retention period of a closed survey starts (RETENTION_SURVEY_DAYS).
  sql: (d) => `
    CREATE TABLE surveys (
      id ${d.id},
      public_id TEXT NOT NULL UNIQUE,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      code TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      departments ${d.json} NOT NULL,
      lang TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
      round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      closed_at ${d.time},
      created_at ${d.time} NOT NULL
    )${d.strict};
    CREATE INDEX surveys_project ON surveys (project_id);
    CREATE TABLE survey_responses (
      id ${d.id},
      survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      round INTEGER NOT NULL,
      department TEXT NOT NULL,
      answers ${d.json} NOT NULL,
      worries TEXT,
      needs TEXT,
      consent_at ${d.time} NOT NULL,
      created_at ${d.time} NOT NULL
    )${d.strict};
    CREATE INDEX survey_responses_survey ON survey_responses (survey_id, round);
  `,
};
