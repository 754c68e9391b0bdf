import request from 'supertest';
import { purgeExpired } from '../../src/services/retention';
import { addUser, loggedIn, makeApp, type TestApp } from '../helpers/app';
import { VOICES } from './survey-voices';

let t: TestApp;
let carla: Awaited<ReturnType<typeof loggedIn>>;
let dirk: Awaited<ReturnType<typeof loggedIn>>;
beforeAll(async () => {
  t = await makeApp({ RATE_LIMIT_SURVEY_RESPONSES_PER_ADDRESS: '1000' });
  await addUser(t, 'carla@example.nl', 'consultant');
  await addUser(t, 'dirk@example.nl', 'consultant');
  carla = await loggedIn(t, 'carla@example.nl');
  dirk = await loggedIn(t, 'dirk@example.nl');
});

const ITEMS = ['why', 'better', 'confidence', 'involved', 'heard', 'know', 'ready', 'help'];
const all = (v: number) => Object.fromEntries(ITEMS.map((id) => [id, v]));
const count = (sql: string) => t.db.one<number>(sql).then(Number);

async function project() {
  return (await carla.post('/api/projects').send({ client: 'Gemeente Deventer', system: 'Zaaksysteem' }).expect(201)).body as {
    id: string;
  };
}
async function survey(departments = ['Burgerzaken', 'Belastingen', 'Wijkteam']) {
  const p = await project();
  const s = (await carla.post(`/api/projects/${p.id}/surveys`).send({ title: 'Draagvlak zaaksysteem', departments }).expect(201)).body;
  return { p, s: s as { id: string; code: string; url: string }, base: `/api/projects/${p.id}/surveys/${s.id as string}` };
}
/** A response from a fresh browser (no cookie), so each counts. */
const respond = (code: string, body: Record<string, unknown>) => request(t.app).post(`/api/surveys/${code}/responses`).send(body);
const answer = (code: string, department: string, v = 4, texts: { worries?: string; needs?: string } = {}) =>
  respond(code, { department, answers: all(v), consent: true, ...texts }).expect(201);

describe('creating and reading a survey', () => {
  test('When a consultant creates a survey, then 201 with an id, a 10-character code and a public link, and the public API gives its statements', async () => {
    const { s } = await survey();
    expect(s.code).toMatch(/^[A-Z2-7]{10}$/);
    expect(s.url).toMatch(new RegExp(`/s/${s.code}$`));
    const pub = (await request(t.app).get(`/api/surveys/${s.code}`).expect(200)).body;
    expect(pub).toMatchObject({ title: 'Draagvlak zaaksysteem', lang: 'nl', departments: ['Burgerzaken', 'Belastingen', 'Wijkteam'] });
    expect(pub.statements.map((x: { id: string }) => x.id)).toEqual(ITEMS);
    expect(pub.statements[0].text).toBe('Ik begrijp waarom deze verandering nodig is.');
    // The code works in any letter case.
    await request(t.app).get(`/api/surveys/${s.code.toLowerCase()}`).expect(200);
  });

  test('When the survey is in English, then the statements come in English', async () => {
    const p = await project();
    const s = (
      await carla
        .post(`/api/projects/${p.id}/surveys`)
        .send({ title: 'Support', departments: ['IT'], lang: 'en' })
        .expect(201)
    ).body;
    expect((await request(t.app).get(`/api/surveys/${s.code}`).expect(200)).body.statements[0].text).toBe(
      'I understand why this change is needed.',
    );
  });

  test.each([
    ['no title', { departments: ['A'] }],
    ['no departments', { title: 'X', departments: [] }],
    ['a department twice', { title: 'X', departments: ['A', 'a'] }],
    ['an unknown language', { title: 'X', departments: ['A'], lang: 'de' }],
    ['an unknown field', { title: 'X', departments: ['A'], extra: 1 }],
  ])('When a survey is created with %s, then 400 in the error shape and nothing is stored', async (_c, body) => {
    const p = await project();
    const before = await count('SELECT count(*) FROM surveys');
    const res = await carla.post(`/api/projects/${p.id}/surveys`).send(body).expect(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String), details: expect.any(Object) });
    expect(await count('SELECT count(*) FROM surveys')).toBe(before);
  });

  test('When another consultant asks for any of the survey routes, then 404 for each, and nothing changed', async () => {
    const { p, s, base } = await survey();
    await dirk.get(`/api/projects/${p.id}/surveys`).expect(404);
    await dirk
      .post(`/api/projects/${p.id}/surveys`)
      .send({ title: 'X', departments: ['A'] })
      .expect(404);
    await dirk.get(base).expect(404);
    await dirk.get(`${base}/results`).expect(404);
    await dirk.post(`${base}/rounds`).expect(404);
    await dirk.post(`${base}/close`).expect(404);
    await dirk.delete(base).expect(404);
    expect((await carla.get(base).expect(200)).body).toMatchObject({ id: s.id, round: 1, status: 'open' });
  });

  test('When no one is logged in, then the consultant routes answer 401', async () => {
    const { base } = await survey();
    await request(t.app).get(`${base}/results`).expect(401);
  });

  test('When the list is asked, then it holds the project’s surveys with their links', async () => {
    const { p, s } = await survey();
    const list = (await carla.get(`/api/projects/${p.id}/surveys`).expect(200)).body;
    expect(list).toEqual([
      expect.objectContaining({ id: s.id, code: s.code, url: expect.stringMatching(`/s/${s.code}$`), status: 'open' }),
    ]);
  });
});

describe('answering', () => {
  test('When a response is posted, then 201 and only the department, answers, texts and consent time are stored', async () => {
    const { s } = await survey();
    const res = await answer(s.code, 'Wijkteam', 3, { worries: 'Minder contact', needs: 'Tijd samen' });
    expect(res.body).toEqual({ round: 1 });
    const [row] = await t.db.sql(`SELECT r.* FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.code = ?`, s.code);
    expect(Object.keys(row!).sort()).toEqual(
      ['answers', 'consent_at', 'created_at', 'department', 'id', 'needs', 'round', 'survey_id', 'worries'].sort(),
    );
    expect(row).toMatchObject({ department: 'Wijkteam', worries: 'Minder contact', needs: 'Tijd samen', round: 1 });
  });

  test.each([
    ['an unknown department', { department: 'Sport', answers: all(3), consent: true }],
    ['an unknown statement', { department: 'Wijkteam', answers: { ...all(3), extra: 3 }, consent: true }],
    ['a missing statement', { department: 'Wijkteam', answers: { why: 3 }, consent: true }],
    ['a value of 6', { department: 'Wijkteam', answers: { ...all(3), why: 6 }, consent: true }],
    ['a value of 0', { department: 'Wijkteam', answers: { ...all(3), why: 0 }, consent: true }],
    ['a value of 2.5', { department: 'Wijkteam', answers: { ...all(3), why: 2.5 }, consent: true }],
    ['no consent', { department: 'Wijkteam', answers: all(3) }],
    ['consent false', { department: 'Wijkteam', answers: all(3), consent: false }],
    ['worries over 1,000 characters', { department: 'Wijkteam', answers: all(3), consent: true, worries: 'a'.repeat(1001) }],
    ['needs over 1,000 characters', { department: 'Wijkteam', answers: all(3), consent: true, needs: 'b'.repeat(1001) }],
    ['a name', { department: 'Wijkteam', answers: all(3), consent: true, name: 'Anna' }],
  ])('When a response has %s, then 400 in the error shape and nothing is stored', async (_c, body) => {
    const { s } = await survey();
    const res = await respond(s.code, body).expect(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String), details: expect.any(Object) });
    expect(await count(`SELECT count(*) FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.code = '${s.code}'`)).toBe(0);
  });

  test('When the texts are exactly 1,000 characters, then the response is stored', async () => {
    const { s } = await survey();
    await answer(s.code, 'Wijkteam', 3, { worries: 'a'.repeat(1000), needs: 'b'.repeat(1000) });
  });

  test('When a code is unknown, then 404 for the statements and for a response', async () => {
    await request(t.app).get('/api/surveys/AAAAAAAAAA').expect(404);
    await respond('AAAAAAAAAA', { department: 'X', answers: all(3), consent: true }).expect(404);
    await request(t.app).get('/api/surveys/not-a-code').expect(404);
  });

  test('When the survey is closed, then a response gets 409; a new round opens it again and counts in round 2', async () => {
    const { s, base } = await survey();
    expect((await carla.post(`${base}/close`).expect(200)).body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const res = await respond(s.code, { department: 'Wijkteam', answers: all(3), consent: true }).expect(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', message: expect.any(String) });
    expect((await carla.post(`${base}/rounds`).expect(201)).body).toMatchObject({ round: 2, status: 'open', closedAt: null });
    expect((await answer(s.code, 'Wijkteam')).body).toEqual({ round: 2 });
  });

  test('When the same browser answers a round twice, then the second gets 409; in a new round it may answer again', async () => {
    const { s, base } = await survey();
    const phone = request.agent(t.app);
    const body = { department: 'Wijkteam', answers: all(3), consent: true };
    const first = await phone.post(`/api/surveys/${s.code}/responses`).send(body).expect(201);
    expect(String(first.headers['set-cookie'])).toContain(`dv.survey.${s.code}=1`);
    expect(String(first.headers['set-cookie'])).toContain('HttpOnly');
    await phone.post(`/api/surveys/${s.code}/responses`).send(body).expect(409);
    await carla.post(`${base}/rounds`).expect(201);
    await phone.post(`/api/surveys/${s.code}/responses`).send(body).expect(201);
  });
});

describe('suppression', () => {
  test('When a department has 4 responses, then it shows nothing, and the total counts only the shown departments', async () => {
    const { s, base } = await survey(['Burgerzaken', 'Belastingen']);
    for (let i = 0; i < 5; i++) await answer(s.code, 'Burgerzaken', 4, { worries: 'Regels en procedures' });
    for (let i = 0; i < 4; i++) await answer(s.code, 'Belastingen', 1, { worries: 'Geheim bezwaar over de directeur' });
    const r = (await carla.get(`${base}/results`).expect(200)).body;
    expect(r.responses).toBe(5);
    const small = r.departments.find((d: { department: string }) => d.department === 'Belastingen');
    expect(small).toEqual({
      department: 'Belastingen',
      n: null,
      suppressed: true,
      trend: [{ round: 1, suppressed: true, n: null, mean: null }],
    });
    const text = JSON.stringify(r);
    expect(text).not.toContain('directeur');
    expect(text).not.toContain('"mean":1'); // no trace of the small department's answers, no overall mean
    const big = r.departments.find((d: { department: string }) => d.department === 'Burgerzaken');
    expect(big).toMatchObject({ n: 5, suppressed: false, items: expect.any(Array), drives: expect.any(Array), themes: expect.any(Array) });
    expect(big.items[0]).toEqual({ id: 'why', mean: 4, counts: [0, 0, 0, 5, 0] });
  });

  test('When a shown department gets a 6th to 9th response, then its figures do not change until the 10th', async () => {
    const { s, base } = await survey(['Wijkteam']);
    for (let i = 0; i < 5; i++) await answer(s.code, 'Wijkteam', 5);
    const at5 = (await carla.get(`${base}/results`).expect(200)).body;
    for (let i = 0; i < 4; i++) await answer(s.code, 'Wijkteam', 1, { worries: 'Dit zie je pas bij tien' });
    expect((await carla.get(`${base}/results`).expect(200)).body).toEqual(at5);
    await answer(s.code, 'Wijkteam', 1);
    const at10 = (await carla.get(`${base}/results`).expect(200)).body;
    expect(at10.departments[0]).toMatchObject({ n: 10, items: expect.arrayContaining([{ id: 'why', mean: 3, counts: [5, 0, 0, 0, 5] }]) });
    expect(at10.responses).toBe(10);
  });

  test('When there are two rounds, then each department has a trend per round, each round suppressed on its own', async () => {
    const { s, base } = await survey(['Wijkteam']);
    for (let i = 0; i < 5; i++) await answer(s.code, 'Wijkteam', 2);
    await carla.post(`${base}/rounds`).expect(201);
    for (let i = 0; i < 3; i++) await answer(s.code, 'Wijkteam', 4);
    const r = (await carla.get(`${base}/results`).expect(200)).body;
    expect(r).toMatchObject({ round: 2, rounds: 2, responses: 0 });
    expect(r.departments[0].trend).toEqual([
      { round: 1, suppressed: false, n: 5, mean: 2 },
      { round: 2, suppressed: true, n: null, mean: null },
    ]);
    const first = (await carla.get(`${base}/results?round=1`).expect(200)).body;
    expect(first).toMatchObject({ round: 1, responses: 5 });
    await carla.get(`${base}/results?round=3`).expect(404);
    await carla.get(`${base}/results?round=zero`).expect(400);
  });
});

test('When 30 staff in three departments write about rules, results and colleagues, then each department’s strongest drive is that one', async () => {
  const { s, base } = await survey();
  for (const [department, list] of Object.entries(VOICES)) {
    for (const [worries, needs] of list) await answer(s.code, department, 3, { worries, needs });
  }
  const r = (await carla.get(`${base}/results`).expect(200)).body;
  expect(r.responses).toBe(30);
  const strongest = Object.fromEntries(
    r.departments.map((d: { department: string; drives: { drive: string }[] }) => [d.department, d.drives[0]!.drive]),
  );
  expect(strongest).toEqual({ Burgerzaken: 'blue', Belastingen: 'orange', Wijkteam: 'green' });
  const wijk = r.departments.find((d: { department: string }) => d.department === 'Wijkteam');
  expect(wijk.answers).toHaveLength(10);
  expect(wijk.themes[0]).toEqual({ word: expect.any(String), count: expect.any(Number) });
  // Stop words of both languages are out of the themes.
  const words = r.departments.flatMap((d: { themes: { word: string }[] }) => d.themes.map((x) => x.word));
  for (const stop of ['de', 'het', 'een', 'en', 'dat', 'the', 'and']) expect(words).not.toContain(stop);
});

describe('deletion and retention', () => {
  test('When a survey is deleted, then it and its responses are gone, and its code answers 404', async () => {
    const { s, base } = await survey();
    await answer(s.code, 'Wijkteam');
    await carla.delete(base).expect(204);
    await carla.get(base).expect(404);
    await request(t.app).get(`/api/surveys/${s.code}`).expect(404);
    expect(await count(`SELECT count(*) FROM surveys WHERE code = '${s.code}'`)).toBe(0);
  });

  test('When the project is deleted, then its surveys and their responses go with it', async () => {
    const { p, s } = await survey();
    await answer(s.code, 'Wijkteam');
    const before = await count('SELECT count(*) FROM survey_responses');
    await carla.delete(`/api/projects/${p.id}`).expect(204);
    expect(await count(`SELECT count(*) FROM surveys WHERE code = '${s.code}'`)).toBe(0);
    expect(await count('SELECT count(*) FROM survey_responses')).toBe(before - 1);
    await request(t.app).get(`/api/surveys/${s.code}`).expect(404);
  });

  test('When a closed survey passes the retention period, then the purge deletes it with its responses; an open one stays', async () => {
    const closed = await survey();
    const open = await survey();
    await answer(closed.s.code, 'Wijkteam');
    await answer(open.s.code, 'Wijkteam');
    await carla.post(`${closed.base}/close`).expect(200);
    const policy = { unfinishedDays: 30, workshopDays: 365, surveyDays: 180 };
    const now = Date.now();
    expect((await purgeExpired(t.store, policy, new Date(now + 179 * 86_400_000))).surveys).toBe(0);
    await carla.get(closed.base).expect(200);
    expect((await purgeExpired(t.store, policy, new Date(now + 181 * 86_400_000))).surveys).toBeGreaterThanOrEqual(1);
    await carla.get(closed.base).expect(404);
    await carla.get(open.base).expect(200);
    expect(await count(`SELECT count(*) FROM surveys WHERE code = '${open.s.code}'`)).toBe(1);
  });
});

describe('rate limit', () => {
  test('When one address sends more responses than the limit, then 429; a forged X-Forwarded-For does not help', async () => {
    const limited = await makeApp({ RATE_LIMIT_SURVEY_RESPONSES_PER_ADDRESS: '3' });
    await addUser(limited, 'eva@example.nl', 'consultant');
    const eva = await loggedIn(limited, 'eva@example.nl');
    const p = (await eva.post('/api/projects').send({ client: 'Gemeente Ede', system: 'Zaaksysteem' }).expect(201)).body;
    const s = (
      await eva
        .post(`/api/projects/${p.id}/surveys`)
        .send({ title: 'X', departments: ['A'] })
        .expect(201)
    ).body;
    const post = (ip: string) =>
      request(limited.app)
        .post(`/api/surveys/${s.code}/responses`)
        .set('X-Forwarded-For', ip)
        .send({ department: 'A', answers: all(3), consent: true });
    for (let i = 0; i < 3; i++) await post(`10.0.0.${i}`).expect(201);
    const res = await post('10.0.0.99').expect(429);
    expect(res.body.error).toMatchObject({ code: 'too_many_requests' });
  });
});
