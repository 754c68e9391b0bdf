import type { Migration } from './dialect';

export const migration: Migration = {
  id: 6,
  name: 'shared rate-limit counters',
  sql: (d) => `
    CREATE TABLE rate_limits (
      key TEXT PRIMARY KEY,
      hits INTEGER NOT NULL,
      reset_at ${d.bigint} NOT NULL
    )${d.strictWithoutRowid};
    CREATE INDEX rate_limits_reset ON rate_limits (reset_at);
  `,
};
