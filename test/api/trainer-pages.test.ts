import request from 'supertest';
import { PASSWORD, addUser, makeApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'tina@example.nl', 'trainer', 'Tina');
  await addUser(t, 'con@example.nl', 'consultant');
});

const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

async function trainerAgent(email = 'tina@example.nl') {
  const agent = request.agent(t.app);
  const token = tokenIn((await agent.get('/login').expect(200)).text);
  await agent.post('/login').type('form').send({ _csrf: token, email, password: PASSWORD }).expect(303);
  return agent;
}

async function createViaForm(agent: request.Agent, fields: Record<string, string>) {
  const token = tokenIn((await agent.get('/trainer').expect(200)).text);
  return agent
    .post('/trainer/sessions')
    .type('form')
    .send({ _csrf: token, ...fields });
}

describe('trainer pages', () => {
  test('When a trainer ticks points on the create form, then the session has points; left unticked (the default), it has none', async () => {
    const agent = await trainerAgent();
    const on = await createViaForm(agent, { title: 'Met punten', lang: 'nl', minGroupSize: '3', points: 'yes' });
    const off = await createViaForm(agent, { title: 'Zonder punten', lang: 'nl', minGroupSize: '3' });
    expect([on.status, off.status]).toEqual([303, 303]);
    const idOf = (res: request.Response) => /\/trainer\/sessions\/([A-Za-z0-9_-]{16})/.exec(res.headers.location!)![1]!;
    expect((await t.store.workshops.findByPublicId(idOf(on)))!.points).toBe(true);
    expect((await t.store.workshops.findByPublicId(idOf(off)))!.points).toBe(false);
    const bad = await createViaForm(agent, { title: 'x', lang: 'nl', minGroupSize: '3', points: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('name="points"');
  });

  test('When a trainer creates a session with the form, then the dashboard shows the code in large type, the join URL and the QR code', async () => {
    const agent = await trainerAgent();
    const res = await createViaForm(agent, { title: 'Dag 1 <b>', lang: 'nl', minGroupSize: '3' });
    expect(res.status).toBe(303);
    const page = await agent.get(res.headers.location!).expect(200);
    const code = /<p class="join-code"[^>]*>([A-Z0-9]{6})<\/p>/.exec(page.text)![1];
    expect(page.text).toContain('Dag 1 &lt;b&gt;');
    expect(page.text).toMatch(new RegExp(`<strong class="join-url">http://[^/<]+:\\d+/join/${code}</strong>`));
    expect(page.text).toContain(`<img class="qr" src="/join/${code}/qr.svg"`);
    expect(page.text).toMatch(/data-summary="\{&#34;id&#34;/);
    expect((await agent.get('/trainer').expect(200)).text).toContain(`<td class="code">${code}</td>`);
  });

  test('When the create form has errors, then it comes back with 400 and messages, values kept', async () => {
    const agent = await trainerAgent();
    const res = await createViaForm(agent, { title: '', lang: 'fr', minGroupSize: '0' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Geef een titel van hoogstens 120 tekens.');
    expect(res.text).toContain('Kies een getal van 1 tot 500.');
    expect(res.text).toContain('value="0"');
  });

  test('When a form is posted without the CSRF token, then 403 and nothing is created', async () => {
    const agent = await trainerAgent();
    const before = await t.db.one('SELECT count(*) FROM workshops');
    await agent.post('/trainer/sessions').type('form').send({ title: 'x', lang: 'nl', minGroupSize: '3' }).expect(403);
    expect(await t.db.one('SELECT count(*) FROM workshops')).toBe(before);
  });

  test('When the trainer closes, reopens, reveals too early and deletes via the buttons, then each takes effect', async () => {
    const agent = await trainerAgent();
    const dash = (await createViaForm(agent, { title: 'Buttons', lang: 'en', minGroupSize: '2' })).headers.location!;
    const token = tokenIn((await agent.get(dash).expect(200)).text);
    await agent.post(`${dash}/close`).type('form').send({ _csrf: token }).expect(303);
    expect((await agent.get(dash).expect(200)).text).toContain('Deze sessie is gesloten');
    await agent.post(`${dash}/reopen`).type('form').send({ _csrf: token }).expect(303);
    const early = await agent.post(`${dash}/reveal`).type('form').send({ _csrf: token }).expect(303);
    expect(early.headers.location).toBe(`${dash}?error=reveal`);
    expect((await agent.get(early.headers.location!).expect(200)).text).toContain('Nog te weinig mensen klaar');
    expect((await agent.post(`${dash}/delete`).type('form').send({ _csrf: token }).expect(303)).headers.location).toBe('/trainer');
    await agent.get(dash).expect(404);
  });

  test('When another trainer opens a dashboard URL, then 404', async () => {
    await addUser(t, 'other@example.nl');
    const agent = await trainerAgent();
    const dash = (await createViaForm(agent, { title: 'Mine', lang: 'nl', minGroupSize: '3' })).headers.location!;
    const other = await trainerAgent('other@example.nl');
    await other.get(dash).expect(404);
  });

  test('When a consultant opens the trainer pages, then 403', async () => {
    const agent = await trainerAgent('con@example.nl');
    const res = await agent.get('/trainer').expect(403);
    expect(res.text).toContain('Niet toegestaan');
  });
});

describe('join pages', () => {
  async function sessionCode(anonymous = false) {
    const agent = await trainerAgent();
    const dash = (
      await createViaForm(agent, { title: 'Join me', lang: 'nl', minGroupSize: '3', ...(anonymous ? { anonymous: 'yes' } : {}) })
    ).headers.location!;
    return { agent, dash, code: /<p class="join-code"[^>]*>([A-Z0-9]{6})<\/p>/.exec((await agent.get(dash)).text)![1]! };
  }

  test('When a participant types a code (any case, with spaces), then they go to that session', async () => {
    const { code } = await sessionCode();
    const res = await t
      .http()
      .post('/join')
      .type('form')
      .send({ code: ` ${code.slice(0, 3).toLowerCase()} ${code.slice(3)} ` })
      .expect(303);
    expect(res.headers.location).toBe(`/join/${code}`);
    const bad = await t.http().post('/join').type('form').send({ code: 'abc' }).expect(400);
    expect(bad.text).toContain('Een code heeft 6 tekens');
  });

  test('When a named session is opened, then the page says what the trainer will see and asks for name and consent', async () => {
    const { code } = await sessionCode();
    const page = await t.http().get(`/join/${code}`).expect(200);
    expect(page.text).toContain('De trainer ziet je naam en hoe ver je bent');
    expect(page.text).toContain('name="consent"');
    const anon = await sessionCode(true);
    expect((await t.http().get(`/join/${anon.code}`).expect(200)).text).toContain('Gebruik een schuilnaam');
  });

  test('When joining without consent or without a name in a named session, then the form comes back with 400', async () => {
    const { code } = await sessionCode();
    expect((await t.http().post(`/join/${code}`).type('form').send({ name: 'Lars' }).expect(400)).text).toContain('Zet een vinkje');
    expect((await t.http().post(`/join/${code}`).type('form').send({ consent: 'yes' }).expect(400)).text).toContain('Vul je naam in');
  });

  test('When a participant joins, then they go to their questionnaire, and coming back to the join link resumes it', async () => {
    const { code } = await sessionCode();
    const phone = request.agent(t.app);
    await phone.get(`/join/${code}`).expect(200);
    const res = await phone.post(`/join/${code}`).type('form').send({ name: 'Mila', consent: 'yes' }).expect(303);
    expect(res.headers.location).toMatch(/^\/a\/[A-Za-z0-9_-]{24}$/);
    const again = await phone.get(`/join/${code}`).expect(303);
    expect(again.headers.location).toBe(res.headers.location);
    expect(await t.db.one("SELECT count(*) FROM assessments WHERE name = 'Mila'")).toBe(1);
  });

  test('When the session is closed or unknown, then the join page says so', async () => {
    const { agent, dash, code } = await sessionCode();
    const token = tokenIn((await agent.get(dash)).text);
    await agent.post(`${dash}/close`).type('form').send({ _csrf: token }).expect(303);
    expect((await t.http().get(`/join/${code}`).expect(409)).text).toContain('Dit kan nu niet');
    await t.http().get('/join/ZZZZZZ').expect(404);
    await t.http().get('/join/not-a-code').expect(404);
  });

  test('When the QR code is requested, then it is an SVG made on our server', async () => {
    const { code } = await sessionCode();
    const res = await t
      .http()
      .get(`/join/${code}/qr.svg`)
      .buffer(true)
      .parse((r, cb) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => cb(null, body));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body as string).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
