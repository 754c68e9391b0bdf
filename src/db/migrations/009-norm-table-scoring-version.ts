import type { Migration } from './dialect';

export const migration: Migration = {
  id: 9,
  name: 'scoring version of frozen norm tables',
  // Norm tables hold combined scores; scoring 2 (centred, standardised parts) changed what a combined score is, so a
  // table frozen before holds numbers of another scale. Such tables are kept (scoring 1) but no longer used or
  // activated; an admin freezes a new one (README, "Scoring").
  sql: () => `
    ALTER TABLE norm_tables ADD COLUMN scoring INTEGER NOT NULL DEFAULT 1;
    UPDATE norm_tables SET active = FALSE;
  `,
};
