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
const answer = (token: string, eid: string, body: Record<string, unknown>) =>
  t.http().post(`/api/assessments/${token}/exercises/${eid}/answer`).send(body);
const bank = realContent().remarks;

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
