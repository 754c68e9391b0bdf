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
    expect(await t.db.one('SELECT count(*) FROM login_sessions')).toBeGreaterThan(0);
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

  test('When logging in again, then the session id changes and the old one no longer works (no session fixation)', async () => {
    const agent = request.agent(t.app);
    const before = cookieOf(
      await agent.post('/api/login').send({ email: 'trainer@example.nl', password: PASSWORD }).expect(200),
      'dv.sid',
    )!.split(';')[0]!;
    const after = cookieOf(
      await agent.post('/api/login').send({ email: 'trainer@example.nl', password: PASSWORD }).expect(200),
      'dv.sid',
    )!.split(';')[0];
    expect(before).toMatch(/^dv\.sid=/);
    expect(after).not.toBe(before);
    await t.http().get('/api/sessions').set('Cookie', before).expect(401);
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
    for (let i = 0; i < 2; i++)
      await app
        .http()
        .post('/api/login')
        .send({ email: 'target@example.nl', password: 'guess-number-' + i })
        .expect(401);
    const res = await app.http().post('/api/login').send({ email: 'target@example.nl', password: PASSWORD }).expect(429);
    expect(res.body.error.code).toBe('too_many_requests');
    // Another address from the same client is not locked out.
    await addUser(app, 'other@example.nl');
    await app.http().post('/api/login').send({ email: 'other@example.nl', password: PASSWORD }).expect(200);
  });

  test('When one address makes too many login attempts, then 429', async () => {
    const app = await makeApp({ RATE_LIMIT_LOGIN_PER_IP: '3' });
    for (let i = 0; i < 3; i++)
      await app
        .http()
        .post('/api/login')
        .send({ email: `x${i}@example.nl`, password: 'whatever-123' })
        .expect(401);
    await app.http().post('/api/login').send({ email: 'y@example.nl', password: 'whatever-123' }).expect(429);
  });
});

describe('the login form', () => {
  const tokenOf = (page: request.Response) => /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;

  test('When the login page is viewed again and again, then no login session is stored (a page view cannot fill the disk)', async () => {
    const fresh = await makeApp();
    for (let i = 0; i < 30; i++) await fresh.http().get('/login').expect(200);
    const agent = request.agent(fresh.app);
    for (let i = 0; i < 5; i++) await agent.get('/login?next=/trainer').expect(200);
    // A failed attempt stores nothing either.
    await agent
      .post('/login')
      .type('form')
      .send({ _csrf: tokenOf(await agent.get('/login')), email: 'nobody@example.nl', password: 'wrong-password' })
      .expect(401);
    expect(Number(await fresh.db.one('SELECT count(*) FROM login_sessions'))).toBe(0);
  });

  test('When the form is posted without its CSRF token, then 403', async () => {
    await t.http().post('/login').type('form').send({ email: 'trainer@example.nl', password: PASSWORD }).expect(403);
  });

  test("When the form's token does not match its signed cookie (missing, forged or another browser's), then 403", async () => {
    const mine = request.agent(t.app);
    const token = tokenOf(await mine.get('/login').expect(200));
    const other = request.agent(t.app);
    await other.get('/login').expect(200);
    const body = { _csrf: token, email: 'trainer@example.nl', password: PASSWORD };
    await t.http().post('/login').type('form').send(body).expect(403);
    await t.http().post('/login').set('Cookie', `dv.login=${token}`).type('form').send(body).expect(403);
    await t
      .http()
      .post('/login')
      .set('Cookie', `dv.login=${encodeURIComponent(`s:${token}.forged`)}`)
      .type('form')
      .send(body)
      .expect(403);
    await other.post('/login').type('form').send(body).expect(403);
  });

  test('When the form is posted with its token and the right password, then the trainer lands on /trainer', async () => {
    const agent = request.agent(t.app);
    const page = await agent.get('/login?next=/trainer').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: 'trainer@example.nl', password: PASSWORD, next: '/trainer' })
      .expect(303);
    expect(res.headers.location).toBe('/trainer');
    expect((await agent.get('/trainer').expect(200)).text).toContain('Mijn sessies');
  });

  test('When the password is wrong, then the form comes back with 401 and a generic message, the e-mail kept', async () => {
    const agent = request.agent(t.app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/login').expect(200)).text)![1];
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: 'trainer@example.nl', password: 'wrong-password' })
      .expect(401);
    expect(res.text).toContain('Het e-mailadres of wachtwoord klopt niet.');
    expect(res.text).toContain('value="trainer@example.nl"');
  });

  test('When "next" points to another site, then the login goes to /trainer instead', async () => {
    const agent = request.agent(t.app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/login').expect(200)).text)![1];
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: 'trainer@example.nl', password: PASSWORD, next: '//evil.example/x' })
      .expect(303);
    expect(res.headers.location).toBe('/trainer');
  });

  test('When a trainer page is opened without login, then the browser goes to the login page and back', async () => {
    const res = await t.http().get('/trainer').expect(303);
    expect(res.headers.location).toBe('/login?next=%2Ftrainer');
  });
});

describe('production', () => {
  const PROD = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) };

  test('When a login arrives over plain HTTP in production, then 403 https_required names the cause and the fix, and the form says so (nl/en)', async () => {
    const prod = await makeApp({ ...PROD, TRUST_PROXY: 'false' });
    const res = await prod.http().post('/api/login').send({ email: 'p@example.nl', password: PASSWORD }).expect(403);
    expect(res.body.error.code).toBe('https_required');
    expect(res.body.error.message).toMatch(/HTTPS/);
    expect(res.body.error.message).toMatch(/TLS proxy/);
    expect(res.body.error.message).toMatch(/TRUST_PROXY/);
    expect(res.headers['set-cookie']).toBeUndefined();
    const page = await prod.http().get('/login').expect(200);
    expect(page.text).toContain('Inloggen kan alleen via HTTPS.');
    expect((await prod.http().get('/login?lang=en').expect(200)).text).toContain('You can only log in over HTTPS.');
    // The form (whose Secure token cookie the browser did not keep) says why instead of "form expired".
    const form = await prod.http().post('/login').type('form').send({ email: 'p@example.nl', password: PASSWORD }).expect(403);
    expect(form.text).toContain('TRUST_PROXY');
  });

  test('When behind a TLS proxy in production, then the login page shows no HTTPS warning', async () => {
    const prod = await makeApp({ ...PROD, TRUST_PROXY: 'true' });
    const page = await prod.http().get('/login').set('X-Forwarded-Proto', 'https').expect(200);
    expect(page.text).not.toContain('Inloggen kan alleen via HTTPS.');
    expect(cookieOf(page, '__Host-dv.login')).toMatch(/Secure/);
  });
});

describe('cookies in production', () => {
  test('When behind a TLS proxy in production, then the session cookie is __Host- prefixed and Secure', async () => {
    const prod = await makeApp({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), TRUST_PROXY: 'true' });
    await addUser(prod, 'p@example.nl');
    const res = await prod
      .http()
      .post('/api/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: 'p@example.nl', password: PASSWORD })
      .expect(200);
    const cookie = cookieOf(res, '__Host-dv.sid')!;
    expect(cookie).toMatch(/; Path=\/;/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
  });
});
