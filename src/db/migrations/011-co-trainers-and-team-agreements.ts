import type { Migration } from './dialect';

export const migration: Migration = {
  id: 11,
  name: 'co-trainers and team agreements',
  // A co-trainer runs the session with its owner (present, rounds, reveal, results) but cannot delete it or
  // change who else may. The team's agreements ("what we do differently with clients") belong to the session.
  sql: (d) => `
    CREATE TABLE workshop_trainers (
      workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      added_at ${d.time} NOT NULL,
      PRIMARY KEY (workshop_id, user_id)
    )${d.strictWithoutRowid};
    CREATE INDEX workshop_trainers_user ON workshop_trainers (user_id);
    ALTER TABLE workshops ADD COLUMN agreements ${d.json} NOT NULL DEFAULT '[]';
  `,
};
