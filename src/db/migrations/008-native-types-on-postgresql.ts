import type { Migration } from './dialect';

const time = (table: string, ...columns: string[]) =>
  `ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} TYPE timestamptz USING ${c}::timestamptz`).join(', ')};`;
const bool = (table: string, column: string, def?: boolean) =>
  `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_${column}_check${def === undefined ? '' : `, ALTER COLUMN ${column} DROP DEFAULT`},
     ALTER COLUMN ${column} TYPE boolean USING ${column} = 1${def === undefined ? '' : `, ALTER COLUMN ${column} SET DEFAULT ${def}`};`;
const json = (table: string, column: string) => `ALTER TABLE ${table} ALTER COLUMN ${column} TYPE jsonb USING ${column}::jsonb;`;

/** Booleans, times and JSON in PostgreSQL's own types; existing rows are converted in place. */
const POSTGRES_NATIVE_TYPES = [
  time('assessments', 'consent_at', 'created_at', 'completed_at'),
  json('assessments', 'profile_json'),
  time('likert_answers', 'answered_at'),
  time('choice_answers', 'answered_at'),
  time('users', 'created_at'),
  json('login_sessions', 'data'),
  bool('workshops', 'anonymous'),
  bool('workshops', 'revealed', false),
  time('workshops', 'created_at', 'keep_until'),
  time('projects', 'created_at', 'updated_at'),
  time('stakeholders', 'created_at', 'updated_at'),
  json('stakeholders', 'drives'),
  'ALTER TABLE stakeholders ALTER COLUMN last_contact TYPE date USING last_contact::date;',
  time('norm_tables', 'created_at'),
  json('norm_tables', 'scores_json'),
  bool('norm_tables', 'active', false),
].join('\n');

export const migration: Migration = {
  id: 8,
  name: 'native types on PostgreSQL',
  // SQLite keeps 0/1, ISO text and JSON text (its STRICT tables know no other types); the adapters
  // return the same values from both (see sql.ts and postgres/pool.ts). team_published stays text: an
  // opaque value compared as written (compare and set), not JSON to query.
  sql: (d) => (d.name === 'sqlite' ? '' : POSTGRES_NATIVE_TYPES),
};
