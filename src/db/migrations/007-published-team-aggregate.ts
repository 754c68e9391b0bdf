import type { Migration } from './dialect';

export const migration: Migration = {
  id: 7,
  name: 'published team aggregate of anonymous sessions',
  // Which completed participants the shown team chart covers (opaque keys, JSON), so it only moves on
  // in steps of at least the minimum group size (src/domain/disclosure.ts).
  sql: () => 'ALTER TABLE workshops ADD COLUMN team_published TEXT;',
};
