import { addUser, answersPicking, joinAndComplete, loggedIn, makeApp, type TestApp } from '../helpers/app';
import { CODE_ALPHABET } from '../../src/services/workshops';

let t: TestApp;
let anna: Awaited<ReturnType<typeof loggedIn>>;
let bert: Awaited<ReturnType<typeof loggedIn>>;
let admin: Awaited<ReturnType<typeof loggedIn>>;
let consultant: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  t = await makeApp();
  await Promise.all([
    addUser(t, 'anna@example.nl'),
    addUser(t, 'bert@example.nl'),
    addUser(t, 'admin@example.nl', 'admin'),
    addUser(t, 'carla@example.nl', 'consultant'),
  ]);
  anna = await loggedIn(t, 'anna@example.nl');
  bert = await loggedIn(t, 'bert@example.nl');
  admin = await loggedIn(t, 'admin@example.nl');
  consultant = await loggedIn(t, 'carla@example.nl');
});

async function newSession(body: Record<string, unknown> = { title: 'Gemeente Utrecht, dag 1' }) {
  return (await anna.post('/api/sessions').send(body).expect(201)).body as { id: string; code: string; joinUrl: string };
}

describe('creating and listing sessions', () => {
  test('When a trainer creates a session, then 201 gives an id, a 6-character code without look-alikes, and a join URL', async () => {
    const s = await newSession({ title: 'Workshop', lang: 'en', anonymous: true, minGroupSize: 4 });
    expect(s.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(s.code).not.toMatch(/[01OIL]/);
    expect(s.joinUrl).toMatch(new RegExp(`^http://[^/]+:\\d+/join/${s.code}$`));
    const got = (await anna.get(`/api/sessions/${s.id}`).expect(200)).body;
    expect(got).toMatchObject({
      id: s.id,
      code: s.code,
      title: 'Workshop',
      lang: 'en',
      anonymous: true,
      minGroupSize: 4,
      status: 'open',
      revealed: false,
    });
  });

  test('When no options are given, then Dutch, named and a minimum group of 3 apply', async () => {
    const s = await newSession();
    expect((await anna.get(`/api/sessions/${s.id}`).expect(200)).body).toMatchObject({ lang: 'nl', anonymous: false, minGroupSize: 3 });
  });

  test.each([
    ['no title', {}],
    ['an empty title', { title: '  ' }],
    ['a title of 121 characters', { title: 'x'.repeat(121) }],
    ['an unknown language', { title: 'x', lang: 'fr' }],
    ['a minimum group size of 0', { title: 'x', minGroupSize: 0 }],
    ['a minimum group size as text', { title: 'x', minGroupSize: '3' }],
    ['anonymous as text', { title: 'x', anonymous: 'yes' }],
    ['an extra field', { title: 'x', owner: 1 }],
  ])('When the body has %s, then 400 and no session is stored', async (_c, body) => {
    const before = await t.db.one('SELECT count(*) FROM workshops');
    const res = await anna.post('/api/sessions').send(body).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await t.db.one('SELECT count(*) FROM workshops')).toBe(before);
  });

  test('When listing, then a trainer sees only their own sessions and an admin sees all', async () => {
    const mine = await newSession({ title: 'Anna only' });
    const bertS = (await bert.post('/api/sessions').send({ title: 'Bert only' }).expect(201)).body;
    const annaList = (await anna.get('/api/sessions').expect(200)).body.map((s: { id: string }) => s.id);
    expect(annaList).toContain(mine.id);
    expect(annaList).not.toContain(bertS.id);
    const all = (await admin.get('/api/sessions').expect(200)).body.map((s: { id: string }) => s.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, bertS.id]));
    await admin.get(`/api/sessions/${bertS.id}/summary`).expect(200);
  });
});

describe('authorisation', () => {
  test('When not logged in, then every session route is 401', async () => {
    const s = await newSession();
    const anon = t.http();
    await anon.post('/api/sessions').send({ title: 'x' }).expect(401);
    await anon.get('/api/sessions').expect(401);
    for (const path of ['', '/summary', '/export.csv', '/export.json', '/events'])
      await anon.get(`/api/sessions/${s.id}${path}`).expect(401);
    for (const action of ['reveal', 'close', 'reopen']) await anon.post(`/api/sessions/${s.id}/${action}`).expect(401);
    await anon.delete(`/api/sessions/${s.id}`).expect(401);
  });

  test('When another trainer asks for a session, then every route is 404 and nothing changes', async () => {
    const s = await newSession();
    for (const path of ['', '/summary', '/export.csv', '/export.json', '/events'])
      await bert.get(`/api/sessions/${s.id}${path}`).expect(404);
    for (const action of ['reveal', 'close', 'reopen']) await bert.post(`/api/sessions/${s.id}/${action}`).expect(404);
    await bert.delete(`/api/sessions/${s.id}`).expect(404);
    expect((await anna.get(`/api/sessions/${s.id}`).expect(200)).body.status).toBe('open');
  });

  test('When a consultant uses the session API, then 403', async () => {
    await consultant.post('/api/sessions').send({ title: 'x' }).expect(403);
    await consultant.get('/api/sessions').expect(403);
  });

  test.each(['nope', 'A'.repeat(16), '../../etc'])('When the session id is %s, then 404', async (id) => {
    await anna.get(`/api/sessions/${encodeURIComponent(id)}/summary`).expect(404);
  });

  test('When a browser on another site posts with the trainer cookie, then 403', async () => {
    await anna.post('/api/sessions').set('Origin', 'https://evil.example').send({ title: 'x' }).expect(403);
    await anna.post('/api/sessions').set('Sec-Fetch-Site', 'cross-site').send({ title: 'x' }).expect(403);
  });
});

describe('joining', () => {
  test('When joining a named session, then a name is required', async () => {
    const s = await newSession();
    const res = await t.http().post('/api/assessments').send({ consent: true, sessionCode: s.code }).expect(400);
    expect(res.body.error.details.fields[0].field).toBe('name');
    await t.http().post('/api/assessments').send({ consent: true, sessionCode: s.code, name: 'Dirk' }).expect(201);
  });

  test('When joining an anonymous session without an alias, then an alias is given', async () => {
    const s = await newSession({ title: 'Anon', anonymous: true });
    await t.http().post('/api/assessments').send({ consent: true, sessionCode: s.code.toLowerCase() }).expect(201);
    const summary = (await anna.get(`/api/sessions/${s.id}/summary`).expect(200)).body;
    expect(summary.members).toEqual([{ id: expect.any(Number), name: 'Deelnemer 1', status: 'joined', answered: 0, total: 60 }]);
  });

  test('When the code is unknown, then 404; when the session is closed, then 409; after reopening, joining works again', async () => {
    const s = await newSession();
    const unknown = await t.http().post('/api/assessments').send({ consent: true, sessionCode: 'ZZZZZZ', name: 'x' }).expect(404);
    expect(unknown.body.error.message).toMatch(/no session with this code/);
    await anna.post(`/api/sessions/${s.id}/close`).expect(200);
    const closed = await t.http().post('/api/assessments').send({ consent: true, sessionCode: s.code, name: 'x' }).expect(409);
    expect(closed.body.error.message).toMatch(/closed/);
    await anna.post(`/api/sessions/${s.id}/reopen`).expect(200);
    await t.http().post('/api/assessments').send({ consent: true, sessionCode: s.code, name: 'x' }).expect(201);
  });

  test('When one browser joins too often, then 429, while other browsers behind the same address still join; an address has a ceiling', async () => {
    const app = await makeApp({ RATE_LIMIT_JOIN_PER_CLIENT: '2', RATE_LIMIT_JOIN_PER_ADDRESS: '4' });
    await addUser(app, 'z@example.nl');
    const z = await loggedIn(app, 'z@example.nl');
    const { code } = (await z.post('/api/sessions').send({ title: 'Room' }).expect(201)).body;
    const join = (client: string) =>
      app.http().post('/api/assessments').set('Cookie', `dv.client=${client}`).send({ consent: true, sessionCode: code, name: client });
    await join('phone1').expect(201);
    await join('phone1').expect(201);
    expect((await join('phone1').expect(429)).body.error.code).toBe('too_many_requests');
    await join('phone2').expect(201);
    await join('phone3').expect(201);
    await join('phone4').expect(429);
    expect(await app.db.one('SELECT count(*) FROM assessments')).toBe(4);
    // Self-assessments without a session code are not join-limited.
    await app.http().post('/api/assessments').send({ consent: true }).expect(201);
  });
});

describe('the summary', () => {
  test('When three participants complete, then the numbers match the hand-computed profiles', async () => {
    const s = await newSession({ title: 'Hand computed', minGroupSize: 3 });
    await joinAndComplete(t, s.code, 'P1', 'purple', 'red');
    // Not yet revealable with two; the trainer cannot reveal early.
    await joinAndComplete(t, s.code, 'P2', 'purple', 'blue');
    const early = await anna.post(`/api/sessions/${s.id}/reveal`).expect(409);
    expect(early.body.error.details).toEqual({ completed: 2, minGroupSize: 3 });
    await joinAndComplete(t, s.code, 'P3', 'green', 'purple');
    const busy = (
      await t
        .http()
        .post('/api/assessments')
        .set('Cookie', 'dv.client=p4')
        .send({ consent: true, sessionCode: s.code, name: 'P4' })
        .expect(201)
    ).body.token;
    await t
      .http()
      .put(`/api/assessments/${busy}/answers`)
      .send({ likert: { L01: 3, L02: 3 } })
      .expect(200);
    await t
      .http()
      .post('/api/assessments')
      .set('Cookie', 'dv.client=p5')
      .send({ consent: true, sessionCode: s.code, name: 'P5' })
      .expect(201);

    const hidden = (await anna.get(`/api/sessions/${s.id}/summary`).expect(200)).body;
    expect(hidden).toMatchObject({ revealed: false, participants: 5, completed: 3, canReveal: true, drives: [], insights: null });
    expect(hidden.members.every((m: Record<string, unknown>) => !('profile' in m))).toBe(true);

    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const sum = (await anna.get(`/api/sessions/${s.id}/summary`).expect(200)).body;
    expect(sum).toMatchObject({
      id: s.id,
      code: s.code,
      title: 'Hand computed',
      status: 'open',
      revealed: true,
      participants: 5,
      completed: 3,
    });
    // Every statement at 3 → likert 50, relative 0; choice 100 for the "most" drive, 0 for "least", 50 otherwise.
    // combined = 50 + 20·(0/20 + (choice − 50)/18)/2: 77.8 for choice 100, 22.2 for 0, 50 for 50.
    // P1: purple 77.8, red 22.2; P2: purple 77.8, blue 22.2; P3: green 77.8, purple 22.2; others 50 (sd over the group).
    expect(sum.drives).toEqual([
      { drive: 'purple', mean: 59.3, sd: 26.2, min: 22.2, max: 77.8, topCount: 2 },
      { drive: 'red', mean: 40.7, sd: 13.1, min: 22.2, max: 50, topCount: 0 },
      { drive: 'blue', mean: 40.7, sd: 13.1, min: 22.2, max: 50, topCount: 0 },
      { drive: 'orange', mean: 50, sd: 0, min: 50, max: 50, topCount: 0 },
      { drive: 'green', mean: 59.3, sd: 13.1, min: 50, max: 77.8, topCount: 1 },
      { drive: 'yellow', mean: 50, sd: 0, min: 50, max: 50, topCount: 0 },
    ]);
    expect(sum.insights).toEqual({
      dominant: ['purple', 'green'],
      // Strengths are the drives in someone's top band: P1's band is purple alone (50 is 27.8 below 77.8, beyond 23.6).
      noStrength: ['red', 'blue', 'orange', 'yellow'],
      contrasts: [
        { a: 'P1', b: 'P3', distance: 68.1 },
        { a: 'P2', b: 'P3', distance: 68.1 },
        { a: 'P1', b: 'P2', distance: 39.3 },
      ],
    });
    expect(sum.members.map((m: { name: string; status: string; answered: number }) => [m.name, m.status, m.answered])).toEqual([
      ['P1', 'completed', 60],
      ['P2', 'completed', 60],
      ['P3', 'completed', 60],
      ['P4', 'busy', 2],
      ['P5', 'joined', 0],
    ]);
    expect(sum.members[0].profile).toEqual({
      combined: { purple: 77.8, red: 22.2, blue: 50, orange: 50, green: 50, yellow: 50 },
    });
    expect(sum.members[2].profile.combined.green).toBe(77.8);
  });

  test('When an anonymous session is revealed, then no individual profile is in the summary', async () => {
    const s = await newSession({ title: 'Anon', anonymous: true, minGroupSize: 1 });
    await joinAndComplete(t, s.code, 'Fox', 'red', 'green');
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const sum = (await anna.get(`/api/sessions/${s.id}/summary`).expect(200)).body;
    expect(sum.drives).toHaveLength(6);
    expect(sum.members[0]).toEqual({ id: expect.any(Number), name: 'Fox', status: 'completed', answered: 60, total: 60 });
  });
});

describe('export', () => {
  test('When exported as CSV after the reveal, then a header and one properly quoted row per completed participant, formulas neutralised', async () => {
    const s = await newSession({ title: 'Export' });
    await joinAndComplete(t, s.code, 'Jansen, "Piet"', 'purple', 'red');
    await joinAndComplete(t, s.code, '=HYPERLINK("http://evil")', 'blue', 'green');
    await joinAndComplete(t, s.code, '-2+3', 'blue', 'green');
    await t
      .http()
      .post('/api/assessments')
      .set('Cookie', 'dv.client=busy')
      .send({ consent: true, sessionCode: s.code, name: 'Busy' })
      .expect(201);
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const res = await anna.get(`/api/sessions/${s.id}/export.csv`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="?drijfveer-${s.code}\\.csv"?$`));
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'name,completed_at,' +
        ['purple', 'red', 'blue', 'orange', 'green', 'yellow'].map((d) => `${d}_likert,${d}_choice,${d}_combined`).join(','),
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^"Jansen, ""Piet""",\d{4}-\d\d-\d\dT[^,]+,50,100,77.8,50,0,22.2,50,50,50/);
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)",/);
    expect(lines[3]).toMatch(/^'-2\+3,/);
  });

  test('When exported as JSON after the reveal, then the session and the completed participants with their scores', async () => {
    const s = await newSession({ title: 'Json', minGroupSize: 1 });
    await joinAndComplete(t, s.code, 'Eva', 'yellow', 'red');
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const body = (await anna.get(`/api/sessions/${s.id}/export.json`).expect(200)).body;
    expect(body.session).toEqual({ id: s.id, code: s.code, title: 'Json', anonymous: false });
    expect(body.participants).toHaveLength(1);
    expect(body.participants[0].scores.find((x: { drive: string }) => x.drive === 'yellow')).toEqual({
      drive: 'yellow',
      likert: 50,
      choice: 100,
      combined: 77.8,
    });
  });
});

describe('deleting a session', () => {
  test('When deleted, then 204, the session and every participant with their answers are gone', async () => {
    const s = await newSession({ title: 'To delete' });
    const token = await joinAndComplete(t, s.code, 'Gone', 'red', 'blue');
    const before = await t.db.one<number>('SELECT count(*) FROM likert_answers');
    await anna.delete(`/api/sessions/${s.id}`).expect(204);
    await anna.get(`/api/sessions/${s.id}`).expect(404);
    await t.http().get(`/api/assessments/${token}`).expect(404);
    expect(await t.db.one('SELECT count(*) FROM likert_answers')).toBe(before - 48);
  });
});

test('answersPicking gives a complete answer set (helper sanity)', () => {
  const a = answersPicking('red', 'blue');
  expect(Object.keys(a.likert)).toHaveLength(48);
  expect(Object.keys(a.choice)).toHaveLength(12);
});
