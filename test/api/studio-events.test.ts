import { listeningApp, type TestApp } from '../helpers/app';
import { openStream, waitFor, type Stream } from '../helpers/sse';

let t: TestApp;
let base: string;
let cookie: string;
let close: () => void;
beforeAll(async () => {
  ({ t, base, cookie, close } = await listeningApp({ SSE_HEARTBEAT_MS: '100' }, 'studio@example.nl'));
});
afterAll(() => close());

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(base + path, {
    method,
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>) };
};
async function setUp(kind: 'recognize' | 'open' = 'recognize') {
  const s = (await api('POST', '/api/sessions', { title: 'Live studio' })).body as { id: string; code: string };
  const x = (
    await api(
      'POST',
      `/api/sessions/${s.id}/exercises`,
      kind === 'open' ? { kind, prompt: 'Wat hoor je?' } : { kind, text: 'Wie beslist dit?', drive: 'red' },
    )
  ).body as { id: string };
  const join = async (name: string) =>
    (
      (await (
        await fetch(`${base}/api/assessments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: `dv.client=${name}` },
          body: JSON.stringify({ consent: true, sessionCode: s.code, name }),
        })
      ).json()) as { token: string }
    ).token;
  return { s, x, join };
}
const answer = (token: string, eid: string, body: unknown) =>
  fetch(`${base}/api/assessments/${token}/exercises/${eid}/answer`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
type Ev = {
  step: { kind: string };
  id: string | null;
  status: string | null;
  answered: number;
  participants: number;
  counts?: Record<string, number>;
};
const exercises = (stream: Stream) => stream.events.filter((e) => e.event === 'exercise').map((e) => e.data as Ev);
type PhoneEv = { step: { kind: string }; exercise: { id: string; status: string; results?: { counts: Record<string, number> } } | null };
const phoneEvents = (stream: Stream) => stream.events.map((e) => e.data as PhoneEv);

test("When a round runs, then the trainer's stream shows the step, the answers coming in without tallies, and the tallies after the reveal", async () => {
  const { s, x, join } = await setUp();
  const stream = await openStream(base, `/api/sessions/${s.id}/events`, cookie);
  await waitFor(() => exercises(stream).length === 1, 2000, 'the first studio event');
  expect(exercises(stream)[0]).toMatchObject({ id: null, step: { kind: 'lobby' }, participants: 0 });
  const [a, b] = [await join('Ans'), await join('Bas')];
  await api('POST', `/api/sessions/${s.id}/exercises/${x.id}/open`, {});
  await (await answer(a, x.id, { drive: 'red' })).json();
  await (await answer(b, x.id, { drive: 'blue' })).json();
  await waitFor(() => exercises(stream).some((e) => e.id === x.id && e.answered === 2), 3000, 'two answered');
  expect(exercises(stream).find((e) => e.answered === 2)).toMatchObject({ status: 'open', participants: 2, step: { kind: 'exercise' } });
  expect(exercises(stream).every((e) => e.counts === undefined)).toBe(true); // no tallies before the reveal
  await api('POST', `/api/sessions/${s.id}/exercises/${x.id}/reveal`);
  await waitFor(() => exercises(stream).some((e) => e.status === 'revealed'), 3000, 'the reveal');
  expect(exercises(stream).find((e) => e.status === 'revealed')!.counts).toMatchObject({ red: 1, blue: 1, green: 0 });
  stream.close();
});

test("When the trainer moves on, then a participant's own stream follows: the open round, then its result after the reveal", async () => {
  const { s, x, join } = await setUp();
  const token = await join('Cor');
  const phone = await openStream(base, `/api/assessments/${token}/events`, '');
  expect(phone.status).toBe(200);
  await waitFor(() => phone.events.length === 1, 2000, 'the first phone event');
  expect(phoneEvents(phone)[0]).toMatchObject({ step: { kind: 'lobby' }, exercise: null });
  await api('POST', `/api/sessions/${s.id}/step`, { to: 'next' });
  await api('POST', `/api/sessions/${s.id}/step`, { to: 'next' });
  await waitFor(() => phoneEvents(phone).some((e) => e.exercise?.status === 'open'), 3000, 'the open round on the phone');
  expect(phoneEvents(phone).map((e) => e.step.kind)).toContain('team');
  await (await answer(token, x.id, { drive: 'red' })).json();
  await api('POST', `/api/sessions/${s.id}/exercises/${x.id}/reveal`);
  await waitFor(() => phoneEvents(phone).some((e) => e.exercise?.status === 'revealed'), 3000, 'the result on the phone');
  expect(phoneEvents(phone).find((e) => e.exercise?.status === 'revealed')!.exercise!.results!.counts.red).toBe(1);
  phone.close();
});

test('When a round has a timer, then the phones hear it closed when the time is up, without anyone pressing a key', async () => {
  const { s, x, join } = await setUp('open');
  const token = await join('Dirk');
  await api('POST', `/api/sessions/${s.id}/exercises/${x.id}/open`, { seconds: 60 });
  const phone = await openStream(base, `/api/assessments/${token}/events`, '');
  await waitFor(() => phoneEvents(phone).some((e) => e.exercise?.status === 'open'), 2000, 'the open round');
  // Bring the end of the timer close (instead of waiting a minute); the next change makes the instance plan its nudge.
  await t.db.sql('UPDATE exercises SET closes_at = ? WHERE public_id = ?', new Date(Date.now() + 300).toISOString(), x.id);
  await (await answer(token, x.id, { text: 'Te snel' })).json();
  await waitFor(() => phoneEvents(phone).some((e) => e.exercise?.status === 'closed'), 3000, 'the round closed by its timer');
  phone.close();
});

test('When a participant deletes their data, then their stream ends; a self-assessment link or an unknown one gets no stream', async () => {
  const { join } = await setUp();
  const token = await join('Eva');
  const phone = await openStream(base, `/api/assessments/${token}/events`, '');
  await waitFor(() => phone.events.length === 1);
  expect((await fetch(`${base}/api/assessments/${token}`, { method: 'DELETE' })).status).toBe(204);
  await phone.ended;
  const solo = (
    (await (
      await fetch(`${base}/api/assessments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"consent":true}' })
    ).json()) as { token: string }
  ).token;
  expect((await openStream(base, `/api/assessments/${solo}/events`, '')).status).toBe(404);
  expect((await openStream(base, `/api/assessments/${'B'.repeat(43)}/events`, '')).status).toBe(404);
});

test('When a participant leaves, or the session is deleted, then their answers and votes leave the database too', async () => {
  const { s, x, join } = await setUp('open');
  const [a, b] = [await join('Ans'), await join('Bas')];
  await api('POST', `/api/sessions/${s.id}/exercises/${x.id}/open`, {});
  await (await answer(a, x.id, { text: 'Een' })).json();
  await (await answer(b, x.id, { text: 'Twee' })).json();
  const idOf = async (token: string) =>
    ((await (await fetch(`${base}/api/assessments/${token}/exercise`)).json()) as { answer: { id: number } }).answer.id;
  const ib = await idOf(b);
  expect(
    (
      await fetch(`${base}/api/assessments/${a}/exercises/${x.id}/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answerId: ib }),
      })
    ).status,
  ).toBe(200);
  // Their own download holds their answer and vote.
  const own = (await (await fetch(`${base}/api/assessments/${a}/export`)).json()) as {
    exercises: { value: string }[];
    votes: { answer: string }[];
  };
  expect(own.exercises.map((e) => e.value)).toEqual(['Een']);
  expect(own.votes.map((v) => v.answer)).toEqual(['Twee']);
  expect((await fetch(`${base}/api/assessments/${a}`, { method: 'DELETE' })).status).toBe(204);
  expect(await t.db.one('SELECT count(*) FROM exercise_answers WHERE value = ?', 'Een')).toBe(0);
  expect(await t.db.one('SELECT count(*) FROM exercise_votes WHERE answer_id = ?', ib)).toBe(0);
  expect((await api('DELETE', `/api/sessions/${s.id}`)).status).toBe(204);
  expect(await t.db.one('SELECT count(*) FROM exercises WHERE public_id = ?', x.id)).toBe(0);
  expect(await t.db.one('SELECT count(*) FROM exercise_answers WHERE value = ?', 'Twee')).toBe(0);
});

test('When retention removes an expired session, then its exercises and answers go with it', async () => {
  const { s, x, join } = await setUp('open');
  const token = await join('Oud');
  await api('POST', `/api/sessions/${s.id}/exercises/${x.id}/open`, {});
  await (await answer(token, x.id, { text: 'Verlopen' })).json();
  const purged = await t.store.workshops.purgeExpired(new Date(Date.now() + 60_000).toISOString(), new Date().toISOString());
  expect(purged).toBeGreaterThanOrEqual(1);
  expect(await t.db.one('SELECT count(*) FROM exercises WHERE public_id = ?', x.id)).toBe(0);
  expect(await t.db.one('SELECT count(*) FROM exercise_answers WHERE value = ?', 'Verlopen')).toBe(0);
});
