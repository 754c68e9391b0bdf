import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createUserService } from '../../src/services/users';
import { PASSWORD, addUser, makeApp, type TestApp } from '../helpers/app';
import { realContent } from '../helpers/content';
import { openStream, waitFor } from '../helpers/sse';

/**
 * Two instances on one database, as on PostgreSQL: "here" has a heartbeat far longer than any test, so a stream
 * there can only end at once; "elsewhere" has a short one and must notice through the database.
 */
const SECRET = { SESSION_SECRET: 'a-test-secret-of-at-least-32-characters' };
let t: TestApp;
let elsewhere: App;
let here: string;
let there: string;
const servers: http.Server[] = [];
const listen = (app: App) => {
  const server = app.listen(0);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
let bystander: string;

beforeAll(async () => {
  t = await makeApp({ ...SECRET, SSE_HEARTBEAT_MS: '60000' });
  elsewhere = createApp({
    db: t.store,
    config: loadConfig({ NODE_ENV: 'test', ...SECRET, SSE_HEARTBEAT_MS: '100' }),
    content: realContent(),
  });
  here = listen(t.app);
  there = listen(elsewhere);
  await addUser(t, 'bystander@example.nl');
  bystander = await logIn('bystander@example.nl');
});
afterAll(() => {
  t.app.live.closeAll();
  elsewhere.live.closeAll();
  for (const s of servers) s.close();
});

async function logIn(email: string, password = PASSWORD): Promise<string> {
  const res = await request(t.app).post('/api/login').send({ email, password }).expect(200);
  return ([] as string[]).concat(res.headers['set-cookie']!)[0]!.split(';')[0]!;
}
const sidOf = (cookie: string) => decodeURIComponent(cookie.slice('dv.sid='.length)).slice(2).split('.')[0]!;
const status = async (cookie: string) => (await request(t.app).get('/api/sessions').set('Cookie', cookie)).status;

/** A live dashboard stream of a new workshop, open and past its first event. */
async function dashboard(base: string, cookie: string) {
  const created = await request(t.app).post('/api/sessions').set('Cookie', cookie).send({ title: 'Live', minGroupSize: 1 }).expect(201);
  const stream = await openStream(base, `/api/sessions/${created.body.id as string}/events`, cookie);
  expect(stream.status).toBe(200);
  await waitFor(() => stream.events.length >= 1);
  return stream;
}

describe('ending login sessions', () => {
  test("When a user's password is changed (as the CLI does), then all their logins end: 401, and an open stream ends within a heartbeat", async () => {
    await addUser(t, 'changes@example.nl');
    const laptop = await logIn('changes@example.nl');
    const phone = await logIn('changes@example.nl');
    const stream = await dashboard(there, laptop);
    await createUserService(t.store).setPassword('changes@example.nl', 'a-brand-new-password');
    expect(await status(laptop)).toBe(401);
    expect(await status(phone)).toBe(401);
    await stream.ended;
    expect(await status(await logIn('changes@example.nl', 'a-brand-new-password'))).toBe(200);
    expect(await status(bystander)).toBe(200);
  });

  test('When a user is removed, then their logins end: 401, and an open stream ends within a heartbeat', async () => {
    await addUser(t, 'leaves@example.nl');
    const cookie = await logIn('leaves@example.nl');
    const stream = await dashboard(there, cookie);
    await createUserService(t.store).remove('leaves@example.nl');
    expect(Number(await t.db.one('SELECT count(*) FROM login_sessions WHERE sid = ?', sidOf(cookie)))).toBe(0);
    await stream.ended;
    expect(await status(cookie)).toBe(401);
    expect(await status(bystander)).toBe(200);
  });

  test("When a user logs out, then that login's streams end at once on this instance and within a heartbeat on another; other logins keep theirs", async () => {
    const cookie = await logIn('bystander@example.nl');
    const onThis = await dashboard(here, cookie);
    const onOther = await dashboard(there, cookie);
    const ofAnotherLogin = await dashboard(here, bystander);
    await request(t.app).post('/api/logout').set('Cookie', cookie).expect(204);
    await Promise.all([onThis.ended, onOther.ended]);
    expect(await status(cookie)).toBe(401);
    expect(t.app.live.openStreams(sidOf(bystander))).toBe(1);
    ofAnotherLogin.close();
  });
});

describe('the absolute lifetime of a login', () => {
  /** Moves the stored login time of a session back, as if the login happened `hoursAgo` ago. */
  async function loggedInHoursAgo(cookie: string, hoursAgo: number | null) {
    const sid = sidOf(cookie);
    const data = JSON.parse(await t.db.one<string>('SELECT data FROM login_sessions WHERE sid = ?', sid)) as Record<string, unknown>;
    if (hoursAgo === null) delete data.loginAt;
    else data.loginAt = Date.now() - hoursAgo * 3600 * 1000;
    await t.db.sql('UPDATE login_sessions SET data = ? WHERE sid = ?', JSON.stringify(data), sid);
  }

  test('When a login is older than LOGIN_SESSION_MAX_HOURS (12), then it is refused and removed, however active it was', async () => {
    const cookie = await logIn('bystander@example.nl');
    await loggedInHoursAgo(cookie, 11.9);
    expect(await status(cookie)).toBe(200);
    await loggedInHoursAgo(cookie, 12.1);
    expect(await status(cookie)).toBe(401);
    expect(Number(await t.db.one('SELECT count(*) FROM login_sessions WHERE sid = ?', sidOf(cookie)))).toBe(0);
  });

  test('When a stored session has no login time, then it is refused', async () => {
    const cookie = await logIn('bystander@example.nl');
    await loggedInHoursAgo(cookie, null);
    expect(await status(cookie)).toBe(401);
  });

  test('When a login is stored, then its expiry in the database is never later than its absolute lifetime', async () => {
    const app = await makeApp({ SESSION_HOURS: '24', LOGIN_SESSION_MAX_HOURS: '2' });
    await addUser(app, 'short@example.nl');
    const before = Date.now();
    const res = await app.http().post('/api/login').send({ email: 'short@example.nl', password: PASSWORD }).expect(200);
    const sid = sidOf(([] as string[]).concat(res.headers['set-cookie']!)[0]!.split(';')[0]!);
    const expires = Number(await app.db.one('SELECT expires_at FROM login_sessions WHERE sid = ?', sid));
    expect(expires).toBeLessThanOrEqual(Date.now() + 2 * 3600 * 1000);
    expect(expires).toBeGreaterThanOrEqual(before + 2 * 3600 * 1000 - 1000);
  });
});
