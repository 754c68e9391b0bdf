import net from 'node:net';
import { connectionConfig } from '../../src/db/postgres/pool';
import { createPgChangeFeed } from '../../src/db/postgres/changes';
import { channelFor, openPgStore, type PgStore } from '../../src/db/postgres/store';
import { TEST_DATABASE_URL, createSchema, dropSchema } from '../helpers/backend';
import { pgRelay } from '../helpers/relay';
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
  // A marker from B, sent after A's notice was delivered: notices arrive in order, so A's own would come first.
  b.changes.publish(99);
  await waitFor(() => heardByA.length > 0, 1000, 'the marker from B');
  expect(heardByA).toEqual([99]);
});

test('When the listening connection is killed, then it reconnects, tells subscribers that anything may have changed, and hears later changes again', async () => {
  const heard: (number | null)[] = [];
  b.changes.subscribe((id) => heard.push(id));
  await b.changes.ready();
  await a.pool.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()
    AND query LIKE '%' || $1 || '%'`,
    [schema],
  );
  await waitFor(() => heard.includes(null), 5000);
  a.changes.publish(42);
  await waitFor(() => heard.includes(42), 2000);
});

test('Stores on different schemas do not hear each other (each schema has its own channel)', async () => {
  const other = await createSchema();
  const c = await openPgStore({ url: TEST_DATABASE_URL, schema: other, poolMax: 2 });
  const d = await openPgStore({ url: TEST_DATABASE_URL, schema: other, poolMax: 2 });
  try {
    const heard: (number | null)[] = [];
    const heardSame: (number | null)[] = [];
    c.changes.subscribe((id) => heard.push(id));
    b.changes.subscribe((id) => heardSame.push(id));
    await Promise.all([c.changes.ready(), b.changes.ready()]);
    a.changes.publish(5);
    await waitFor(() => heardSame.length > 0, 1000);
    // A marker on the other schema's channel, sent after 5 was delivered: C hears notices in order, so 5 would come first.
    d.changes.publish(6);
    await waitFor(() => heard.length > 0, 1000, "the marker on the other schema's channel");
    expect(heard).toEqual([6]);
  } finally {
    await d.close();
    await c.close();
    await dropSchema(other);
  }
});

test('When the listening connection goes silent without a reset, then the periodic check notices, it reconnects and says anything may have changed', async () => {
  const link = await pgRelay(schema);
  const feed = createPgChangeFeed(a.pool, {
    client: connectionConfig({ url: link.url }),
    channel: channelFor(schema),
    pingMs: 200,
    retryMs: 100,
  });
  try {
    const heard: (number | null)[] = [];
    feed.subscribe((id) => heard.push(id));
    await feed.ready();
    link.freeze();
    await waitFor(() => heard.includes(null), 10_000);
    b.changes.publish(9);
    await waitFor(() => heard.includes(9), 2000);
  } finally {
    await feed.close();
    await link.cut();
  }
}, 20_000);

test('When the database accepts the listening connection but never answers, then closing the feed waits at most the 5 s connect timeout', async () => {
  const accepted: net.Socket[] = [];
  const silent = net.createServer((socket) => void accepted.push(socket));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as net.AddressInfo).port;
  const feed = createPgChangeFeed(a.pool, {
    client: { connectionString: `postgres://root@127.0.0.1:${port}/test` },
    channel: 'drijfveer_changes_silent',
  });
  try {
    feed.subscribe(() => undefined);
    await waitFor(() => accepted.length > 0, 2000, 'the listening connection to reach the silent server');
    const started = Date.now();
    await feed.close();
    expect(Date.now() - started).toBeLessThan(6000);
  } finally {
    for (const socket of accepted) socket.destroy();
    silent.close();
  }
});

test('Channel names stay within 63 bytes and differ for schemas that share a long prefix', () => {
  expect(channelFor('public')).toBe('drijfveer_changes_public');
  const long1 = `tenant_${'x'.repeat(60)}_1`;
  const long2 = `tenant_${'x'.repeat(60)}_2`;
  for (const s of [long1, long2, 'gemeënte', 'Hoofdletters']) expect(Buffer.byteLength(channelFor(s))).toBeLessThanOrEqual(63);
  expect(channelFor(long1)).not.toBe(channelFor(long2));
});
