import type { Migration } from './dialect';

export const migration: Migration = {
  id: 4,
  name: 'consent text version and session retention',
  sql: () => `
    ALTER TABLE assessments ADD COLUMN consent_version TEXT NOT NULL DEFAULT 'unknown';
    ALTER TABLE workshops ADD COLUMN keep_until TEXT;
    CREATE INDEX assessments_unfinished ON assessments (created_at) WHERE completed_at IS NULL;
  `,
};
