import type { AddressInfo } from 'node:net';
import { PASSWORD, addUser, listeningApp, makeApp, sessionCookieOf, type TestApp } from '../helpers/app';
import { manualClock } from '../helpers/clock';
import { openStream, waitFor } from '../helpers/sse';

let t: TestApp;
let base: string;
let cookie: string;
let close: () => void;
beforeAll(async () => {
  ({ t, base, cookie, close } = await listeningApp({ SSE_HEARTBEAT_MS: '150' }, 'live@example.nl'));
});
afterAll(() => close());

async function createSession(minGroupSize = 1, url = base, login = cookie) {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { Cookie: login, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Live', minGroupSize }),
  });
  return (await res.json()) as { id: string; code: string };
}
const join = (code: string, name: string, url = base) =>
  fetch(`${url}/api/assessments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `dv.client=${name}` },
    body: JSON.stringify({ consent: true, sessionCode: code, name }),
  }).then((r) => r.json() as Promise<{ token: string }>);
const save = (url: string, token: string, itemId: string) =>
  fetch(`${url}/api/assessments/${token}/answers`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ likert: { [itemId]: 3 } }),
  });

test('When the dashboard connects, then it gets an event stream that starts with the current summary', async () => {
  const s = await createSession();
  const stream = await openStream(base, `/api/sessions/${s.id}/events`, cookie);
  expect(stream.status).toBe(200);
  expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  expect(stream.headers['cache-control']).toBe('no-store');
  await waitFor(() => stream.summaries().length === 1);
  expect(stream.summaries()[0]).toEqual({ event: 'summary', data: expect.objectContaining({ id: s.id, participants: 0 }) });
  expect(stream.raw()).toMatch(/^retry: 3000\n\n/);
  stream.close();
});

test('When a participant joins, then saves a burst, then the join goes out at once and the burst as one latest summary', async () => {
  // An app of its own, on a clock that moves only when the test moves it: "at once" and "within the window"
  // are then facts about the hub, not about how fast this machine runs the requests.
  const clock = manualClock();
  const timed = await makeApp({}, { liveClock: clock });
  await addUser(timed, 'clock@example.nl');
  const login = await timed.http().post('/api/login').send({ email: 'clock@example.nl', password: PASSWORD }).expect(200);
  const mine = sessionCookieOf(login);
  const listening = timed.app.listen(0);
  const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  try {
    const s = await createSession(1, url, mine);
    const stream = await openStream(url, `/api/sessions/${s.id}/events`, mine);
    await waitFor(() => stream.summaries().length === 1);
    const { token } = await join(s.code, 'Ina', url);
    // The first change after a quiet spell is due at once: it goes out without the clock moving.
    expect(clock.waits()).toEqual([0]);
    clock.advance(0);
    await waitFor(() => stream.summaries().length === 2);
    expect(stream.summaries()[1]!.data).toMatchObject({ participants: 1 });

    // Ten saves right after it: one update is planned, for the end of the window that the last update opened.
    const items = ['L01', 'L02', 'L03', 'L04', 'L05', 'L06', 'L07', 'L08', 'L09', 'L10'];
    for (const id of items) expect((await save(url, token, id)).status).toBe(200);
    expect(clock.waits()).toEqual([200]);
    clock.advance(199);
    expect(clock.waits()).toEqual([1]); // still planned: nothing of the burst went out yet
    expect(stream.summaries()).toHaveLength(2);
    clock.advance(1);
    await waitFor(() => stream.summaries().length === 3);
    expect((stream.summaries()[2]!.data as { members: { answered: number }[] }).members[0]!.answered).toBe(items.length);

    // The next change waits a full window again: at most one update per 200 ms, five a second.
    expect((await save(url, token, 'L11')).status).toBe(200);
    expect(clock.waits()).toEqual([200]);
    stream.close();
  } finally {
    timed.app.live.closeAll();
    listening.close();
  }
});

test('When the stream is idle, then heartbeats keep it open', async () => {
  const s = await createSession();
  const stream = await openStream(base, `/api/sessions/${s.id}/events`, cookie);
  await waitFor(() => stream.comments.length >= 2, 1500);
  expect(stream.comments[0]).toBe(': heartbeat');
  stream.close();
});

test('When the client reconnects, then the first event again carries the full current state', async () => {
  const s = await createSession();
  await join(s.code, 'Jan');
  const first = await openStream(base, `/api/sessions/${s.id}/events`, cookie);
  await waitFor(() => first.summaries().length >= 1);
  first.close();
  await join(s.code, 'Kim');
  const again = await openStream(base, `/api/sessions/${s.id}/events`, cookie);
  await waitFor(() => again.summaries().length >= 1);
  expect((again.summaries()[0]!.data as { participants: number }).participants).toBe(2);
  again.close();
});

test('When the server shuts down, then open streams end cleanly', async () => {
  const s = await createSession();
  const stream = await openStream(base, `/api/sessions/${s.id}/events`, cookie);
  await waitFor(() => stream.summaries().length >= 1);
  t.app.live.closeAll();
  await stream.ended;
});

test('When the session is deleted, then its streams end', async () => {
  const s = await createSession();
  const stream = await openStream(base, `/api/sessions/${s.id}/events`, cookie);
  await waitFor(() => stream.summaries().length >= 1);
  await fetch(`${base}/api/sessions/${s.id}`, { method: 'DELETE', headers: { Cookie: cookie } });
  await stream.ended;
});

test('When one login opens more than 10 streams, then the 11th gets a clear 429, and a closed stream frees its slot', async () => {
  // A login of its own, so that streams of the other tests do not count.
  const login = await t.http().post('/api/login').send({ email: 'live@example.nl', password: PASSWORD }).expect(200);
  const mine = sessionCookieOf(login);
  const sid = decodeURIComponent(mine.slice('dv.sid='.length)).slice(2).split('.')[0]!;
  const s = await createSession();
  const streams = [];
  for (let i = 0; i < 10; i++) streams.push(await openStream(base, `/api/sessions/${s.id}/events`, mine));
  expect(streams.map((x) => x.status)).toEqual(Array(10).fill(200));
  const refused = await openStream(base, `/api/sessions/${s.id}/events`, mine);
  expect(refused.status).toBe(429);
  await refused.ended;
  expect(JSON.parse(refused.raw()).error).toEqual({
    code: 'too_many_requests',
    message: expect.stringMatching(/At most 10 live dashboards/),
  });
  // Another login is not affected.
  const other = await openStream(base, `/api/sessions/${s.id}/events`, cookie);
  expect(other.status).toBe(200);
  other.close();

  streams.pop()!.close();
  await waitFor(() => t.app.live.openStreams(sid) === 9);
  const again = await openStream(base, `/api/sessions/${s.id}/events`, mine);
  expect(again.status).toBe(200);
  for (const x of [...streams, again]) x.close();
});
