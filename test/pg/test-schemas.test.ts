import pg from 'pg';
import { openTestStore, TEST_DATABASE_URL } from '../helpers/backend';
import { claimSlot } from '../helpers/pg-test-schemas';
import { MIGRATIONS } from '../../src/db/migrations';

// The test stores' schemas are reused (test/helpers/pg-test-schemas.ts): each test must still start as on a new database.
const schemaOf = (url: string | null) => /search_path(?:%3D|=)([a-z0-9_]+)/i.exec(decodeURIComponent(url ?? ''))?.[1] ?? '';

test('When a test store is opened after another test used its schema, then it is empty, fully migrated and numbers from 1 again', async () => {
  const first = await openTestStore();
  const schema = schemaOf(first.url);
  expect(schema).toMatch(/^t_p\d+_\d+$/);
  await first.sql(
    "INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('a@example.nl', 'A', 'trainer', 'x', '2026-01-01')",
  );
  await first.sql(
    "INSERT INTO projects (public_id, owner_id, client, system, phase, notes, created_at, updated_at) VALUES ('p', 1, 'c', 's', 'f', '', now(), now())",
  );
  await first.close();

  const second = await openTestStore();
  expect(schemaOf(second.url)).toBe(schema);
  expect(Number(await second.one('SELECT count(*) FROM users'))).toBe(0);
  expect(Number(await second.one('SELECT count(*) FROM projects'))).toBe(0);
  expect((await second.sql<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id)).toEqual(
    MIGRATIONS.map((m) => m.id),
  );
  await second.sql(
    "INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('b@example.nl', 'B', 'trainer', 'x', '2026-01-01')",
  );
  expect(await second.one('SELECT id FROM users')).toBe(1);
  await second.close();
});

test('When two test stores are open at once, then they have schemas of their own', async () => {
  const [a, b] = [await openTestStore(), await openTestStore()];
  expect(schemaOf(a.url)).not.toBe(schemaOf(b.url));
  await a.close();
  await b.close();
});

test('When a left-over schema holds other migrations (an older run or another branch), then it is dropped and made anew', async () => {
  const { schema, release } = claimSlot();
  release(); // the slot the next store takes
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    await c.query(`CREATE TABLE ${schema}.schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
    await c.query(`INSERT INTO ${schema}.schema_migrations VALUES (1, 'something else', '2026-01-01')`);
    await c.query(`CREATE TABLE ${schema}.stray (x integer)`);
  } finally {
    await c.end();
  }
  const t = await openTestStore();
  expect(schemaOf(t.url)).toBe(schema);
  expect(await t.tables()).not.toContain('stray');
  expect(await t.tables()).toContain('assessments');
  await t.close();
});

test('When a test changes the schema itself, then its schema is dropped on close instead of reused', async () => {
  const t = await openTestStore();
  const schema = schemaOf(t.url);
  await t.sql('CREATE TABLE stray (x integer)');
  await t.close();
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    expect((await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount).toBe(0);
  } finally {
    await c.end();
  }
});
