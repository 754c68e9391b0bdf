import pg from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openPgStore, type PgStore } from '../../src/db/postgres/store';
import { TEST_DATABASE_URL, createSchema, dropSchema, urlWithSchema } from '../helpers/backend';
import { realContent } from '../helpers/content';
import { pgRelay } from '../helpers/relay';

// PostgreSQL's own failure modes; test/api/db-faults.test.ts has SQLite's.
let schema: string;
const stores: PgStore[] = [];
const open = async (extra: Record<string, unknown> = {}) => {
  const s = await openPgStore({ url: TEST_DATABASE_URL, schema, poolMax: 2, ...extra });
  stores.push(s);
  return s;
};
const appOver = (store: PgStore) => request(createApp({ db: store, config: loadConfig({ NODE_ENV: 'test' }), content: realContent() }));

beforeEach(async () => {
  schema = await createSchema();
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await dropSchema(schema);
});

test('When another connection holds the row lock too long, then a save gets 503 "busy", and succeeds once the lock is gone', async () => {
  const http = appOver(await open({ lockTimeoutMs: 200 }));
  const { token } = (await http.post('/api/assessments').send({ consent: true }).expect(201)).body;
  await http
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L01: 2 } })
    .expect(200);

  const other = new pg.Client({ connectionString: urlWithSchema(TEST_DATABASE_URL, schema) });
  await other.connect();
  await other.query('BEGIN');
  await other.query('SELECT * FROM assessments FOR UPDATE');
  const res = await http
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L02: 4 } })
    .expect(503);
  expect(res.body.error).toEqual({ code: 'unavailable', message: expect.stringMatching(/busy\. Nothing was lost/) });
  await other.query('ROLLBACK');
  await other.end();

  await http
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L02: 4 } })
    .expect(200);
  expect((await http.get(`/api/assessments/${token}`).expect(200)).body.answers.likert).toEqual({ L01: 2, L02: 4 });
});

test('When the database is read-only (a standby, or default_transaction_read_only), then writes get 503 and reads still work', async () => {
  const writable = await open();
  const { token } = (await appOver(writable).post('/api/assessments').send({ consent: true }).expect(201)).body;
  const readonly = await open({
    url: urlWithSchema(TEST_DATABASE_URL, schema).replace('options=', 'options=-c%20default_transaction_read_only%3Don%20'),
  });
  const http = appOver(readonly);
  const res = await http.post('/api/assessments').send({ consent: true }).expect(503);
  expect(res.body.error.message).toMatch(/disk full, read-only or unreachable\)\. What was saved before is safe/);
  await http
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L01: 3 } })
    .expect(503);
  await http.get(`/api/assessments/${token}`).expect(200);
});

test('When the database cannot be reached, then requests get 503 with a clear message and /healthz says so', async () => {
  const link = await pgRelay(schema);
  const store = await open({ url: link.url });
  const http = appOver(store);
  await http.get('/healthz').expect(200);
  await link.cut(); // connections break, new ones are refused
  const res = await http.post('/api/assessments').send({ consent: true }).expect(503);
  expect(res.body.error.code).toBe('unavailable');
  expect((await http.get('/healthz').expect(503)).body).toEqual({ status: 'unavailable', database: 'not answering' });
});

test('When text with a null character reaches the database, then 400 with a clear message instead of a server error', async () => {
  const http = appOver(await open());
  const res = await http.post('/api/assessments').send({ consent: true, sessionCode: 'a\u0000b' });
  expect(res.status).toBeLessThan(500);
  expect(res.status).toBeGreaterThanOrEqual(400);
});
