import { testUserService } from '../helpers/hashing';
import { answersPicking } from '../helpers/app';
import { serverDatabase, startServer, stopServer, type RunningServer, type ServerDb } from '../helpers/server';
import { openStream, waitFor } from '../helpers/sse';

jest.setTimeout(60_000);

// Two app instances (separate processes, different ports) on one PostgreSQL database, as behind a
// load balancer: participants use instance 1, the trainer's dashboard is on instance 2.
const SHARED = {
  SESSION_SECRET: 'multi-instance-secret-'.padEnd(48, 'x'),
  RATE_LIMIT_JOIN_PER_CLIENT: '1000',
  RATE_LIMIT_LOGIN_PER_EMAIL: '3',
};
const PASSWORD = 'two-instances-password';
let db: ServerDb;
let one: RunningServer;
let two: RunningServer;

beforeAll(async () => {
  db = await serverDatabase();
  const store = await db.open();
  await testUserService(store).add({ email: 'trainer@example.nl', name: 'Tessa', role: 'trainer', password: PASSWORD });
  await store.close();
  [one, two] = await Promise.all([startServer(db, SHARED), startServer(db, SHARED)]);
});
afterAll(async () => {
  await Promise.all([stopServer(one), stopServer(two)]);
  await db?.drop();
});

const json = (method: string, body: unknown, cookie?: string): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
  body: JSON.stringify(body),
});

test('A trainer logged in on instance 2 sees, live on instance 2, every participant who completes on instance 1, each within 1 second', async () => {
  expect(one.port).not.toBe(two.port);
  const login = await fetch(`${two.url}/api/login`, json('POST', { email: 'trainer@example.nl', password: PASSWORD }));
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;

  // The login session lives in the database: instance 1 knows the trainer too.
  expect((await fetch(`${one.url}/api/sessions`, { headers: { Cookie: cookie } })).status).toBe(200);

  const session = (await (
    await fetch(`${two.url}/api/sessions`, json('POST', { title: 'Two instances', minGroupSize: 1 }, cookie))
  ).json()) as { id: string; code: string };
  const stream = await openStream(two.url, `/api/sessions/${session.id}/events`, cookie);
  expect(stream.status).toBe(200);
  await waitFor(() => stream.events.length >= 1);

  type Summary = { members: { name: string; status: string }[] };
  const completedIn = (name: string) => () =>
    stream.events.some((e) => (e.data as Summary).members?.some((m) => m.name === name && m.status === 'completed'));
  const delays: number[] = [];
  const people = [
    ['Anna', 'purple', 'orange'],
    ['Bram', 'red', 'green'],
    ['Cees', 'blue', 'yellow'],
    ['Dina', 'orange', 'purple'],
    ['Eva', 'green', 'red'],
  ];
  for (const [name, most, least] of people) {
    const joined = await fetch(`${one.url}/api/assessments`, {
      ...json('POST', { consent: true, sessionCode: session.code, name }),
      headers: { 'Content-Type': 'application/json', Cookie: `dv.client=${name}` },
    });
    expect(joined.status).toBe(201);
    const { token } = (await joined.json()) as { token: string };
    expect((await fetch(`${one.url}/api/assessments/${token}/answers`, json('PUT', answersPicking(most!, least!)))).status).toBe(200);
    expect((await fetch(`${one.url}/api/assessments/${token}/complete`, { method: 'POST' })).status).toBe(200);
    const completedAt = Date.now();
    await waitFor(completedIn(name!), 1000);
    delays.push(Date.now() - completedAt);
  }
  stream.close();
  expect(delays).toHaveLength(5);
  for (const d of delays) expect(d).toBeLessThanOrEqual(1000);

  // Both instances give the same summary (no stale cache on either).
  const summaryOn = async (s: RunningServer) =>
    (await (await fetch(`${s.url}/api/sessions/${session.id}/summary`, { headers: { Cookie: cookie } })).json()) as {
      participants: number;
    };
  expect((await summaryOn(one)).participants).toBe(5);
  expect(await summaryOn(two)).toEqual(await summaryOn(one));
});

test('Rate limits are shared: failed logins for one address on either instance add up, and the fourth is refused on both', async () => {
  const attempt = (s: RunningServer) =>
    fetch(`${s.url}/api/login`, json('POST', { email: 'guess@example.nl', password: 'wrong-password-123' })).then((r) => r.status);
  expect([await attempt(one), await attempt(two), await attempt(one)]).toEqual([401, 401, 401]);
  expect(await attempt(two)).toBe(429);
  expect(await attempt(one)).toBe(429);
});

test("The studio across instances: answers on instance 1 reach the trainer's stream on instance 2, and the trainer's steps reach a phone on instance 1", async () => {
  const login = await fetch(`${two.url}/api/login`, json('POST', { email: 'trainer@example.nl', password: PASSWORD }));
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const session = (await (await fetch(`${two.url}/api/sessions`, json('POST', { title: 'Studio, two instances' }, cookie))).json()) as {
    id: string;
    code: string;
  };
  const x = (await (
    await fetch(
      `${two.url}/api/sessions/${session.id}/exercises`,
      json('POST', { kind: 'recognize', text: 'Wie beslist hier?', drive: 'red' }, cookie),
    )
  ).json()) as { id: string };
  const tokens: string[] = [];
  for (const name of ['Fleur', 'Gijs', 'Hans']) {
    const joined = await fetch(`${one.url}/api/assessments`, {
      ...json('POST', { consent: true, sessionCode: session.code, name }),
      headers: { 'Content-Type': 'application/json', Cookie: `dv.client=${name}` },
    });
    tokens.push(((await joined.json()) as { token: string }).token);
  }
  const trainer = await openStream(two.url, `/api/sessions/${session.id}/events`, cookie);
  const phone = await openStream(one.url, `/api/assessments/${tokens[0]}/events`, '');
  await waitFor(() => phone.events.length >= 1 && trainer.events.some((e) => e.event === 'exercise'));
  // The trainer (instance 2) opens the round by stepping to it; the phone on instance 1 hears it.
  await fetch(`${two.url}/api/sessions/${session.id}/step`, json('POST', { to: { exercise: x.id } }, cookie));
  type Phone = { exercise: { id: string; status: string } | null };
  await waitFor(() => phone.events.some((e) => (e.data as Phone).exercise?.status === 'open'), 2000, 'the open round on instance 1');
  for (const token of tokens) {
    expect((await fetch(`${one.url}/api/assessments/${token}/exercises/${x.id}/answer`, json('POST', { drive: 'red' }))).status).toBe(200);
  }
  const last = Date.now();
  type Progress = { id: string | null; answered: number };
  await waitFor(
    () => trainer.events.some((e) => e.event === 'exercise' && (e.data as Progress).answered === 3),
    1000,
    'three answered on instance 2',
  );
  expect(Date.now() - last).toBeLessThanOrEqual(1000);
  trainer.close();
  phone.close();
});
