import { testUserService } from '../helpers/hashing';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { BACKEND, openTestStore } from '../helpers/backend';
import { realContent } from '../helpers/content';
import { PASSWORD } from '../helpers/app';

/**
 * What the app does while the database cannot write, on both backends. The failure is the backend's own
 * "disk full" error (SQLITE_FULL; PostgreSQL's SQLSTATE 53100); test/process/full-disk.test.ts fills a real disk.
 */
const diskFull = () =>
  Object.assign(new Error(BACKEND === 'postgres' ? 'could not extend file: No space left on device' : 'database or disk is full'), {
    code: BACKEND === 'postgres' ? '53100' : 'SQLITE_FULL',
  });

async function setUp() {
  let logged = '';
  const sink = new Writable({ write: (chunk, _enc, done) => ((logged += chunk.toString()), done()) });
  const { store } = await openTestStore();
  let clock = Date.parse('2026-03-01T10:00:00Z');
  const app = createApp({
    db: store,
    config: loadConfig({ NODE_ENV: 'test' }),
    content: realContent(),
    logger: createLogger('info', sink),
    now: () => clock,
  });
  return { store, app, http: () => request(app), log: () => logged, advance: (ms: number) => (clock += ms) };
}

test('When a write fails because the disk is full, then /healthz answers 503 with the reason for a minute, then 200 again', async () => {
  const t = await setUp();
  expect((await t.http().get('/healthz').expect(200)).body).toEqual({ status: 'ok', database: 'ok' });
  const create = t.store.assessments.create.bind(t.store.assessments);
  t.store.assessments.create = () => Promise.reject(diskFull());
  const refused = await t.http().post('/api/assessments').send({ consent: true }).expect(503);
  expect(refused.body.error.message).toMatch(/nothing from this request was saved/);
  t.store.assessments.create = create;

  t.advance(59_000);
  const health = await t.http().get('/healthz').expect(503);
  expect(health.headers['cache-control']).toBe('no-store');
  expect(health.body).toEqual({
    status: 'unavailable',
    database: 'cannot write',
    reason: expect.stringMatching(/^A write failed 59 s ago \(disk full, read-only or unreachable\)/),
  });
  t.advance(1_000);
  await t.http().get('/healthz').expect(200);
  // A busy database is no reason to take the instance out of the pool.
  t.store.assessments.create = () =>
    Promise.reject(Object.assign(new Error('database is locked'), { code: BACKEND === 'postgres' ? '55P03' : 'SQLITE_BUSY' }));
  await t.http().post('/api/assessments').send({ consent: true }).expect(503);
  await t.http().get('/healthz').expect(200);
});

test('When a logged-in read cannot extend its login session (disk full), then it answers cleanly and the log has one line without a stack trace', async () => {
  const t = await setUp();
  await testUserService(t.store).add({ email: 'touch@example.nl', name: 'Touch', role: 'trainer', password: PASSWORD });
  const agent = request.agent(t.app);
  await agent.post('/api/login').send({ email: 'touch@example.nl', password: PASSWORD }).expect(200);
  t.store.loginSessions.touch = () => Promise.reject(diskFull());
  const before = t.log().length;

  expect((await agent.get('/api/me/profiles').expect(200)).body).toEqual([]);
  const page = await agent.get('/projects').expect(200);
  expect(page.text).not.toMatch(/\n\s+at |SqliteError|No space left/);

  const lines = t
    .log()
    .slice(before)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { msg: string; err?: unknown; dbError?: { code?: string } });
  const failures = lines.filter((l) => l.err || l.dbError);
  // One line for the API read (the page stores a form token, so it saves its session instead of touching it).
  expect(failures.map((l) => [l.msg, l.dbError?.code])).toEqual([['could not extend a login session', diskFull().code]]);
  expect(t.log().slice(before)).not.toMatch(/"stack"|uncaught|unhandled/i);
  // The failed write counts: the load balancer hears about it.
  await t.http().get('/healthz').expect(503);
});
