import { openPgStore, type PgStore } from '../../src/db/pg-store';
import { TEST_DATABASE_URL, createSchema, dropSchema } from '../helpers/backend';
import { waitFor } from '../helpers/sse';

let schema: string;
let a: PgStore;
let b: PgStore;
beforeEach(async () => {
  schema = await createSchema();
  a = await openPgStore({ url: TEST_DATABASE_URL, schema, poolMax: 2 });
  b = await openPgStore({ url: TEST_DATABASE_URL, schema, poolMax: 2 });
});
afterEach(async () => {
  await a.close();
  await b.close();
  await dropSchema(schema);
});

test('When one instance publishes workshop changes, then another instance on the same database hears each id, and the sender does not hear its own', async () => {
  const heardByB: (number | null)[] = [];
  const heardByA: (number | null)[] = [];
  b.changes.subscribe((id) => heardByB.push(id));
  a.changes.subscribe((id) => heardByA.push(id));
  await Promise.all([a.changes.ready(), b.changes.ready()]);
  a.changes.publish(7);
  a.changes.publish(8);
  a.changes.publish(7);
  await waitFor(() => heardByB.length >= 2, 1000);
  expect(heardByB.sort()).toEqual([7, 8]);
  await new Promise((r) => setTimeout(r, 100));
  expect(heardByA).toEqual([]);
});

test('When the listening connection is killed, then it reconnects, tells subscribers that anything may have changed, and hears later changes again', async () => {
  const heard: (number | null)[] = [];
  b.changes.subscribe((id) => heard.push(id));
  await b.changes.ready();
  await a.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()
    AND query LIKE '%' || $1 || '%'`, [schema]);
  await waitFor(() => heard.includes(null), 5000);
  a.changes.publish(42);
  await waitFor(() => heard.includes(42), 2000);
});

test('Stores on different schemas do not hear each other (each schema has its own channel)', async () => {
  const other = await createSchema();
  const c = await openPgStore({ url: TEST_DATABASE_URL, schema: other, poolMax: 2 });
  try {
    const heard: (number | null)[] = [];
    const heardSame: (number | null)[] = [];
    c.changes.subscribe((id) => heard.push(id));
    b.changes.subscribe((id) => heardSame.push(id));
    await Promise.all([c.changes.ready(), b.changes.ready()]);
    a.changes.publish(5);
    await waitFor(() => heardSame.length > 0, 1000);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([]);
  } finally {
    await c.close();
    await dropSchema(other);
  }
});
