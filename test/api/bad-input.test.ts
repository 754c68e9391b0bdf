import request from 'supertest';
import { PASSWORD, addUser, answerAll, createAssessment, makeApp, type TestApp } from '../helpers/app';
import { fingerprint } from '../helpers/fingerprint';

/*
 * Table-driven bad input for every route: wrong types, missing and extra fields, empty and huge strings,
 * unicode, invalid JSON, wrong content types, bodies over the limit, unknown and malformed ids. Each must get
 * a 4xx (JSON error shape on the API, a page on forms), never a 5xx, and a 4xx must leave the database exactly
 * as it was (nothing partial written, nothing lost).
 */
const UNICODE = ['😀👍🏽', 'مرحبا بالعالم', 'e\u0301\u0301\u0301', 'a\u0000b', '\u202Eevil', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'];
const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, true, [], {}, ['x'], { $ne: 1 }, '', ' ', 'x'.repeat(10_000)];
const BAD_IDS = ['x', 'A'.repeat(24) + 'A', '%2e%2e%2f', 'A'.repeat(500), '%00', encodeURIComponent('Ω'.repeat(24)), '0', '-1', '1e9'];

let t: TestApp;
let trainer: request.Agent;
let consultant: request.Agent;
let ids: { token: string; done: string; session: string; code: string; project: string; stakeholder: string };

beforeAll(async () => {
  t = await makeApp({
    RATE_LIMIT_LOGIN_PER_EMAIL: '100000',
    RATE_LIMIT_LOGIN_PER_IP: '100000',
    RATE_LIMIT_JOIN_PER_CLIENT: '100000',
    RATE_LIMIT_JOIN_PER_ADDRESS: '100000',
    RATE_LIMIT_ASSESSMENTS_PER_IP: '100000',
  });
  await addUser(t, 'trainer@example.nl', 'trainer');
  await addUser(t, 'consultant@example.nl', 'consultant');
  trainer = request.agent(t.app);
  await trainer.post('/api/login').send({ email: 'trainer@example.nl', password: PASSWORD }).expect(200);
  consultant = request.agent(t.app);
  await consultant.post('/api/login').send({ email: 'consultant@example.nl', password: PASSWORD }).expect(200);
  const token = await createAssessment(t);
  await t
    .http()
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L01: 2 } })
    .expect(200);
  const done = await createAssessment(t);
  await answerAll(t, done);
  await t.http().post(`/api/assessments/${done}/complete`).expect(200);
  const session = (await trainer.post('/api/sessions').send({ title: 'Bad input' }).expect(201)).body;
  const project = (await consultant.post('/api/projects').send({ client: 'C', system: 'S' }).expect(201)).body;
  const stakeholder = (
    await consultant.post(`/api/projects/${project.id}/stakeholders`).send({ name: 'N', influence: 3, support: 0 }).expect(201)
  ).body;
  ids = { token, done, session: session.id, code: session.code, project: project.id, stakeholder: stakeholder.id };
});

type Who = 'anon' | 'trainer' | 'consultant';
const agent = (who: Who) => (who === 'trainer' ? trainer : who === 'consultant' ? consultant : request(t.app));

/** Sends a request and checks the promise: never 5xx; a 4xx leaves the database untouched and explains itself. */
async function expectRefusedCleanly(
  who: Who,
  method: 'post' | 'put' | 'patch' | 'delete' | 'get',
  path: string,
  send: (r: request.Test) => request.Test,
  api = true,
) {
  const before = await fingerprint(t);
  const res = await send(agent(who)[method](path));
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    expect(await fingerprint(t)).toBe(before);
    if (api) expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    else expect(res.text).toContain('<html');
  }
  return res;
}

// The JSON routes with a valid body; every field of it gets every kind of bad value.
const jsonRoutes: {
  who: Who;
  method: 'post' | 'put' | 'patch';
  path: () => string;
  body: () => Record<string, unknown>;
  stringFields?: string[];
}[] = [
  {
    who: 'anon',
    method: 'post',
    path: () => '/api/assessments',
    body: () => ({ consent: true, name: 'Ann', lang: 'nl' }),
    stringFields: ['name'],
  },
  {
    who: 'anon',
    method: 'post',
    path: () => '/api/assessments',
    body: () => ({ consent: true, sessionCode: ids.code, name: 'Ann' }),
    stringFields: ['name', 'sessionCode'],
  },
  {
    who: 'anon',
    method: 'put',
    path: () => `/api/assessments/${ids.token}/answers`,
    body: () => ({ likert: { L02: 3 }, choice: { S01: { most: 'S01a', least: 'S01b' } }, durations: { L02: 1200 } }),
  },
  {
    who: 'anon',
    method: 'post',
    path: () => '/api/login',
    body: () => ({ email: 'trainer@example.nl', password: 'wrong-password-1' }),
    stringFields: ['email', 'password'],
  },
  {
    who: 'trainer',
    method: 'post',
    path: () => '/api/sessions',
    body: () => ({ title: 'T', lang: 'en', anonymous: true, minGroupSize: 4 }),
    stringFields: ['title'],
  },
  {
    who: 'consultant',
    method: 'post',
    path: () => '/api/recognize',
    body: () => ({ text: 'Waarom?', lang: 'nl', behaviours: ['asks-why'] }),
    stringFields: ['text'],
  },
  {
    who: 'consultant',
    method: 'post',
    path: () => '/api/me/profiles',
    body: () => ({ link: `/p/${'Q'.repeat(24)}` }),
    stringFields: ['link'],
  },
  {
    who: 'consultant',
    method: 'post',
    path: () => '/api/projects',
    body: () => ({ client: 'C', system: 'S', phase: 'P', notes: 'N' }),
    stringFields: ['client', 'system', 'phase', 'notes'],
  },
  { who: 'consultant', method: 'patch', path: () => `/api/projects/${ids.project}`, body: () => ({ phase: 'Q' }), stringFields: ['phase'] },
  {
    who: 'consultant',
    method: 'post',
    path: () => `/api/projects/${ids.project}/stakeholders`,
    body: () => ({
      name: 'N',
      department: 'D',
      influence: 2,
      support: -1,
      drives: ['red'],
      concerns: 'C',
      approach: 'A',
      lastContact: '2026-01-02',
    }),
    stringFields: ['name', 'department', 'concerns', 'approach'],
  },
  {
    who: 'consultant',
    method: 'patch',
    path: () => `/api/projects/${ids.project}/stakeholders/${ids.stakeholder}`,
    body: () => ({ support: 2 }),
  },
];

describe.each(jsonRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path.toString().replace(/^\(\) => /, '')}`, r] as const))(
  '%s',
  (_name, route) => {
    test('invalid JSON, wrong content types, non-object bodies and a body over 100 kB are refused cleanly', async () => {
      const cases: [string, (r: request.Test) => request.Test, number[]][] = [
        ['invalid JSON', (r) => r.set('Content-Type', 'application/json').send('{"a": '), [400]],
        ['text/plain', (r) => r.set('Content-Type', 'text/plain').send(JSON.stringify(route.body())), [415]],
        ['a form', (r) => r.type('form').send('a=1'), [415]],
        ['XML', (r) => r.set('Content-Type', 'application/xml').send('<a/>'), [415]],
        ['an array', (r) => r.send([route.body()]), [400]],
        ['null', (r) => r.set('Content-Type', 'application/json').send('null'), [400]],
        ['a number', (r) => r.set('Content-Type', 'application/json').send('42'), [400]],
        ['over 100 kB', (r) => r.send({ ...route.body(), pad: 'x'.repeat(110_000) }), [413]],
      ];
      for (const [, send, statuses] of cases) {
        const res = await expectRefusedCleanly(route.who, route.method, route.path(), send);
        expect(statuses).toContain(res.status);
      }
    });

    test('each field with a wrong type, missing, or beside an extra field, is refused cleanly', async () => {
      const body = route.body();
      for (const field of Object.keys(body)) {
        for (const bad of WRONG_TYPES) {
          if (typeof body[field] === 'string' && typeof bad === 'string' && bad.length < 100) continue; // a short string may be valid
          await expectRefusedCleanly(route.who, route.method, route.path(), (r) => r.send({ ...body, [field]: bad }));
        }
        const { [field]: _gone, ...missing } = body;
        await expectRefusedCleanly(route.who, route.method, route.path(), (r) => r.send(missing));
      }
      const res = await expectRefusedCleanly(route.who, route.method, route.path(), (r) => r.send({ ...body, unexpected: 1 }));
      expect(res.status).toBe(400);
    });

    test('unicode in text fields never causes a server error', async () => {
      for (const field of route.stringFields ?? []) {
        for (const text of UNICODE)
          await expectRefusedCleanly(route.who, route.method, route.path(), (r) => r.send({ ...route.body(), [field]: text }));
      }
    });
  },
);

describe('unknown and malformed ids and tokens', () => {
  const tokenRoutes: ['get' | 'put' | 'post' | 'delete', (x: string) => string][] = [
    ['get', (x) => `/api/assessments/${x}`],
    ['get', (x) => `/api/assessments/${x}/profile`],
    ['get', (x) => `/api/assessments/${x}/export`],
    ['put', (x) => `/api/assessments/${x}/answers`],
    ['post', (x) => `/api/assessments/${x}/complete`],
    ['delete', (x) => `/api/assessments/${x}`],
  ];
  test.each(tokenRoutes.map(([m, p]) => [`${m.toUpperCase()} ${p(':token')}`, m, p] as const))(
    '%s answers 404 for every bad token',
    async (_n, method, path) => {
      for (const bad of BAD_IDS) {
        const res = await expectRefusedCleanly('anon', method, path(bad), (r) => (method === 'put' ? r.send({ likert: { L01: 3 } }) : r));
        expect(res.status).toBe(404);
      }
    },
  );

  const idRoutes: [Who, 'get' | 'post' | 'patch' | 'delete', (x: string) => string][] = [
    ['trainer', 'get', (x) => `/api/sessions/${x}`],
    ['trainer', 'get', (x) => `/api/sessions/${x}/summary`],
    ['trainer', 'get', (x) => `/api/sessions/${x}/export.csv`],
    ['trainer', 'post', (x) => `/api/sessions/${x}/reveal`],
    ['trainer', 'post', (x) => `/api/sessions/${x}/extend`],
    ['trainer', 'delete', (x) => `/api/sessions/${x}`],
    ['trainer', 'delete', (x) => `/api/sessions/${ids.session}/participants/${x}`],
    ['consultant', 'get', (x) => `/api/projects/${x}`],
    ['consultant', 'patch', (x) => `/api/projects/${x}`],
    ['consultant', 'delete', (x) => `/api/projects/${x}`],
    ['consultant', 'patch', (x) => `/api/projects/${ids.project}/stakeholders/${x}`],
    ['consultant', 'delete', (x) => `/api/projects/${ids.project}/stakeholders/${x}`],
  ];
  test.each(idRoutes.map(([w, m, p]) => [`${m.toUpperCase()} ${p.toString().replace(/^\(x\) => /, '')}`, w, m, p] as const))(
    '%s answers 404 for every bad id',
    async (_n, who, method, path) => {
      for (const bad of BAD_IDS) {
        const res = await expectRefusedCleanly(who, method, path(bad), (r) =>
          method === 'patch' ? r.send({ phase: 'x', support: 1 }) : r,
        );
        expect([400, 404]).toContain(res.status);
      }
    },
  );
});

describe('HTML forms', () => {
  const forms: [Who, () => string, () => Record<string, unknown>][] = [
    ['anon', () => '/start', () => ({ consent: 'yes', name: 'Ann' })],
    ['anon', () => `/a/${ids.token}/1`, () => ({ L01: '3', action: 'next' })],
    ['anon', () => `/a/${ids.token}/7`, () => ({ 'S01.most': 'S01a', 'S01.least': 'S01b', action: 'next' })],
    ['anon', () => '/join', () => ({ code: ids.code })],
    ['anon', () => `/join/${ids.code}`, () => ({ name: 'Ann', consent: 'yes' })],
  ];
  test.each(forms.map(([w, p, b]) => [p.toString().replace(/^\(\) => /, ''), w, p, b] as const))(
    '%s: wrong values, repeated fields, huge and unicode values are answered without a server error',
    async (_n, who, path, body) => {
      const valid = body();
      for (const field of Object.keys(valid)) {
        for (const bad of ['', 'x'.repeat(20_000), ...UNICODE, '9', '-1']) {
          await expectRefusedCleanly(who, 'post', path(), (r) => r.type('form').send({ ...valid, [field]: bad }), false);
        }
        // A field sent twice arrives as an array.
        await expectRefusedCleanly(
          who,
          'post',
          path(),
          (r) => r.type('form').send(`${encodeURIComponent(field)}=a&${encodeURIComponent(field)}=b`),
          false,
        );
      }
      const res = await expectRefusedCleanly(
        who,
        'post',
        path(),
        (r) => r.set('Content-Type', 'application/x-www-form-urlencoded').send('%%%'),
        false,
      );
      expect(res.status).toBeLessThan(500);
    },
  );

  test('When the questionnaire page or join code in the URL is malformed, then 404 pages', async () => {
    for (const bad of BAD_IDS) {
      expect((await expectRefusedCleanly('anon', 'post', `/a/${bad}/1`, (r) => r.type('form').send({ L01: '3' }), false)).status).toBe(404);
      expect(
        (await expectRefusedCleanly('anon', 'post', `/join/${bad}`, (r) => r.type('form').send({ consent: 'yes', name: 'x' }), false))
          .status,
      ).toBe(404);
    }
  });
});

test('The completed assessment is untouched after all of the above', async () => {
  const res = await t.http().get(`/api/assessments/${ids.done}`).expect(200);
  expect(res.body).toMatchObject({ status: 'completed', answered: 60 });
});

test('The fingerprint that the checks above compare changes when a row is added or a value changes', async () => {
  const before = await fingerprint(t);
  const token = await createAssessment(t);
  const added = await fingerprint(t);
  expect(added).not.toBe(before);
  await t
    .http()
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L01: 5 } })
    .expect(200);
  expect(await fingerprint(t)).not.toBe(added);
});
