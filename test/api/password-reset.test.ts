import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { PASSWORD, addUser, answerAll, createAssessment, csrfTokenIn, loggedIn, makeApp, type TestApp } from '../helpers/app';
import { openTestStore } from '../helpers/backend';
import { realContent } from '../helpers/content';
import { testHashing } from '../helpers/hashing';
import { linkPath, startSmtp, type Smtp } from '../helpers/smtp';

const SECRET = { SESSION_SECRET: 'a-test-secret-of-at-least-32-characters' };
let smtp: Smtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.close());

/** Asks for a reset link on the forgot-password page, as a browser does (with the form's CSRF cookie). */
async function askReset(t: TestApp, email: string, headers: Record<string, string> = {}) {
  const agent = request.agent(t.app);
  const page = await agent.get('/password/forgot').set(headers).expect(200);
  return agent
    .post('/password/forgot')
    .set(headers)
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text), email });
}

describe('forgotten password', () => {
  test('When a user asks for a reset link, then the mail brings a one-time link; the new password works, the old one not, and every login of theirs ends', async () => {
    const t = await makeApp({ ...SECRET, ...smtp.env });
    await addUser(t, 'eva@example.nl', 'trainer', 'Eva');
    const before = smtp.mails.length;
    const old = await loggedIn(t, 'eva@example.nl');
    const login = await request(t.app).get('/login').expect(200);
    expect(login.text).toContain('href="/password/forgot"');

    const asked = await askReset(t, ' Eva@Example.nl ');
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('Als dit adres bij een account hoort');
    const mail = await smtp.mailTo('eva@example.nl', before);
    expect(mail.text).toContain('Beste Eva,');
    const path = linkPath(mail, '/password/reset/');
    const page = await request(t.app).get(path).expect(200);
    expect(page.text).toContain('eva@example.nl');

    const agent = request.agent(t.app);
    const form = await agent.get(path).expect(200);
    const mismatch = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), password: 'a-new-password-123', password2: 'another-one-4567' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('De twee wachtwoorden zijn niet gelijk.');
    const short = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), password: 'short', password2: 'short' });
    expect(short.status).toBe(400);
    const done = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), password: 'a-new-password-123', password2: 'a-new-password-123' });
    expect(done.status).toBe(200);

    await old.get('/api/sessions').expect(401);
    await request(t.app).post('/api/login').send({ email: 'eva@example.nl', password: PASSWORD }).expect(401);
    await request(t.app).post('/api/login').send({ email: 'eva@example.nl', password: 'a-new-password-123' }).expect(200);
    await request(t.app).get(path).expect(410);
    // An hour later a link that was not used does not work any more.
    await askReset(t, 'eva@example.nl');
    const second = linkPath(await smtp.mailTo('eva@example.nl', smtp.mails.indexOf(mail) + 1), '/password/reset/');
    await t.db.sql(
      "UPDATE user_tokens SET expires_at = ? WHERE kind = 'reset' AND used_at IS NULL",
      new Date(Date.now() - 1).toISOString(),
    );
    await request(t.app).get(second).expect(400);
  });

  test('When the address is unknown or deactivated, then the answer is the same as for a known one, and no mail goes out', async () => {
    const t = await makeApp({ ...SECRET, ...smtp.env });
    const gone = await addUser(t, 'gone@example.nl');
    await t.store.users.setStatus(gone.id, 'deactivated');
    await addUser(t, 'known@example.nl');
    const before = smtp.mails.length;
    const unknown = await askReset(t, 'nobody@example.nl');
    const deactivated = await askReset(t, 'gone@example.nl');
    const known = await askReset(t, 'known@example.nl');
    expect([unknown.status, deactivated.status, known.status]).toEqual([200, 200, 200]);
    const body = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0];
    expect(body(unknown.text)).toBe(body(known.text));
    expect(body(deactivated.text)).toBe(body(known.text));
    await smtp.mailTo('known@example.nl', before);
    expect(smtp.mails.slice(before).flatMap((m) => m.to)).not.toContain('nobody@example.nl');
    expect(smtp.mails.slice(before).flatMap((m) => m.to)).not.toContain('gone@example.nl');
    expect(await t.db.one("SELECT count(*) FROM user_tokens WHERE kind = 'reset'")).toBe(1);
    const bad = await askReset(t, 'not an address');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Vul een geldig e-mailadres in.');
  });

  test('When one address or one client asks too often, then further requests get 429, also with a forged X-Forwarded-For', async () => {
    const t = await makeApp({ ...SECRET, ...smtp.env, RATE_LIMIT_MAIL_PER_EMAIL: '2', RATE_LIMIT_MAIL_PER_IP: '4' });
    await addUser(t, 'fay@example.nl');
    expect((await askReset(t, 'fay@example.nl')).status).toBe(200);
    expect((await askReset(t, 'FAY@example.nl')).status).toBe(200);
    expect((await askReset(t, 'fay@example.nl')).status).toBe(429);
    // Per client: two more addresses reach the limit of 4; a made-up proxy header does not give a new client.
    expect((await askReset(t, 'a@example.nl')).status).toBe(200);
    expect((await askReset(t, 'b@example.nl', { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(429);
    expect((await askReset(t, 'c@example.nl', { 'X-Forwarded-For': '198.51.100.9' })).status).toBe(429);
  });
});

describe('e-mail me my private link', () => {
  test('When a participant asks for their private link by mail, then it arrives and works, and the address is in no table and no log line', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        lines.push(chunk.toString());
        done();
      },
    });
    const db = await openTestStore();
    const config = loadConfig({ NODE_ENV: 'test', ...SECRET, ...testHashing({}), ...smtp.env, LOG_LEVEL: 'info' });
    const app = createApp({ db: db.store, config, content: realContent(), logger: createLogger('info', sink) });
    const t = { app, store: db.store, db, config, http: () => request(app) };
    const token = await createAssessment(t);
    await answerAll(t, token);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    const profile = await t.http().get(`/p/${token}`).expect(200);
    expect(profile.text).toContain(`action="/p/${token}/mail-link"`);

    const address = 'secret.participant@example.org';
    const before = smtp.mails.length;
    const sent = await t.http().post(`/p/${token}/mail-link`).type('form').send({ email: address }).expect(200);
    expect(sent.text).toContain('De link is verstuurd');
    const mail = await smtp.mailTo(address, before);
    const path = linkPath(mail, '/p/');
    expect(path).toBe(`/p/${token}`);
    await t.http().get(path).expect(200);

    for (const table of await db.tables()) {
      const rows = await db.sql(`SELECT * FROM ${table}`);
      expect(JSON.stringify(rows)).not.toContain('secret.participant');
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.join('')).toContain('mail-link'); // the request was logged ...
    expect(lines.join('')).not.toContain('secret.participant'); // ... without the address
    expect(lines.join('')).not.toContain(token);

    await t.http().post(`/p/${token}/mail-link`).type('form').send({ email: 'nope' }).expect(400);
    await t.http().post('/p/AAAAAAAAAAAAAAAAAAAAAAAA/mail-link').type('form').send({ email: address }).expect(404);
  });

  test('When one private link asks for many mails, then it is rate-limited; without e-mail set up the profile shows no form and the page says why', async () => {
    const t = await makeApp({ ...SECRET, ...smtp.env, RATE_LIMIT_MAIL_PER_EMAIL: '2' });
    const token = await createAssessment(t);
    await answerAll(t, token);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    for (const expected of [200, 200, 429])
      await t.http().post(`/p/${token}/mail-link`).type('form').send({ email: 'me@example.org' }).expect(expected);

    const plain = await makeApp(SECRET);
    const other = await createAssessment(plain);
    await answerAll(plain, other);
    await plain.http().post(`/api/assessments/${other}/complete`).expect(200);
    expect((await plain.http().get(`/p/${other}`).expect(200)).text).not.toContain('mail-link');
    const res = await plain.http().post(`/p/${other}/mail-link`).type('form').send({ email: 'me@example.org' }).expect(503);
    expect(res.text).toContain('E-mail is niet ingesteld');
  });
});
