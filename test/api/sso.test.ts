import request from 'supertest';
import { addUser, makeApp, PASSWORD, postForm, type TestApp } from '../helpers/app';
import { BACKEND } from '../helpers/backend';
import { OVERAGE_CLAIMS, loginAtProvider, ssoEnv, startProvider, type TestProvider } from '../helpers/oidc';

/*
 * Single sign-on through the whole flow against a local OpenID provider (oidc-provider in a child process): the app
 * sends the browser there, the test logs in on the provider's pages with plain HTTP and brings the callback back.
 */
const PUBLIC_URL = 'http://127.0.0.1:3999';
const REDIRECT = `${PUBLIC_URL}/login/sso/callback`;
const CONSULTANTS = ['drijfveer-consultants'];
let provider: TestProvider;

beforeAll(async () => {
  provider = await startProvider(PUBLIC_URL, {
    'sub-consultant': { email: 'carla@example.nl', email_verified: true, name: 'Carla Consultant', groups: CONSULTANTS },
    'sub-admin': { email: 'anton@example.nl', email_verified: true, name: 'Anton', groups: ['drijfveer-admins', ...CONSULTANTS] },
    'sub-outsider': { email: 'olga@elsewhere.com', email_verified: true, name: 'Olga', groups: CONSULTANTS },
    'sub-lookalike': { email: 'lena@example.nl.elsewhere.com', email_verified: true, name: 'Lena', groups: CONSULTANTS },
    'sub-nogroup': { email: 'nina@example.nl', email_verified: true, name: 'Nina', groups: ['other-team'] },
    'sub-unverified': { email: 'ursula@example.nl', email_verified: false, name: 'Ursula', groups: CONSULTANTS },
    'sub-invited': { email: 'ingrid@example.nl', email_verified: true, name: 'Ingrid', groups: CONSULTANTS },
    'sub-impostor': { email: 'ingrid@example.nl', email_verified: true, name: 'Not Ingrid', groups: CONSULTANTS },
    'sub-overage': { email: 'otto@example.nl', email_verified: true, name: 'Otto', ...OVERAGE_CLAIMS },
  });
});
afterAll(() => provider.stop());

const app = (extra: Record<string, string> = {}) => makeApp(ssoEnv(provider.issuer, PUBLIC_URL, extra));
const pathOf = (url: URL) => url.pathname + url.search;

/** Starts at /login/sso, logs in at the provider as `sub`; returns the callback URL (not yet visited). */
async function throughProvider(agent: request.Agent, sub: string, next?: string) {
  const start = await agent.get(`/login/sso${next ? `?next=${encodeURIComponent(next)}` : ''}`).expect(303);
  expect(start.headers.location).toMatch(new RegExp(`^${provider.issuer}/`));
  return { callback: await loginAtProvider(start.headers.location!, sub, REDIRECT), authorization: new URL(start.headers.location!) };
}
async function ssoLogin(t: TestApp, sub: string, next?: string) {
  const agent = request.agent(t.app);
  const { callback } = await throughProvider(agent, sub, next);
  return { agent, res: await agent.get(pathOf(callback)) };
}
const userRow = (t: TestApp, email: string) =>
  t.db.sql<{ id: number; role: string; password_hash: string; oidc_issuer: string; oidc_subject: string }>(
    `SELECT id, role, password_hash, oidc_issuer, oidc_subject FROM users WHERE email = ${BACKEND === 'postgres' ? '$1' : '?'}`,
    email,
  );

describe('Logging in through the organisation account', () => {
  test('When a consultant logs in for the first time (just in time), then an account without password is made, linked by issuer and sub, and they land at the reader', async () => {
    const t = await app();
    const { agent, res } = await ssoLogin(t, 'sub-consultant');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/reader');
    await agent.get('/reader').expect(200);
    const [row] = await userRow(t, 'carla@example.nl');
    expect(row).toMatchObject({ role: 'consultant', password_hash: '', oidc_issuer: provider.issuer, oidc_subject: 'sub-consultant' });
    // An empty password (or any) never opens an account without one.
    await t.http().post('/api/login').send({ email: 'carla@example.nl', password: '' }).expect(401);
    await t
      .http()
      .post('/api/login')
      .send({ email: 'carla@example.nl', password: 'x'.repeat(12) })
      .expect(401);
  });

  test('When the same person logs in again, then it is the same account, and "next" brings them back to the page they wanted', async () => {
    const t = await app();
    await ssoLogin(t, 'sub-consultant');
    const [first] = await userRow(t, 'carla@example.nl');
    const { res } = await ssoLogin(t, 'sub-consultant', '/projects');
    expect(res.headers.location).toBe('/projects');
    expect(await userRow(t, 'carla@example.nl')).toEqual([first]);
    // Never a redirect to another site.
    expect((await ssoLogin(t, 'sub-consultant', '//evil.example/x')).res.headers.location).toBe('/reader');
  });

  test('When the groups claim holds the admins and the consultants group, then the user gets the strongest role: admin', async () => {
    const t = await app();
    const { agent, res } = await ssoLogin(t, 'sub-admin');
    expect(res.headers.location).toBe('/trainer');
    await agent.get('/trainer').expect(200);
    expect((await userRow(t, 'anton@example.nl'))[0]!.role).toBe('admin');
  });

  test('When the role was changed in Drijfveer, then the next login sets it back from the groups claim', async () => {
    const t = await app();
    await ssoLogin(t, 'sub-consultant');
    await t.db.sql(`UPDATE users SET role = 'admin' WHERE email = 'carla@example.nl'`);
    await ssoLogin(t, 'sub-consultant');
    expect((await userRow(t, 'carla@example.nl'))[0]!.role).toBe('consultant');
  });
});

describe('Who is refused', () => {
  test.each([
    ['sub-outsider', 'olga@elsewhere.com', 'Dit account mag hier niet inloggen'],
    ['sub-lookalike', 'lena@example.nl.elsewhere.com', 'Dit account mag hier niet inloggen'],
    ['sub-nogroup', 'nina@example.nl', 'Je hebt nog geen toegang'],
    ['sub-unverified', 'ursula@example.nl', 'E-mailadres niet bevestigd'],
    ['sub-overage', 'otto@example.nl', 'Je organisatie stuurde je groepen niet mee'],
  ])('When %s (%s) logs in, then a clear refusal page (403) says why, and no account or login is made', async (sub, email, title) => {
    const t = await app();
    const { agent, res } = await ssoLogin(t, sub);
    expect(res.status).toBe(403);
    expect(res.text).toContain(title);
    expect(res.text).toContain(email);
    expect(await userRow(t, email)).toEqual([]);
    expect((await agent.get('/reader').expect(303)).headers.location).toMatch(/^\/login/);
  });

  test('When the provider leaves the groups out (too many) and OIDC_DEFAULT_ROLE is set, then the login is still refused, not given the default role', async () => {
    const t = await app({ OIDC_DEFAULT_ROLE: 'trainer' });
    const { res } = await ssoLogin(t, 'sub-overage');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Je organisatie stuurde je groepen niet mee');
    expect(await userRow(t, 'otto@example.nl')).toEqual([]);
  });

  test('When no group is mapped but OIDC_DEFAULT_ROLE is set, then the user gets the default role', async () => {
    const t = await app({ OIDC_DEFAULT_ROLE: 'trainer' });
    const { res } = await ssoLogin(t, 'sub-nogroup');
    expect(res.headers.location).toBe('/trainer');
    expect((await userRow(t, 'nina@example.nl'))[0]!.role).toBe('trainer');
  });

  test('When provisioning is invite-only, then an unknown user is refused and an invited one is matched by e-mail, linked, and later by sub', async () => {
    const t = await app({ OIDC_PROVISIONING: 'invite-only' });
    const refused = await ssoLogin(t, 'sub-consultant');
    expect(refused.res.status).toBe(403);
    expect(refused.res.text).toContain('Je hebt nog geen account');
    expect(await userRow(t, 'carla@example.nl')).toEqual([]);

    const invited = await addUser(t, 'ingrid@example.nl', 'trainer');
    const { agent, res } = await ssoLogin(t, 'sub-invited');
    expect(res.headers.location).toBe('/reader'); // the role came from the groups claim: consultant
    await agent.get('/reader').expect(200);
    expect((await userRow(t, 'ingrid@example.nl'))[0]).toMatchObject({ id: invited.id, role: 'consultant', oidc_subject: 'sub-invited' });
    // Her password keeps working.
    await t.http().post('/api/login').send({ email: 'ingrid@example.nl', password: PASSWORD }).expect(200);

    // Another provider account with the same address does not take the account over.
    const impostor = await ssoLogin(t, 'sub-impostor');
    expect(impostor.res.status).toBe(403);
    expect(impostor.res.text).toContain('Dit e-mailadres hoort bij een ander account');
  });
});

describe('Forged and replayed callbacks', () => {
  test('When a callback is used a second time, then it is refused with 400 and a clear page', async () => {
    const t = await app();
    const agent = request.agent(t.app);
    const { callback } = await throughProvider(agent, 'sub-consultant');
    await agent.get(pathOf(callback)).expect(303);
    const again = await agent.get(pathOf(callback)).expect(400);
    expect(again.text).toContain('Inloggen is niet gelukt');
    // Nor in another browser, which never started this login.
    await request(t.app).get(pathOf(callback)).expect(400);
  });

  test('When a used code comes back with the state of a new login, then the provider refuses it and so do we (400), without a login', async () => {
    const t = await app();
    const first = request.agent(t.app);
    const { callback: used } = await throughProvider(first, 'sub-consultant');
    await first.get(pathOf(used)).expect(303);
    const second = request.agent(t.app);
    const start = await second.get('/login/sso').expect(303);
    const state = new URL(start.headers.location!).searchParams.get('state')!;
    const replay = new URL(used);
    replay.searchParams.set('state', state);
    await second.get(pathOf(replay)).expect(400);
    expect((await second.get('/reader').expect(303)).headers.location).toMatch(/^\/login/);
  });

  test('When the state does not match the login that was started, then 400, and that started login cannot be finished afterwards either', async () => {
    const t = await app();
    const agent = request.agent(t.app);
    const { callback } = await throughProvider(agent, 'sub-consultant');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state-value');
    await agent.get(pathOf(forged)).expect(400);
    await agent.get(pathOf(callback)).expect(400);
    // The started login is gone from the database, not only marked.
    expect(Number(await t.db.one('SELECT count(*) FROM login_sessions'))).toBe(0);
  });

  test('When the login at the provider took more than 10 minutes, then the started login has expired: 400', async () => {
    const t = await app();
    const agent = request.agent(t.app);
    const { callback } = await throughProvider(agent, 'sub-consultant');
    const [stored] = await t.db.sql<{ data: unknown }>('SELECT data FROM login_sessions');
    const data = (typeof stored!.data === 'string' ? JSON.parse(stored!.data) : stored!.data) as { ssoPending: { startedAt: number } };
    data.ssoPending.startedAt -= 10 * 60 * 1000 + 1;
    await t.db.sql(`UPDATE login_sessions SET data = ${BACKEND === 'postgres' ? '$1' : '?'}`, JSON.stringify(data));
    await agent.get(pathOf(callback)).expect(400);
    expect(await userRow(t, 'carla@example.nl')).toEqual([]);
  });

  test('When the ID token carries another nonce than the login session expects, then 400 and no login', async () => {
    const t = await app();
    const agent = request.agent(t.app);
    const { callback, authorization } = await throughProvider(agent, 'sub-consultant');
    const nonce = authorization.searchParams.get('nonce')!;
    const swap =
      BACKEND === 'postgres'
        ? 'UPDATE login_sessions SET data = replace(data::text, $1, $2)::jsonb'
        : 'UPDATE login_sessions SET data = replace(data, ?, ?)';
    await t.db.sql(swap, nonce, 'another-nonce-value');
    const [stored] = await t.db.sql<{ data: unknown }>('SELECT data FROM login_sessions');
    expect(JSON.stringify(stored!.data)).toContain('another-nonce-value');
    await agent.get(pathOf(callback)).expect(400);
    expect(await userRow(t, 'carla@example.nl')).toEqual([]);
  });

  test('When the provider cannot be reached, then the login says so (503) instead of failing', async () => {
    const t = await makeApp(ssoEnv('http://127.0.0.1:9', PUBLIC_URL));
    const res = await t.http().get('/login/sso').expect(503);
    expect(res.text).toContain('Inloggen lukt nu niet');
  });
});

describe('Login page, logout and the password login', () => {
  test('When single sign-on is configured, then the login page has the organisation button next to the password form', async () => {
    const t = await app();
    const page = await t.http().get('/login?next=/projects').expect(200);
    expect(page.text).toContain('Log in met je organisatie-account');
    expect(page.text).toContain('href="/login/sso?next=%2Fprojects"');
    expect(page.text).toContain('name="password"');
  });

  test('When an organisation login logs out, then the login session ends and the page offers to log out at the provider too', async () => {
    const t = await app();
    const { agent } = await ssoLogin(t, 'sub-consultant');
    const out = await postForm(agent, '/reader', '/logout', {});
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login?out=sso');
    expect((await agent.get('/reader').expect(303)).headers.location).toMatch(/^\/login/);
    const page = await agent.get('/login?out=sso').expect(200);
    const link = /href="([^"]+)">Ook uitloggen bij je organisatie-account/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    const endSession = new URL(link!);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('client_id')).toBe('drijfveer-test');
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/login`);
    // The provider knows this client and address: it asks to confirm the logout.
    expect((await fetch(endSession)).status).toBe(200);
  });

  test('When a password login logs out, then no provider logout is offered', async () => {
    const t = await app();
    await addUser(t, 'pim@example.nl', 'consultant');
    const agent = request.agent(t.app);
    await agent.post('/api/login').send({ email: 'pim@example.nl', password: PASSWORD }).expect(200);
    expect((await postForm(agent, '/reader', '/logout', {})).headers.location).toBe('/login');
  });

  test('When PASSWORD_LOGIN=off, then the form is gone, POST /login and /api/login say so (403), and single sign-on still works', async () => {
    const t = await app({ PASSWORD_LOGIN: 'off' });
    await addUser(t, 'pim@example.nl', 'consultant');
    const page = await t.http().get('/login').expect(200);
    expect(page.text).not.toContain('name="password"');
    expect(page.text).toContain('Log in met je organisatie-account');
    const form = await t.http().post('/login').type('form').send({ email: 'pim@example.nl', password: PASSWORD }).expect(403);
    expect(form.text).toContain('Inloggen met een wachtwoord staat hier uit');
    const api = await t.http().post('/api/login').send({ email: 'pim@example.nl', password: PASSWORD }).expect(403);
    expect(api.body.error.code).toBe('forbidden');
    expect(api.body.error.message).toContain('/login/sso');
    expect((await ssoLogin(t, 'sub-consultant')).res.status).toBe(303);
  });

  test('When single sign-on is not configured, then there is no button and /login/sso is not found', async () => {
    const t = await makeApp();
    expect((await t.http().get('/login').expect(200)).text).not.toContain('/login/sso');
    await t.http().get('/login/sso').expect(404);
  });
});

describe('single sign-on in the audit log, and deactivated accounts', () => {
  const audit = (t: TestApp) =>
    t.db.sql<{ actor: string; action: string; target: string | null; detail: unknown }>(
      'SELECT actor, action, target, detail FROM audit_log ORDER BY id',
    );
  const detailOf = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as Record<string, unknown>;

  test('When a first SSO login makes an account, then the log has the new user and the login, with the method and no token', async () => {
    const t = await app({ OIDC_PROVISIONING: 'just-in-time' });
    await ssoLogin(t, 'sub-consultant');
    const [row] = await userRow(t, 'carla@example.nl');
    const rows = await audit(t);
    expect(rows.map((r) => [r.actor, r.action, r.target, detailOf(r.detail)])).toEqual([
      ['system', 'user.add', String(row!.id), { via: 'sso', role: 'consultant' }],
      ['carla@example.nl', 'login.success', String(row!.id), { method: 'sso' }],
    ]);
    const lastLogin = await t.db.one<string | null>(`SELECT last_login_at FROM users WHERE id = ${row!.id}`);
    expect(lastLogin).not.toBeNull();
    expect(JSON.stringify(rows)).not.toMatch(/code=|state=|sub-consultant/);
  });

  test('When someone outside the allowed domains is refused, then the log says so without their address', async () => {
    const t = await app({ OIDC_PROVISIONING: 'just-in-time' });
    await ssoLogin(t, 'sub-outsider');
    const rows = await audit(t);
    expect(rows.map((r) => [r.actor, r.action, detailOf(r.detail)])).toEqual([
      ['anonymous', 'login.failure', { method: 'sso', reason: 'domain' }],
    ]);
    expect(JSON.stringify(rows)).not.toContain('olga');
  });

  test('When an admin has deactivated an account, then its SSO login is refused with a clear page, its role stays, and the refusal is logged', async () => {
    const t = await app({ OIDC_PROVISIONING: 'just-in-time' });
    await ssoLogin(t, 'sub-consultant');
    const [row] = await userRow(t, 'carla@example.nl');
    await t.db.sql(`UPDATE users SET status = 'deactivated', role = 'trainer' WHERE id = ${row!.id}`);
    const { agent, res } = await ssoLogin(t, 'sub-consultant');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Je account is uitgezet');
    await agent.get('/api/me').expect(401);
    expect((await userRow(t, 'carla@example.nl'))[0]!.role).toBe('trainer');
    const last = (await audit(t)).at(-1)!;
    expect([last.actor, last.action, detailOf(last.detail)]).toEqual([
      'carla@example.nl',
      'login.failure',
      { method: 'sso', reason: 'deactivated' },
    ]);
  });

  test('When a callback is forged, then the log has an anonymous failed login', async () => {
    const t = await app();
    const agent = request.agent(t.app);
    await agent.get('/login/sso').expect(303);
    await agent.get('/login/sso/callback?code=forged&state=forged').expect(400);
    const rows = await audit(t);
    expect(rows.map((r) => [r.actor, r.action, detailOf(r.detail)])).toEqual([
      ['anonymous', 'login.failure', { method: 'sso', reason: 'callback' }],
    ]);
  });
});
