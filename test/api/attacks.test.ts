import { testUserService } from '../helpers/hashing';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openTestStore } from '../helpers/backend';
import { createLogger } from '../../src/logger';
import { PASSWORD, addUser, answerAll, makeApp } from '../helpers/app';
import { realContent } from '../helpers/content';

const PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg/onload=alert(1)>", '</textarea><b>x</b>'];
const RAW = [/<script>alert/i, /<img src=x/i, /<svg\/onload/i, /<\/textarea><b>/i];
const expectEscaped = (html: string, where: string) => {
  for (const raw of RAW) expect({ where, found: raw.test(html) }).toEqual({ where, found: false });
  expect(html).toContain('&lt;');
};

describe('XSS: every piece of user text is escaped on every page that shows it', () => {
  test.each(PAYLOADS)('payload %s', async (payload) => {
    const t = await makeApp({ RATE_LIMIT_JOIN_PER_CLIENT: '1000' });
    await testUserService(t.store).add({ email: 'xss@example.nl', name: payload, role: 'trainer', password: PASSWORD });
    const agent = request.agent(t.app);
    await agent.post('/api/login').send({ email: 'xss@example.nl', password: PASSWORD }).expect(200);

    // A self-assessment with the payload as name.
    const { token } = (await t.http().post('/api/assessments').send({ consent: true, name: payload }).expect(201)).body;
    await answerAll(t, token);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    expectEscaped((await t.http().get(`/p/${token}`).expect(200)).text, 'profile');

    // A session titled with the payload, and a participant named with it.
    const s = (await agent.post('/api/sessions').send({ title: payload, minGroupSize: 1 }).expect(201)).body;
    const joined = (await t.http().post('/api/assessments').send({ consent: true, sessionCode: s.code, name: payload }).expect(201)).body;
    await t.http().get(`/a/${joined.token}/1`).expect(200);
    expectEscaped((await agent.get('/trainer').expect(200)).text, 'trainer list');
    expectEscaped((await agent.get(`/trainer/sessions/${s.id}`).expect(200)).text, 'dashboard');
    expectEscaped((await t.http().get(`/join/${s.code}`).expect(200)).text, 'join page');

    // Project and stakeholder fields, and the drive reader's text.
    const p = (await agent.post('/api/projects').send({ client: payload, system: payload, phase: payload, notes: payload }).expect(201))
      .body;
    const sh = (
      await agent
        .post(`/api/projects/${p.id}/stakeholders`)
        .send({ name: payload, department: payload, influence: 3, support: 0, concerns: payload, approach: payload, drives: ['red'] })
        .expect(201)
    ).body;
    for (const path of ['/projects', `/projects/${p.id}`, `/projects/${p.id}/plan`, `/projects/${p.id}/stakeholders/${sh.id}`]) {
      expectEscaped((await agent.get(path).expect(200)).text, path);
    }
    const page = await agent.get('/reader').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    expectEscaped(
      (
        await agent
          .post('/reader')
          .type('form')
          .send({ _csrf: csrf, text: `Waarom? ${payload} Wie is verantwoordelijk?`, lang: 'nl' })
          .expect(200)
      ).text,
      'reader',
    );
  });
});

describe('logs', () => {
  test('When people use private links and log in, then neither tokens nor passwords reach the log', async () => {
    let logged = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((logged += chunk.toString()), done()) });
    const { store } = await openTestStore();
    const config = loadConfig({ NODE_ENV: 'test' });
    const app = createApp({ db: store, config, content: realContent(), logger: createLogger('debug', sink) });
    const http = () => request(app);
    await testUserService(store).add({ email: 'log@example.nl', name: 'Log', role: 'trainer', password: PASSWORD });

    const { token } = (await http().post('/api/assessments').send({ consent: true }).expect(201)).body;
    await http().get(`/a/${token}/1`).expect(200);
    await http()
      .put(`/api/assessments/${token}/answers`)
      .send({ likert: { L01: 3 } })
      .expect(200);
    await http().get(`/p/${token}`).expect(303);
    await http().post('/api/login').send({ email: 'log@example.nl', password: PASSWORD }).expect(200);
    await http().post('/api/login').send({ email: 'log@example.nl', password: 'a-wrong-password-x' }).expect(401);

    expect(logged).toContain('[token]');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain('a-wrong-password-x');
    expect(logged).not.toMatch(/dv\.sid=/);
  });
});

describe('cookies in production', () => {
  test('When served behind TLS, then the language, client and resume cookies are __Host- prefixed, Secure, httpOnly and SameSite', async () => {
    const t = await makeApp({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), TRUST_PROXY: 'true' });
    await addUser(t, 'prod@example.nl');
    const agent = request.agent(t.app);
    await agent.post('/api/login').set('X-Forwarded-Proto', 'https').send({ email: 'prod@example.nl', password: PASSWORD }).expect(200);
    const cookies = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const lang = cookies(await t.http().get('/?lang=en').set('X-Forwarded-Proto', 'https').expect(200));
    expect(lang[0]).toMatch(/^__Host-lang=en; Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    const s = (
      await t
        .http()
        .post('/api/sessions')
        .set('X-Forwarded-Proto', 'https')
        .set(
          'Cookie',
          cookies(await agent.post('/api/login').set('X-Forwarded-Proto', 'https').send({ email: 'prod@example.nl', password: PASSWORD }))
            .map((c) => c.split(';')[0])
            .join('; '),
        )
        .send({ title: 'P' })
        .expect(201)
    ).body;
    const join = cookies(await t.http().get(`/join/${s.code}`).set('X-Forwarded-Proto', 'https').expect(200));
    expect(join[0]).toMatch(/^__Host-dv\.client=[^;]+; Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    const joined = cookies(
      await t
        .http()
        .post(`/join/${s.code}`)
        .set('X-Forwarded-Proto', 'https')
        .type('form')
        .send({ name: 'Pia', consent: 'yes' })
        .expect(303),
    );
    expect(joined[0]).toMatch(new RegExp(`^__Host-dv\\.join\\.${s.code}=[A-Za-z0-9_-]{24}; .*HttpOnly; Secure; SameSite=Lax$`));
  });
});

describe('rate limits', () => {
  test('When one address creates too many questionnaires, then 429 on the API and on the start form', async () => {
    const t = await makeApp({ RATE_LIMIT_ASSESSMENTS_PER_IP: '3' });
    for (let i = 0; i < 3; i++) await t.http().post('/api/assessments').send({ consent: true }).expect(201);
    expect((await t.http().post('/api/assessments').send({ consent: true }).expect(429)).body.error.code).toBe('too_many_requests');
    const page = await t.http().post('/start').type('form').send({ consent: 'yes' }).expect(429);
    expect(page.text).toContain('Even wachten');
    expect(await t.db.one('SELECT count(*) FROM assessments')).toBe(3);
  });
});

describe('tokens', () => {
  test('Private-link tokens are 24 URL-safe characters (144 bits) and never repeat', async () => {
    const t = await makeApp({ RATE_LIMIT_ASSESSMENTS_PER_IP: '1000' });
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add((await t.http().post('/api/assessments').send({ consent: true }).expect(201)).body.token);
    expect(seen.size).toBe(200);
    for (const token of seen) expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});
