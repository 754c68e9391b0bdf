import type { Migration } from './dialect';

export const migration: Migration = {
  id: 10,
  name: 'workshop studio: steps, exercises, answers, votes, own remarks',
  // The session's current step ('lobby', 'team', 'end' or an exercise's public id) lives on the workshop, so every
  // instance and every phone follows the same one. Answers and votes cascade from the participant (assessment).
  sql: (d) => `
    ALTER TABLE workshops ADD COLUMN step TEXT NOT NULL DEFAULT 'lobby';
    ALTER TABLE workshops ADD COLUMN points ${d.bool} NOT NULL DEFAULT ${d.false};
    CREATE TABLE remarks (
      id ${d.id},
      public_id TEXT NOT NULL UNIQUE,
      owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      lang TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
      text TEXT NOT NULL,
      drive TEXT,
      also ${d.json} NOT NULL,
      explanation TEXT NOT NULL,
      created_at ${d.time} NOT NULL
    )${d.strict};
    CREATE INDEX remarks_owner ON remarks (owner_id);
    CREATE TABLE exercises (
      id ${d.id},
      public_id TEXT NOT NULL UNIQUE,
      workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('recognize', 'open', 'poll')),
      prompt TEXT NOT NULL,
      remark_id TEXT,
      drive TEXT,
      also ${d.json} NOT NULL,
      explanation TEXT,
      options ${d.json} NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'revealed')),
      closes_at ${d.time},
      created_at ${d.time} NOT NULL
    )${d.strict};
    CREATE INDEX exercises_workshop ON exercises (workshop_id, position);
    CREATE TABLE exercise_answers (
      id ${d.id},
      exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
      assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
      value TEXT NOT NULL,
      hidden ${d.bool} NOT NULL DEFAULT ${d.false},
      answered_at ${d.time} NOT NULL,
      UNIQUE (exercise_id, assessment_id)
    )${d.strict};
    CREATE INDEX exercise_answers_assessment ON exercise_answers (assessment_id);
    CREATE TABLE exercise_votes (
      answer_id INTEGER NOT NULL REFERENCES exercise_answers(id) ON DELETE CASCADE,
      assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
      PRIMARY KEY (answer_id, assessment_id)
    )${d.strictWithoutRowid};
    CREATE INDEX exercise_votes_assessment ON exercise_votes (assessment_id);
  `,
};
