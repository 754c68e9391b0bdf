import request from 'supertest';
import { PASSWORD, addUser, loggedIn, makeApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'trainer@example.nl');
});

const cookieOf = (res: request.Response, name: string) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));

describe('POST /api/login and /api/logout', () => {
  test('When the credentials are right, then 200 with an httpOnly SameSite=Lax session cookie, stored server-side', async () => {
    const res = await t.http().post('/api/login').send({ email: 'Trainer@Example.nl', password: PASSWORD }).expect(200);
    expect(res.body.user).toEqual({ email: 'trainer@example.nl', name: 'trainer', role: 'trainer' });
    const cookie = cookieOf(res, 'dv.sid')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await t.db.one('SELECT count(*) FROM login_sessions'))).toBeGreaterThan(0);
  });

  test('When the password is wrong or the e-mail unknown, then 401 with the same generic message', async () => {
    const wrong = await t.http().post('/api/login').send({ email: 'trainer@example.nl', password: 'not-the-password' }).expect(401);
    const unknown = await t.http().post('/api/login').send({ email: 'nobody@example.nl', password: PASSWORD }).expect(401);
    expect(wrong.body.error).toEqual({ code: 'unauthorized', message: 'E-mail address or password is not correct.' });
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  test.each([[{}], [{ email: 'a@b.nl' }], [{ email: 5, password: 'x' }], [{ email: 'a@b.nl', password: 'x', extra: 1 }]])(
    'When the body is %j, then 400',
    async (body) => {
      await t.http().post('/api/login').send(body).expect(400);
    },
  );

  test('When logging in, then the session id changes (no session fixation)', async () => {
    const agent = request.agent(t.app);
    const before = cookieOf(await agent.get('/login').expect(200), 'dv.sid')!.split(';')[0];
    const after = cookieOf(await agent.post('/api/login').send({ email: 'trainer@example.nl', password: PASSWORD }).expect(200), 'dv.sid')!.split(';')[0];
    expect(before).toMatch(/^dv\.sid=/);
    expect(after).not.toBe(before);
  });

  test('When logged out, then the session no longer works', async () => {
    const agent = await loggedIn(t, 'trainer@example.nl');
    await agent.get('/api/sessions').expect(200);
    await agent.post('/api/logout').expect(204);
    await agent.get('/api/sessions').expect(401);
  });

  test('When an e-mail address fails too often, then 429, also with the right password', async () => {
    const app = await makeApp({ RATE_LIMIT_LOGIN_PER_EMAIL: '2' });
    await addUser(app, 'target@example.nl');
    for (let i = 0; i < 2; i++) await app.http().post('/api/login').send({ email: 'target@example.nl', password: 'guess-number-' + i }).expect(401);
    const res = await app.http().post('/api/login').send({ email: 'target@example.nl', password: PASSWORD }).expect(429);
    expect(res.body.error.code).toBe('too_many_requests');
    // Another address from the same client is not locked out.
    await addUser(app, 'other@example.nl');
    await app.http().post('/api/login').send({ email: 'other@example.nl', password: PASSWORD }).expect(200);
  });

  test('When one address makes too many login attempts, then 429', async () => {
    const app = await makeApp({ RATE_LIMIT_LOGIN_PER_IP: '3' });
    for (let i = 0; i < 3; i++) await app.http().post('/api/login').send({ email: `x${i}@example.nl`, password: 'whatever-123' }).expect(401);
    await app.http().post('/api/login').send({ email: 'y@example.nl', password: 'whatever-123' }).expect(429);
  });
});

describe('the login form', () => {
  test('When the form is posted without its CSRF token, then 403', async () => {
    await t.http().post('/login').type('form').send({ email: 'trainer@example.nl', password: PASSWORD }).expect(403);
  });

  test('When the form is posted with its token and the right password, then the trainer lands on /trainer', async () => {
    const agent = request.agent(t.app);
    const page = await agent.get('/login?next=/trainer').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: 'trainer@example.nl', password: PASSWORD, next: '/trainer' }).expect(303);
    expect(res.headers.location).toBe('/trainer');
    expect((await agent.get('/trainer').expect(200)).text).toContain('Mijn sessies');
  });

  test('When the password is wrong, then the form comes back with 401 and a generic message, the e-mail kept', async () => {
    const agent = request.agent(t.app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/login').expect(200)).text)![1];
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: 'trainer@example.nl', password: 'wrong-password' }).expect(401);
    expect(res.text).toContain('Het e-mailadres of wachtwoord klopt niet.');
    expect(res.text).toContain('value="trainer@example.nl"');
  });

  test('When "next" points to another site, then the login goes to /trainer instead', async () => {
    const agent = request.agent(t.app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/login').expect(200)).text)![1];
    const res = await agent.post('/login').type('form').send({ _csrf: token, email: 'trainer@example.nl', password: PASSWORD, next: '//evil.example/x' }).expect(303);
    expect(res.headers.location).toBe('/trainer');
  });

  test('When a trainer page is opened without login, then the browser goes to the login page and back', async () => {
    const res = await t.http().get('/trainer').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Ftrainer');
  });
});

describe('cookies in production', () => {
  test('When behind a TLS proxy in production, then the session cookie is __Host- prefixed and Secure', async () => {
    const prod = await makeApp({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), TRUST_PROXY: 'true' });
    await addUser(prod, 'p@example.nl');
    const res = await prod.http().post('/api/login').set('X-Forwarded-Proto', 'https').send({ email: 'p@example.nl', password: PASSWORD }).expect(200);
    const cookie = cookieOf(res, '__Host-dv.sid')!;
    expect(cookie).toMatch(/; Path=\/;/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
  });
});
