import type { Migration } from './dialect';

export const migration: Migration = {
  id: 16,
  name: 'what the change threatens: the change description of a project',
  // Per change dimension (data/change/dimensions.json) its intensity 0-3; a dimension left out counts as 0. Kept as
  // one JSON object because the dimensions come from a data file and may grow: no column per dimension to migrate.
  sql: (d) => `
    ALTER TABLE projects ADD COLUMN change_dimensions ${d.json} NOT NULL DEFAULT '{}';
  `,
};
