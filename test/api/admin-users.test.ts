import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { PASSWORD, addUser, csrfTokenIn, loggedIn, loggedInByForm, makeApp, sessionCookieOf, type TestApp } from '../helpers/app';
import { openStream, waitFor } from '../helpers/sse';
import { linkPath, startSmtp, type Smtp } from '../helpers/smtp';

const SECRET = { SESSION_SECRET: 'a-test-secret-of-at-least-32-characters' };
let smtp: Smtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.close());

/** An app that can send mail, with one admin logged in through the form (so the pages' CSRF tokens work). */
async function withAdmin(env: Record<string, string> = smtp.env) {
  const t = await makeApp({ ...SECRET, ...env });
  const admin = await addUser(t, 'admin@example.nl', 'admin', 'Beheer');
  return { t, admin, agent: await loggedInByForm(t, 'admin@example.nl') };
}

/** Sets a password through the page behind the invitation or reset link. */
async function setPassword(t: TestApp, path: string, password: string) {
  const agent = request.agent(t.app);
  const page = await agent.get(path).expect(200);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text), password, password2: password });
}

describe('inviting a user', () => {
  test('When an admin invites someone on the page, then a mail in their language brings a one-time link; the password set there logs them in, and the list shows the login', async () => {
    const { t, agent } = await withAdmin();
    const form = await agent.get('/admin/users/invite').expect(200);
    const before = smtp.mails.length;
    const sent = await agent
      .post('/admin/users/invite')
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), name: 'Nina Nieuw', email: 'Nina@Example.nl', role: 'consultant', lang: 'en' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toMatch(/^\/admin\/users\?done=invited&user=\d+$/);
    const mail = await smtp.mailTo('nina@example.nl', before);
    expect(mail.to).toEqual(['nina@example.nl']);
    expect(mail.text).toContain('Your account for Drijfveer');
    expect(mail.text).toContain('Dear Nina Nieuw,');
    expect(mail.raw).toContain('text/html');
    const path = linkPath(mail, '/invite/');
    expect(path).toMatch(/^\/invite\/[A-Za-z0-9_-]{24}$/);
    // Only a hash of the token is stored.
    expect(await t.db.one('SELECT count(*) FROM user_tokens WHERE token_hash = ?', path.split('/')[2])).toBe(0);
    // Before the password is set, nothing logs in.
    await request(t.app).post('/api/login').send({ email: 'nina@example.nl', password: '' }).expect(401);
    await request(t.app).post('/api/login').send({ email: 'nina@example.nl', password: PASSWORD }).expect(401);

    const done = await setPassword(t, path, 'a-brand-new-password');
    expect(done.status).toBe(200);
    expect(done.text).toContain('wachtwoord is opgeslagen');
    const login = await request(t.app).post('/api/login').send({ email: 'nina@example.nl', password: 'a-brand-new-password' }).expect(200);
    expect(login.body.user).toEqual({ email: 'nina@example.nl', name: 'Nina Nieuw', role: 'consultant' });

    const list = (await agent.get('/api/admin/users').set('Content-Type', 'application/json').expect(200)).body;
    const nina = list.users.find((u: { email: string }) => u.email === 'nina@example.nl');
    expect(nina).toMatchObject({ role: 'consultant', status: 'active', invited: false });
    expect(Date.parse(nina.lastLoginAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    const page = await agent.get('/admin/users').expect(200);
    expect(page.text).toContain('Nina Nieuw');
    expect(page.text).toContain('nina@example.nl');
  });

  test('When an invitation link is used a second time, then it is refused with 410 and a clear page; an expired one with 400', async () => {
    const { t, agent } = await withAdmin();
    const before = smtp.mails.length;
    await agent.post('/api/admin/users').send({ name: 'Olaf', email: 'olaf@example.nl', role: 'trainer' }).expect(201);
    const path = linkPath(await smtp.mailTo('olaf@example.nl', before), '/invite/');
    expect((await setPassword(t, path, 'the-first-password!')).status).toBe(200);
    const again = await request(t.app).get(path).expect(410);
    expect(again.text).toContain('Deze link is al gebruikt');
    // A second submit with the old page's form is refused too, and the first password stays.
    await request(t.app).post('/api/login').send({ email: 'olaf@example.nl', password: 'the-first-password!' }).expect(200);

    await agent.post('/api/admin/users').send({ name: 'Pia', email: 'pia@example.nl', role: 'trainer', lang: 'nl' }).expect(201);
    const piaPath = linkPath(await smtp.mailTo('pia@example.nl', before), '/invite/');
    const page = await request.agent(t.app).get(piaPath).expect(200);
    expect(page.text).toContain('Welkom, Pia');
    await t.db.sql(
      "UPDATE user_tokens SET expires_at = ? WHERE kind = 'invite' AND used_at IS NULL",
      new Date(Date.now() - 1000).toISOString(),
    );
    const expired = await request(t.app).get(piaPath).expect(400);
    expect(expired.text).toContain('Deze link is verlopen');
    await request(t.app).get('/invite/AAAAAAAAAAAAAAAAAAAAAAAA').expect(400);
  });

  test('When the invitation form is filled in wrongly, then it comes back with the fields marked (400), and an address in use is a 409', async () => {
    const { agent } = await withAdmin();
    const form = await agent.get('/admin/users/invite').expect(200);
    const bad = await agent
      .post('/admin/users/invite')
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), name: ' ', email: 'not-an-address', role: 'trainer', lang: 'nl' })
      .expect(400);
    expect(bad.text).toContain('Vul een naam in.');
    expect(bad.text).toContain('value="not-an-address"');
    const taken = await agent
      .post('/admin/users/invite')
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), name: 'Beheer 2', email: 'admin@example.nl', role: 'trainer', lang: 'nl' })
      .expect(409);
    expect(taken.text).toContain('Er is al een gebruiker met dit e-mailadres.');
    const api = await agent.post('/api/admin/users').send({ name: 'X', email: 'x@example.nl', role: 'boss' }).expect(400);
    expect(api.body.error.code).toBe('validation_failed');
  });

  test('When e-mail is not set up, then inviting says so: the page shows why, the API answers 503 mail_not_configured, and no user is made', async () => {
    const { t, agent } = await withAdmin({});
    const page = await agent.get('/admin/users').expect(200);
    expect(page.text).toContain('E-mail is nog niet ingesteld');
    expect((await agent.get('/admin/users/invite').expect(200)).text).toContain('SMTP_URL');
    const res = await agent.post('/api/admin/users').send({ name: 'Q', email: 'q@example.nl', role: 'trainer' }).expect(503);
    expect(res.body.error.code).toBe('mail_not_configured');
    expect(await t.db.one('SELECT count(*) FROM users')).toBe(1);
    const forgot = await request(t.app).get('/password/forgot').expect(200);
    expect(forgot.text).toContain('E-mail is nog niet ingesteld');
  });
});

describe('changing users', () => {
  test('When an admin changes a role on the page or through the API, then it is stored; their own role, status or account they cannot change (409)', async () => {
    const { t, admin, agent } = await withAdmin();
    const anna = await addUser(t, 'anna@example.nl', 'trainer');
    const page = await agent.get('/admin/users').expect(200);
    await agent
      .post(`/admin/users/${anna.id}/role`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), role: 'consultant' })
      .expect(303);
    expect(await t.db.one('SELECT role FROM users WHERE id = ?', anna.id)).toBe('consultant');
    const res = await agent.patch(`/api/admin/users/${anna.id}`).send({ role: 'admin' }).expect(200);
    expect(res.body.user).toMatchObject({ id: anna.id, role: 'admin' });

    for (const change of [{ role: 'trainer' }, { status: 'deactivated' }]) {
      const self = await agent.patch(`/api/admin/users/${admin.id}`).send(change).expect(409);
      expect(self.body.error.code).toBe('conflict');
    }
    await agent.delete(`/api/admin/users/${admin.id}`).expect(409);
    await agent
      .post(`/admin/users/${admin.id}/status`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), status: 'deactivated' })
      .expect(409);
    expect(await t.db.one('SELECT role FROM users WHERE id = ?', admin.id)).toBe('admin');
    expect(await t.db.one('SELECT status FROM users WHERE id = ?', admin.id)).toBe('active');
    await agent.patch('/api/admin/users/999999').send({ role: 'admin' }).expect(404);
    await agent.patch('/api/admin/users/abc').send({ role: 'admin' }).expect(404);
    // A form without its CSRF token changes nothing.
    await agent.post(`/admin/users/${anna.id}/role`).type('form').send({ role: 'trainer' }).expect(403);
    expect(await t.db.one('SELECT role FROM users WHERE id = ?', anna.id)).toBe('admin');
  });

  test('When a user is deactivated, then their open login session is logged out at the next request and their open event stream ends at once; reactivated, they log in again', async () => {
    const { t, agent } = await withAdmin({ ...smtp.env, SSE_HEARTBEAT_MS: '60000' });
    const bob = await addUser(t, 'bob@example.nl', 'trainer');
    const cookie = sessionCookieOf(await t.http().post('/api/login').send({ email: 'bob@example.nl', password: PASSWORD }).expect(200));
    const created = await t.http().post('/api/sessions').set('Cookie', cookie).send({ title: 'Live', minGroupSize: 1 }).expect(201);
    const server = t.app.listen(0);
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const stream = await openStream(base, `/api/sessions/${created.body.id as string}/events`, cookie);
      expect(stream.status).toBe(200);
      await waitFor(() => stream.events.length >= 1);

      const page = await agent.get('/admin/users').expect(200);
      await agent
        .post(`/admin/users/${bob.id}/status`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), status: 'deactivated' })
        .expect(303);
      await stream.ended; // the heartbeat is a minute away: only the deactivation can have ended it
      await t.http().get('/api/sessions').set('Cookie', cookie).expect(401);
      await t.http().post('/api/login').send({ email: 'bob@example.nl', password: PASSWORD }).expect(401);
      expect((await agent.get('/admin/users').expect(200)).text).toContain('Uitgeschakeld');

      await agent.patch(`/api/admin/users/${bob.id}`).send({ status: 'active' }).expect(200);
      await t.http().post('/api/login').send({ email: 'bob@example.nl', password: PASSWORD }).expect(200);
    } finally {
      t.app.live.closeAll();
      server.close();
    }
  });

  test('When an admin removes a user, then a confirmation shows what goes with them, and after it the user, their sessions and their logins are gone', async () => {
    const { t, agent } = await withAdmin();
    const carl = await addUser(t, 'carl@example.nl', 'trainer', 'Carl');
    const carlAgent = await loggedIn(t, 'carl@example.nl');
    await carlAgent.post('/api/sessions').send({ title: 'Carls sessie' }).expect(201);
    const confirm = await agent.get(`/admin/users/${carl.id}/remove`).expect(200);
    expect(confirm.text).toContain('Carl verwijderen?');
    expect(confirm.text).toContain('sessies: 1, met hun deelnemers: 0');
    await agent
      .post(`/admin/users/${carl.id}/remove`)
      .type('form')
      .send({ _csrf: csrfTokenIn(confirm.text) })
      .expect(303);
    expect(await t.db.one('SELECT count(*) FROM users WHERE id = ?', carl.id)).toBe(0);
    expect(await t.db.one('SELECT count(*) FROM workshops')).toBe(0);
    await carlAgent.get('/api/sessions').expect(401);

    const dora = await addUser(t, 'dora@example.nl', 'consultant');
    await agent.delete(`/api/admin/users/${dora.id}`).expect(204);
    await agent.delete(`/api/admin/users/${dora.id}`).expect(404);
  });
});

describe('who may administer users', () => {
  test('When a trainer or a consultant asks for any admin page or API, then the answer is 404; without a login, the login', async () => {
    const { t, admin } = await withAdmin();
    for (const role of ['trainer', 'consultant'] as const) {
      await addUser(t, `${role}@example.nl`, role);
      const agent = await loggedInByForm(t, `${role}@example.nl`);
      for (const path of ['/admin/users', '/admin/users/invite', `/admin/users/${admin.id}/remove`]) await agent.get(path).expect(404);
      for (const path of [
        '/admin/users/invite',
        `/admin/users/${admin.id}/role`,
        `/admin/users/${admin.id}/status`,
        `/admin/users/${admin.id}/remove`,
      ])
        await agent.post(path).type('form').send({ role: 'admin', status: 'deactivated' }).expect(404);
      await agent.get('/api/admin/users').expect(404);
      await agent.post('/api/admin/users').send({ name: 'X', email: 'x@example.nl', role: 'admin' }).expect(404);
      await agent.patch(`/api/admin/users/${admin.id}`).send({ role: 'trainer' }).expect(404);
      await agent.delete(`/api/admin/users/${admin.id}`).expect(404);
      // No link to it either.
      expect((await agent.get('/reader').expect(200)).text).not.toContain('/admin/users');
    }
    expect(await t.db.one('SELECT role FROM users WHERE id = ?', admin.id)).toBe('admin');
    expect(await t.db.one('SELECT count(*) FROM users')).toBe(3);
    await request(t.app).get('/api/admin/users').expect(401);
    const page = await request(t.app).get('/admin/users').expect(303);
    expect(page.headers.location).toBe('/login?next=%2Fadmin%2Fusers');
  });
});

describe('user administration in the audit log', () => {
  const audit = (t: TestApp) =>
    t.db.sql<{ actor: string; action: string; target: string | null; detail: unknown }>(
      'SELECT actor, action, target, detail FROM audit_log ORDER BY id',
    );
  const detailOf = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d) as Record<string, unknown>;

  test('When an admin invites, changes a role, deactivates, reactivates and removes a user, and the invitation is used, then each is recorded by the admin, with no token', async () => {
    const { t } = await withAdmin();
    const api = await loggedIn(t, 'admin@example.nl');
    const before = smtp.mails.length;
    const { id } = (
      await api.post('/api/admin/users').send({ name: 'Rik', email: 'rik@example.nl', role: 'trainer', lang: 'nl' }).expect(201)
    ).body.user;
    const path = linkPath(await smtp.mailTo('rik@example.nl', before), '/invite/');
    expect((await setPassword(t, path, 'a-brand-new-password')).status).toBe(200);
    await api.patch(`/api/admin/users/${id}`).send({ role: 'consultant' }).expect(200);
    await api.patch(`/api/admin/users/${id}`).send({ status: 'deactivated' }).expect(200);
    await api.patch(`/api/admin/users/${id}`).send({ status: 'active' }).expect(200);
    await api.delete(`/api/admin/users/${id}`).expect(204);

    const rows = (await audit(t)).filter((r) => r.target === String(id));
    expect(rows.map((r) => [r.actor, r.action, detailOf(r.detail)])).toEqual([
      ['admin@example.nl', 'user.invite', { role: 'trainer' }],
      ['rik@example.nl', 'password.change', { via: 'invitation' }],
      ['admin@example.nl', 'user.role', { from: 'trainer', to: 'consultant' }],
      ['admin@example.nl', 'user.deactivate', {}],
      ['admin@example.nl', 'user.activate', {}],
      ['admin@example.nl', 'user.remove', expect.any(Object)],
    ]);
    expect(JSON.stringify(await audit(t))).not.toContain(path.split('/')[2]!);
  });

  test('When a known user asks for a reset link and uses it, then both are recorded; an unknown address leaves no record', async () => {
    const { t } = await withAdmin();
    const eva = await addUser(t, 'eva@example.nl', 'trainer', 'Eva');
    const before = smtp.mails.length;
    const agent = request.agent(t.app);
    const ask = async (email: string) => {
      const page = await agent.get('/password/forgot').expect(200);
      await agent
        .post('/password/forgot')
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), email })
        .expect(200);
    };
    await ask('nobody@example.nl');
    await ask('eva@example.nl');
    const path = linkPath(await smtp.mailTo('eva@example.nl', before), '/password/reset/');
    expect((await setPassword(t, path, 'another-new-password')).status).toBe(200);
    const rows = (await audit(t)).filter((r) => r.action === 'password.reset');
    expect(rows.map((r) => [r.actor, r.target, detailOf(r.detail)])).toEqual([
      ['eva@example.nl', String(eva.id), { step: 'requested' }],
      ['eva@example.nl', String(eva.id), { via: 'reset_link' }],
    ]);
    expect(JSON.stringify(await audit(t))).not.toContain('nobody@example.nl');
  });
});
