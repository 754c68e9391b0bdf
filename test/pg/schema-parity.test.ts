import { MIGRATIONS } from '../../src/db/migrations';
import { pgSchema, sqliteSchema } from '../../src/db/schema-info';
import { openSqliteStore } from '../../src/db/sqlite/store';
import { openTestStore } from '../helpers/backend';
import type { PgStore } from '../../src/db/postgres/store';

test('A fresh SQLite database and a fresh PostgreSQL database have the same tables, columns, keys, foreign keys and indexes', async () => {
  const sqlite = openSqliteStore(':memory:');
  const t = await openTestStore();
  const pg = await pgSchema((t.store as PgStore).pool);
  const lite = sqliteSchema(sqlite.sqlite);
  // Not trivially equal: every table of the app is described, with its keys and indexes.
  expect(Object.keys(lite)).toEqual([
    'assessments',
    'audit_log',
    'choice_answers',
    'exercise_answers',
    'exercise_votes',
    'exercises',
    'likert_answers',
    'login_sessions',
    'norm_tables',
    'plan_actions',
    'project_members',
    'projects',
    'rate_limits',
    'reader_corrections',
    'remarks',
    'schema_migrations',
    'stakeholder_contacts',
    'stakeholders',
    'survey_responses',
    'surveys',
    'user_tokens',
    'users',
    'workshop_trainers',
    'workshops',
  ]);
  expect(lite.assessments!.indexes).toContain('assessments_unfinished (created_at) partial');
  expect(lite.assessments!.foreignKeys).toContain('workshop_id -> workshops(id) ON DELETE CASCADE');
  expect(lite.users!.unique).toEqual(['email']);
  expect(lite.project_members!.foreignKeys).toContain('project_id -> projects(id) ON DELETE CASCADE');
  expect(lite.plan_actions!.foreignKeys).toContain('project_id -> projects(id) ON DELETE CASCADE');
  expect(lite.users!.indexes).toContain('users_oidc (oidc_issuer, oidc_subject) unique');
  // The audit log has no foreign key (its records outlive the users they name).
  expect(lite.audit_log!.foreignKeys).toEqual([]);
  expect(lite.audit_log!.indexes).toEqual(['audit_log_actor (actor)', 'audit_log_at (at)']);
  expect(pg).toEqual(lite);
  await sqlite.close();
});

test('Both backends guard the audit log with triggers: no update, no early delete (and on PostgreSQL no truncate)', async () => {
  const sqlite = openSqliteStore(':memory:');
  const t = await openTestStore();
  const lite = sqlite.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name")
    .pluck()
    .all();
  expect(lite).toEqual(['audit_log_no_early_delete', 'audit_log_no_update']);
  const pg = await t.sql<{ name: string; events: string }>(
    `SELECT tgname AS name, pg_get_triggerdef(oid) AS events FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname`,
  );
  expect(pg.map((r) => r.name)).toEqual(['audit_log_guard', 'audit_log_no_truncate']);
  expect(pg[0]!.events).toMatch(/BEFORE DELETE OR UPDATE/);
  expect(pg[1]!.events).toMatch(/BEFORE TRUNCATE/);
  await sqlite.close();
});

test('Both backends record the same migrations, by id and name, in schema_migrations', async () => {
  const sqlite = openSqliteStore(':memory:');
  const t = await openTestStore();
  const lite = sqlite.sqlite.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all();
  expect(await t.sql('SELECT id, name FROM schema_migrations ORDER BY id')).toEqual(lite);
  expect(lite).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
  await sqlite.close();
});

test('When a PostgreSQL schema lacks an index the SQLite one has, then the comparison shows the difference', async () => {
  const sqlite = openSqliteStore(':memory:');
  const t = await openTestStore();
  await t.sql('DROP INDEX assessments_user');
  const pg = await pgSchema((t.store as PgStore).pool);
  expect(pg).not.toEqual(sqliteSchema(sqlite.sqlite));
  expect(pg.assessments!.indexes).not.toContain('assessments_user (user_id)');
  await sqlite.close();
});
