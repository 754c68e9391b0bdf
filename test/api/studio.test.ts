import { addUser, loggedIn, makeApp, type TestApp } from '../helpers/app';
import { realContent } from '../helpers/content';

let t: TestApp;
let anna: Awaited<ReturnType<typeof loggedIn>>;
let bert: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  t = await makeApp();
  await Promise.all([addUser(t, 'anna@example.nl'), addUser(t, 'bert@example.nl')]);
  anna = await loggedIn(t, 'anna@example.nl');
  bert = await loggedIn(t, 'bert@example.nl');
});
afterAll(() => t.app.live.closeAll());

type Session = { id: string; code: string };
async function newSession(body: Record<string, unknown> = {}): Promise<Session> {
  return (
    await anna
      .post('/api/sessions')
      .send({ title: 'Studio', ...body })
      .expect(201)
  ).body as Session;
}
async function join(s: Session, name: string): Promise<string> {
  const res = await t
    .http()
    .post('/api/assessments')
    .set('Cookie', `dv.client=${name.replace(/\W/g, '')}`)
    .send({ consent: true, sessionCode: s.code, name })
    .expect(201);
  return res.body.token as string;
}
const exercise = (s: Session, body: Record<string, unknown>) =>
  anna
    .post(`/api/sessions/${s.id}/exercises`)
    .send(body)
    .expect(201)
    .then((r) => r.body as { id: string; status: string });
const answer = (token: string, eid: string, body: object) => t.http().post(`/api/assessments/${token}/exercises/${eid}/answer`).send(body);
const bank = realContent().remarks;
const vote = (token: string, eid: string, answerId: unknown) =>
  t.http().post(`/api/assessments/${token}/exercises/${eid}/votes`).send({ answerId });
const open = (s: Session, eid: string, body: Record<string, unknown> = {}) =>
  anna.post(`/api/sessions/${s.id}/exercises/${eid}/open`).send(body).expect(200);
const results = (s: Session, eid: string) =>
  anna
    .get(`/api/sessions/${s.id}/exercises/${eid}/results`)
    .expect(200)
    .then((r) => r.body);
const mine = (token: string) =>
  t
    .http()
    .get(`/api/assessments/${token}/exercise`)
    .expect(200)
    .then((r) => r.body);

describe('remarks', () => {
  test('When a trainer asks for the Dutch remarks, then the bank has at least 10 per drive with drive, second drives and explanation', async () => {
    const list = (await anna.get('/api/remarks?lang=nl').expect(200)).body as {
      id: string;
      lang: string;
      drive: string;
      own: boolean;
      also: string[];
      explanation: string;
    }[];
    for (const drive of ['purple', 'red', 'blue', 'orange', 'green', 'yellow'])
      expect(list.filter((r) => r.drive === drive).length).toBeGreaterThanOrEqual(10);
    expect(list.every((r) => r.lang === 'nl' && !r.own && Array.isArray(r.also) && r.explanation.length > 10)).toBe(true);
  });

  test("When a trainer adds an own remark, then it is in their list as own, and not in another trainer's", async () => {
    const own = (
      await anna
        .post('/api/remarks')
        .send({ lang: 'en', text: 'We tried that in 2019 and it failed.', drive: 'purple', explanation: 'History.' })
        .expect(201)
    ).body;
    expect(own).toMatchObject({ lang: 'en', drive: 'purple', own: true });
    expect(((await anna.get('/api/remarks?lang=en').expect(200)).body as { id: string }[]).some((r) => r.id === own.id)).toBe(true);
    expect(((await bert.get('/api/remarks?lang=en').expect(200)).body as { id: string }[]).some((r) => r.id === own.id)).toBe(false);
  });

  test.each([
    ['an unknown language', '/api/remarks?lang=fr', null],
    ['an empty text', '/api/remarks', { lang: 'nl', text: ' ' }],
    ['an unknown drive', '/api/remarks', { lang: 'nl', text: 'Zo doen wij dat hier.', drive: 'pink' }],
  ])('When a remark request has %s, then 400 with the field', async (_what, path, body) => {
    const res = body ? await anna.post(path).send(body) : await anna.get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  test('When someone not logged in asks for remarks, then 401', async () => {
    await t.http().get('/api/remarks?lang=nl').expect(401);
  });
});

describe('a recognise round, counted by hand', () => {
  test('When four participants answer and one changes their answer, then the reveal counts each once with the intended drive, the reading and what to say', async () => {
    const s = await newSession();
    const remark = bank.nl.find((r) => r.drive === 'blue')!;
    const x = await exercise(s, { kind: 'recognize', remarkId: remark.id });
    expect(x.status).toBe('draft');
    const tokens = await Promise.all(['Ans', 'Bas', 'Cor', 'Dirk'].map((n) => join(s, n)));
    // Not open yet: 409, nothing stored.
    expect((await answer(tokens[0]!, x.id, { drive: 'blue' })).status).toBe(409);
    await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/open`).send({}).expect(200);
    await answer(tokens[0]!, x.id, { drive: 'red' }).expect(200);
    await answer(tokens[0]!, x.id, { drive: 'blue' }).expect(200); // changed their mind
    await answer(tokens[1]!, x.id, { drive: 'blue' }).expect(200);
    await answer(tokens[2]!, x.id, { drive: 'green' }).expect(200);
    await answer(tokens[3]!, x.id, { drive: 'blue' }).expect(200);
    const before = (await anna.get(`/api/sessions/${s.id}/exercises/${x.id}/results`).expect(200)).body;
    expect(before).toMatchObject({ status: 'open', participants: 4, answered: 4 });
    const revealed = (await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/reveal`).expect(200)).body;
    expect(revealed).toMatchObject({
      status: 'revealed',
      answered: 4,
      intended: 'blue',
      counts: { purple: 0, red: 0, blue: 3, orange: 0, green: 1, yellow: 0 },
    });
    expect(revealed.say.length).toBeGreaterThanOrEqual(2);
    expect(typeof revealed.need).toBe('string');
    expect(revealed.reading.segments.map((p: { text: string }) => p.text).join('')).toBe(remark.text);
    // Closed for answers after the reveal.
    expect((await answer(tokens[2]!, x.id, { drive: 'blue' })).status).toBe(409);
  });
});

describe('an open question, counted by hand', () => {
  test('When three answer, vote and the trainer hides one, then the wall, votes, words and phones agree with the hand count', async () => {
    const s = await newSession();
    const x = await exercise(s, { kind: 'open', prompt: 'Wat hoor je het vaakst van klanten?' });
    const [a, b, c] = await Promise.all(['Ans', 'Bas', 'Cor'].map((n) => join(s, n)));
    await open(s, x.id);
    await answer(a!, x.id, { text: 'Dat hebben we al eens geprobeerd' }).expect(200);
    await answer(b!, x.id, { text: 'Waarom moet dit zo snel, de planning is te krap' }).expect(200);
    await answer(c!, x.id, { text: 'Niemand heeft ons iets gevraagd' }).expect(200);
    const idOf = async (token: string) => ((await mine(token)) as { answer: { id: number } }).answer.id;
    const [ia, ib, ic] = [await idOf(a!), await idOf(b!), await idOf(c!)];
    await vote(b!, x.id, ia).expect(200);
    await vote(c!, x.id, ia).expect(200);
    await vote(c!, x.id, ia).expect(200); // a second vote on the same answer counts once
    await vote(a!, x.id, ib).expect(200);
    expect((await vote(a!, x.id, ia)).status).toBe(409); // not on your own answer
    expect((await vote(a!, x.id, 999_999)).status).toBe(404);
    expect((await vote(a!, x.id, 'one')).status).toBe(400);
    await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/answers/${ic}/hide`).send({}).expect(200);

    const r = await results(s, x.id);
    expect(r.answers).toEqual([
      { id: ia, text: 'Dat hebben we al eens geprobeerd', votes: 2, hidden: false },
      { id: ib, text: 'Waarom moet dit zo snel, de planning is te krap', votes: 1, hidden: false },
      { id: ic, text: 'Niemand heeft ons iets gevraagd', votes: 0, hidden: true },
    ]);
    const words = (r.words as { word: string }[]).map((w) => w.word);
    expect(words).toEqual(expect.arrayContaining(['geprobeerd', 'planning', 'snel', 'krap']));
    for (const stop of ['dat', 'we', 'al', 'de', 'te', 'moet']) expect(words).not.toContain(stop);
    expect(words).not.toContain('niemand'); // only in the hidden answer
    // Phones see the visible answers only, most votes first; each their own vote list.
    const phone = await mine(c!);
    expect(phone.exercise.answers.map((w: { id: number }) => w.id)).toEqual([ia, ib]);
    expect(phone.votes).toEqual([ia]);
    const revealed = (await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/reveal`).expect(200)).body;
    // The drives of the group's words are the batch reading of the visible answers (each counting once), not of the hidden one.
    const batch = (
      await anna
        .post('/api/recognize/batch')
        .send({ texts: ['Dat hebben we al eens geprobeerd', 'Waarom moet dit zo snel, de planning is te krap'], lang: 'nl' })
        .expect(200)
    ).body;
    expect(revealed.drives).toEqual(batch.overall.drives.filter((d: { score: number }) => d.score >= 5));
    expect(revealed.drives[0].drive).toBe(batch.overall.drives[0].drive);
    expect((await vote(b!, x.id, ic)).status).toBe(404); // hidden answers take no votes
    expect((await vote(b!, x.id, ia)).status).toBe(409); // voting ends with the round
    expect((await results(s, x.id)).answers[0].votes).toBe(2);
  });

  test('When an answer is empty, only spaces, or longer than 280 characters, then 400 and nothing is stored', async () => {
    const s = await newSession();
    const x = await exercise(s, { kind: 'open', prompt: 'Hoe zou jij reageren?' });
    const p = await join(s, 'Eva');
    await open(s, x.id);
    for (const body of [{}, { text: '   ' }, { text: 'x'.repeat(281) }, { drive: 'red' }, { text: 42 }]) {
      const res = await answer(p, x.id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    await answer(p, x.id, { text: 'é'.repeat(280) }).expect(200); // 280 characters is allowed
    expect((await results(s, x.id)).answered).toBe(1);
  });
});

describe('a poll, counted by hand', () => {
  test('When five vote between three options, then the counts are per option, every option present', async () => {
    const s = await newSession();
    const x = await exercise(s, { kind: 'poll', prompt: 'Hoeveel weerstand verwacht je?', options: ['Weinig', 'Wat', 'Veel'] });
    const tokens = await Promise.all(['A1', 'B2', 'C3', 'D4', 'E5'].map((n) => join(s, n)));
    await open(s, x.id);
    const picks = ['Veel', 'Wat', 'Veel', 'Veel', 'Wat'];
    for (const [i, tok] of tokens.entries()) await answer(tok, x.id, { option: picks[i] }).expect(200);
    expect((await answer(tokens[0]!, x.id, { option: 'Heel veel' })).status).toBe(400);
    expect((await answer(tokens[0]!, x.id, { option: 2 })).status).toBe(400);
    const r = (await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/reveal`).expect(200)).body;
    expect(r.counts).toEqual({ Weinig: 0, Wat: 2, Veel: 3 });
    expect(r.answered).toBe(5);
    expect((await mine(tokens[1]!)).exercise.results.counts).toEqual({ Weinig: 0, Wat: 2, Veel: 3 });
  });
});

describe('creating exercises: bad input', () => {
  test.each([
    ['an unknown kind', { kind: 'quiz', prompt: 'x' }],
    ['a poll with one option', { kind: 'poll', prompt: 'x', options: ['a'] }],
    ['a poll with seven options', { kind: 'poll', prompt: 'x', options: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }],
    ['a poll with the same option twice', { kind: 'poll', prompt: 'x', options: ['Ja', 'ja'] }],
    ['an empty question', { kind: 'open', prompt: '  ' }],
    ['a recognise round with an unknown drive', { kind: 'recognize', text: 'Zo doen wij dat.', drive: 'pink' }],
    ['a recognise round with an unknown remark', { kind: 'recognize', remarkId: 'nl-purple-99' }],
    ['an extra field', { kind: 'open', prompt: 'x', points: 3 }],
    ['no body', null],
  ])('When a trainer adds an exercise with %s, then 400 and the list stays as it was', async (_what, body) => {
    const s = await newSession();
    const res = await anna.post(`/api/sessions/${s.id}/exercises`).send(body ?? undefined);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect((await anna.get(`/api/sessions/${s.id}/exercises`).expect(200)).body).toEqual([]);
  });

  test('When a trainer gives a timer outside 10 s to an hour, then 400 and the round stays a draft', async () => {
    const s = await newSession();
    const x = await exercise(s, { kind: 'open', prompt: 'x' });
    for (const seconds of [5, 3601, '60', 1.5])
      expect((await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/open`).send({ seconds })).status).toBe(400);
    expect((await results(s, x.id)).status).toBe('draft');
  });

  test('When a trainer types their own remark with a drive, then the round has it as intended, without a bank id', async () => {
    const s = await newSession();
    const x = (
      await anna
        .post(`/api/sessions/${s.id}/exercises`)
        .send({ kind: 'recognize', text: 'Wie tekent hiervoor?', drive: 'blue' })
        .expect(201)
    ).body;
    expect(x).toMatchObject({ kind: 'recognize', text: 'Wie tekent hiervoor?', intended: 'blue', remarkId: null, status: 'draft' });
  });
});

describe('steps and rounds', () => {
  test('When the trainer steps through, then arriving at a round opens it, leaving closes it, and only one is open at a time', async () => {
    const s = await newSession();
    const x1 = await exercise(s, { kind: 'open', prompt: 'Eerste' });
    const x2 = await exercise(s, { kind: 'poll', prompt: 'Tweede', options: ['Ja', 'Nee'] });
    const step = (to: unknown) =>
      anna
        .post(`/api/sessions/${s.id}/step`)
        .send({ to })
        .expect(200)
        .then((r) => r.body.step);
    expect(await step('next')).toMatchObject({ kind: 'team', index: 1, count: 5 });
    expect(await step('next')).toMatchObject({ kind: 'exercise', exerciseId: x1.id });
    expect((await results(s, x1.id)).status).toBe('open');
    expect(await step('next')).toMatchObject({ kind: 'exercise', exerciseId: x2.id });
    expect((await results(s, x1.id)).status).toBe('closed');
    expect((await results(s, x2.id)).status).toBe('open');
    await open(s, x1.id); // opening one closes the other
    expect((await results(s, x2.id)).status).toBe('closed');
    expect(await step('end')).toMatchObject({ kind: 'end', index: 4 });
    expect(await step('next')).toMatchObject({ kind: 'end' }); // stays at the end
    expect((await results(s, x1.id)).status).toBe('closed');
    expect(await step({ exercise: x1.id })).toMatchObject({ kind: 'exercise', exerciseId: x1.id });
    expect((await results(s, x1.id)).status).toBe('closed'); // a closed round is not opened again by arriving
    expect((await anna.post(`/api/sessions/${s.id}/step`).send({ to: 'sideways' })).status).toBe(400);
    expect((await anna.post(`/api/sessions/${s.id}/step`).send({ to: { exercise: 'x'.repeat(16) } })).status).toBe(404);
  });

  test('When the trainer taps next four times at once, then the session moves four steps, each tap counted once', async () => {
    const s = await newSession();
    const x1 = await exercise(s, { kind: 'open', prompt: 'Eerste' });
    const x2 = await exercise(s, { kind: 'poll', prompt: 'Tweede', options: ['Ja', 'Nee'] });
    const tap = (to: string) => anna.post(`/api/sessions/${s.id}/step`).send({ to }).expect(200);
    const where = async () => (await anna.get(`/api/sessions/${s.id}`).expect(200)).body.step as string;
    const steps = (await Promise.all([1, 2, 3, 4].map(() => tap('next')))).map((r) => r.body.step.index as number);
    // Each tap answers the step it made: one each of team, both rounds and the end, never the same step twice.
    expect(steps.sort()).toEqual([1, 2, 3, 4]);
    expect(await where()).toBe('end');
    await Promise.all([1, 2].map(() => tap('previous')));
    expect(await where()).toBe(x1.id);
    // Both rounds were opened on arrival and closed on leaving; coming back does not open one again.
    const statuses = [(await results(s, x1.id)).status, (await results(s, x2.id)).status];
    expect(statuses).toEqual(['closed', 'closed']);
  });

  test('When a round has a timer that has run out, then it counts as closed and an answer gets 409', async () => {
    const s = await newSession();
    const x = await exercise(s, { kind: 'recognize', text: 'Wanneer is het klaar?', drive: 'orange' });
    const p = await join(s, 'Tim');
    const opened = (await open(s, x.id, { seconds: 60 })).body;
    expect(opened.status).toBe('open');
    expect(Date.parse(opened.closesAt) - Date.now()).toBeGreaterThan(50_000);
    await answer(p, x.id, { drive: 'orange' }).expect(200);
    // The timer runs out (set in the database, instead of waiting a minute).
    await t.db.sql(`UPDATE exercises SET closes_at = ? WHERE public_id = ?`, new Date(Date.now() - 1000).toISOString(), x.id);
    expect((await answer(p, x.id, { drive: 'red' })).status).toBe(409);
    expect(await results(s, x.id)).toMatchObject({ status: 'closed', closesAt: null, answered: 1 });
    expect((await mine(p)).answer.value).toBe('orange');
  });

  test('When a revealed round is opened again, then 409; revealing or closing a draft is 409 too and it stays a draft', async () => {
    const s = await newSession();
    const x = await exercise(s, { kind: 'open', prompt: 'x' });
    expect((await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/reveal`)).status).toBe(409);
    expect((await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/close`)).status).toBe(409);
    expect((await results(s, x.id)).status).toBe('draft');
    await open(s, x.id);
    await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/reveal`).expect(200);
    expect((await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/open`).send({})).status).toBe(409);
    await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/close`).expect(200);
    expect((await results(s, x.id)).status).toBe('revealed');
  });

  test('When an exercise is deleted, then its answers go with it and a session standing on it returns to the lobby', async () => {
    const s = await newSession();
    const x = await exercise(s, { kind: 'open', prompt: 'x' });
    const p = await join(s, 'Dee');
    await open(s, x.id);
    await answer(p, x.id, { text: 'iets' }).expect(200);
    await anna.delete(`/api/sessions/${s.id}/exercises/${x.id}`).expect(204);
    expect(
      await t.db.one('SELECT count(*) FROM exercise_answers a JOIN exercises e ON e.id = a.exercise_id WHERE e.public_id = ?', x.id),
    ).toBe(0);
    expect((await anna.get(`/api/sessions/${s.id}`).expect(200)).body.step).toBe('lobby');
    expect((await mine(p)).exercise).toBeNull();
  });
});

describe('points', () => {
  test('When points are on, then the leaderboard after a reveal gives 2 for the intended drive, 1 for a second drive, 0 otherwise', async () => {
    const s = await newSession({ points: true });
    const remark = bank.nl.find((r) => r.also.length > 0)!;
    const x = await exercise(s, { kind: 'recognize', remarkId: remark.id });
    const other = ['purple', 'red', 'blue', 'orange', 'green', 'yellow'].find(
      (d) => d !== remark.drive && !remark.also.includes(d as never),
    )!;
    const [a, b, c] = await Promise.all(['Ans', 'Bas', 'Cor'].map((n) => join(s, n)));
    await open(s, x.id);
    await answer(a!, x.id, { drive: remark.drive }).expect(200);
    await answer(b!, x.id, { drive: remark.also[0] }).expect(200);
    await answer(c!, x.id, { drive: other }).expect(200);
    const r = (await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/reveal`).expect(200)).body;
    expect(r.leaderboard).toEqual([
      { alias: 'Ans', points: 2 },
      { alias: 'Bas', points: 1 },
      { alias: 'Cor', points: 0 },
    ]);
  });

  test('When points are off (the default), then there is no leaderboard', async () => {
    const s = await newSession();
    const x = await exercise(s, { kind: 'recognize', remarkId: bank.nl[0]!.id });
    const a = await join(s, 'Ans');
    await open(s, x.id);
    await answer(a, x.id, { drive: 'red' }).expect(200);
    expect((await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/reveal`).expect(200)).body.leaderboard).toBeUndefined();
  });
});

describe('authorisation and anonymity', () => {
  test("When another trainer touches a session's exercises, then every route answers 404", async () => {
    const s = await newSession();
    const x = await exercise(s, { kind: 'open', prompt: 'x' });
    const base = `/api/sessions/${s.id}/exercises`;
    const calls = [
      bert.get(base),
      bert.post(base).send({ kind: 'open', prompt: 'y' }),
      bert.delete(`${base}/${x.id}`),
      bert.get(`${base}/${x.id}/results`),
      bert.post(`${base}/${x.id}/open`).send({}),
      bert.post(`${base}/${x.id}/close`),
      bert.post(`${base}/${x.id}/reveal`),
      bert.post(`${base}/${x.id}/answers/1/hide`).send({}),
      bert.get(`${base}/${x.id}/export.csv`),
      bert.get(`${base}/${x.id}/export.json`),
      bert.post(`/api/sessions/${s.id}/step`).send({ to: 'next' }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    expect((await results(s, x.id)).status).toBe('draft');
  });

  test("When a participant answers an exercise of another session, or uses a self-assessment's link, then 404", async () => {
    const s1 = await newSession();
    const s2 = await newSession();
    const x2 = await exercise(s2, { kind: 'open', prompt: 'x' });
    await open(s2, x2.id);
    const p1 = await join(s1, 'Ans');
    expect((await answer(p1, x2.id, { text: 'hallo' })).status).toBe(404);
    expect((await vote(p1, x2.id, 1)).status).toBe(404);
    const solo = (await t.http().post('/api/assessments').send({ consent: true }).expect(201)).body.token;
    expect((await t.http().get(`/api/assessments/${solo}/exercise`)).status).toBe(404);
    expect((await answer(solo, x2.id, { text: 'hallo' })).status).toBe(404);
    expect((await t.http().get(`/api/assessments/${'A'.repeat(43)}/exercise`)).status).toBe(404);
    expect((await results(s2, x2.id)).answered).toBe(0);
  });

  test('When an anonymous session runs rounds, then no participant alias is in any result, phone state or export', async () => {
    const s = await newSession({ anonymous: true });
    const x = await exercise(s, { kind: 'open', prompt: 'x' });
    const p = await join(s, '');
    await open(s, x.id);
    await answer(p, x.id, { text: 'Een antwoord' }).expect(200);
    await anna.post(`/api/sessions/${s.id}/exercises/${x.id}/reveal`).expect(200);
    const alias = await t.db.one<string>(
      'SELECT name FROM assessments WHERE workshop_id = (SELECT id FROM workshops WHERE public_id = ?)',
      s.id,
    );
    const texts = [
      JSON.stringify(await results(s, x.id)),
      JSON.stringify(await mine(p)),
      (await anna.get(`/api/sessions/${s.id}/exercises/${x.id}/export.csv`).expect(200)).text,
      (await anna.get(`/api/sessions/${s.id}/exercises/${x.id}/export.json`).expect(200)).text,
    ];
    for (const text of texts) expect(text).not.toContain(alias);
    expect(texts[0]).toContain('Een antwoord');
  });
});

describe('the way to the workshop screen', () => {
  test("When a participant of a session reads their state, then it links their workshop screen; a self-assessment's does not", async () => {
    const s = await newSession();
    const p = await join(s, 'Fien');
    expect((await t.http().get(`/api/assessments/${p}`).expect(200)).body.links.workshop).toBe(`/w/${p}`);
    const solo = (await t.http().post('/api/assessments').send({ consent: true }).expect(201)).body.token as string;
    expect((await t.http().get(`/api/assessments/${solo}`).expect(200)).body.links.workshop).toBeUndefined();
  });
});
