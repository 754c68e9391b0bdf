import request from 'supertest';
import { PASSWORD, addUser, answerAll, createAssessment, makeApp, type TestApp, postForm, csrfTokenIn } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'eva@example.nl', 'consultant', 'Eva');
  await addUser(t, 'fons@example.nl', 'consultant', 'Fons');
});

async function consultant(email = 'eva@example.nl') {
  const agent = request.agent(t.app);
  const token = csrfTokenIn((await agent.get('/login').expect(200)).text);
  const res = await agent.post('/login').type('form').send({ _csrf: token, email, password: PASSWORD }).expect(303);
  expect(res.headers.location).toBe('/reader');
  return agent;
}

describe('the drive reader page', () => {
  test('When a remark is read, then the page shows the drives with the matched words highlighted and the advice', async () => {
    const agent = await consultant();
    const res = await postForm(agent, '/reader', '/reader', {
      text: 'Wie is er verantwoordelijk als het misgaat? Ik wil eerst een <b>plan</b> met de procedures.',
      lang: 'auto',
      behaviours: ['asks-for-plan'],
    });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<mark class="drive--blue"[^>]*>verantwoordelijk<\/mark>/);
    expect(res.text).toContain('&lt;b&gt;');
    expect(res.text).toMatch(/<tr data-drive="blue"[ >]/);
    expect(res.text).toMatch(/data-advice="blue"/);
    expect(res.text).toContain('Als Structuur spreekt');
  });

  test('When nothing is given, then the form comes back with 400 and a message', async () => {
    const agent = await consultant();
    const res = await postForm(agent, '/reader', '/reader', { text: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Vul een tekst in of kies wat je zag.');
  });

  test('When the form is posted without its token, then 403', async () => {
    const agent = await consultant();
    await agent.post('/reader').type('form').send({ text: 'x' }).expect(403);
  });

  test('When not logged in, then the reader sends you to the login page', async () => {
    expect((await t.http().get('/reader').expect(303)).headers.location).toBe('/login?next=%2Freader');
  });
});

describe('my profiles pages', () => {
  test('When a consultant claims two links, then both are listed and can be compared per drive', async () => {
    const agent = await consultant('fons@example.nl');
    const tokens = [];
    for (const v of [2, 4]) {
      const token = await createAssessment(t);
      await answerAll(t, token, v);
      await t.http().post(`/api/assessments/${token}/complete`).expect(200);
      tokens.push(token);
      expect((await postForm(agent, '/me', '/me/claim', { link: `http://x/p/${token}` })).headers.location).toBe('/me?claimed=1');
    }
    const page = await agent.get('/me').expect(200);
    const ids = [...page.text.matchAll(/data-profile="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    const compare = await agent.get(`/me/compare?a=${ids[1]}&b=${ids[0]}`).expect(200);
    expect(compare.text.match(/<tr data-drive=/g)).toHaveLength(6);
    expect(compare.text).toContain('data-chart-kind="pair"');
    // Profiles of someone else cannot be compared.
    const other = await consultant();
    await other.get(`/me/compare?a=${ids[1]}&b=${ids[0]}`).expect(404);
  });

  test('When a consultant starts the questionnaire from their page, then the new assessment is linked to them', async () => {
    const agent = await consultant();
    const res = await postForm(agent, '/me', '/me/start', { consent: 'yes' });
    expect(res.headers.location).toMatch(/^\/a\/[A-Za-z0-9_-]{24}$/);
    const userId = await t.db.one("SELECT id FROM users WHERE email = 'eva@example.nl'");
    expect(await t.db.one('SELECT count(*) FROM assessments WHERE user_id = ?', userId)).toBeGreaterThan(0);
    expect((await postForm(agent, '/me', '/me/start', {})).status).toBe(400);
  });
});

describe('project pages', () => {
  test('A consultant creates a project and stakeholders with forms, sees the map, the plan in priority order, and exports CSV', async () => {
    const agent = await consultant();
    const created = await postForm(agent, '/projects', '/projects', {
      client: 'Gemeente Kampen',
      system: 'Zaaksysteem',
      phase: 'Selectie',
      notes: '',
    });
    expect(created.status).toBe(303);
    const page = created.headers.location!;
    const add = (fields: Record<string, string>) =>
      postForm(agent, page, `${page}/stakeholders`, { department: '', concerns: '', approach: '', lastContact: '', drive2: '', ...fields });
    expect((await add({ name: 'Wethouder', influence: '5', support: '1', drive1: 'orange' })).status).toBe(303);
    expect((await add({ name: 'Teamleider KCC', influence: '4', support: '-2', drive1: 'green', concerns: '=cmd|calc' })).status).toBe(303);
    expect((await add({ name: 'Medewerker', influence: '1', support: '0', drive1: '' })).status).toBe(303);
    const bad = await add({ name: '', influence: '9', support: '0', drive1: 'red', drive2: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Kies een invloed van 1 tot 5.');

    const map = await agent.get(page).expect(200);
    expect(map.text).toContain('<svg class="stakeholder-map"');
    expect(map.text.match(/<tr data-stakeholder=/g)).toHaveLength(3);

    const plan = await agent.get(`${page}/plan`).expect(200);
    const order = [...plan.text.matchAll(/<h2>([^<]+) <span/g)].map((m) => m[1]);
    expect(order).toEqual(['Teamleider KCC', 'Wethouder', 'Medewerker']);
    expect(plan.text).toContain('Voorstel voor een eerste stap.');

    const csv = await agent.get(`${page}/export.csv`).expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('priority,name,department,influence,support,likely_drives,concerns,agreed_approach,last_contact,suggested_start');
    expect(lines[1]).toMatch(/^1,Teamleider KCC,,4,-2,green,'=cmd\|calc,/);
  });

  test('When a remark of a stakeholder is analysed, then their likely drives are set from the reader', async () => {
    const agent = await consultant();
    const page = (await postForm(agent, '/projects', '/projects', { client: 'Gemeente Epe', system: 'HR', phase: '', notes: '' })).headers
      .location!;
    await postForm(agent, page, `${page}/stakeholders`, { name: 'Controller', influence: '4', support: '0', drive1: '', drive2: '' });
    const sid = /stakeholders\/([A-Za-z0-9_-]{16})"/.exec((await agent.get(page)).text)![1];
    const res = await postForm(agent, `${page}/stakeholders/${sid}`, `${page}/stakeholders/${sid}/analyse`, {
      remark: 'Wat levert het op? Ik wil de business case en de terugverdientijd zien, met cijfers.',
    });
    expect(res.status).toBe(200);
    const edit = await agent.get(`${page}/stakeholders/${sid}`).expect(200);
    expect(edit.text).toMatch(/<select id="s-drive1" name="drive1">[\s\S]*?<option value="orange" selected>/);
  });

  test('When the remark of a stakeholder gives only a weak hint, then their drives are left as they were', async () => {
    const agent = await consultant();
    const page = (await postForm(agent, '/projects', '/projects', { client: 'Gemeente Olst', system: 'HR', phase: '', notes: '' })).headers
      .location!;
    await postForm(agent, page, `${page}/stakeholders`, { name: 'Griffier', influence: '3', support: '0', drive1: 'blue', drive2: '' });
    const sid = /stakeholders\/([A-Za-z0-9_-]{16})"/.exec((await agent.get(page)).text)![1];
    const res = await postForm(agent, `${page}/stakeholders/${sid}`, `${page}/stakeholders/${sid}/analyse`, { remark: '?!' });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('data-analysis-saved');
    expect(await t.db.one('SELECT drives FROM stakeholders WHERE public_id = ?', sid)).toBe('["blue"]');
  });

  test('When another consultant opens a project page, then 404', async () => {
    const agent = await consultant();
    const page = (await postForm(agent, '/projects', '/projects', { client: 'Privé', system: 'x', phase: '', notes: '' })).headers
      .location!;
    const other = await consultant('fons@example.nl');
    await other.get(page).expect(404);
    await other.get(`${page}/plan`).expect(404);
    await other.get(`${page}/export.csv`).expect(404);
  });

  test('When a project is deleted with its button, then it is gone', async () => {
    const agent = await consultant();
    const page = (await postForm(agent, '/projects', '/projects', { client: 'Weg', system: 'x', phase: '', notes: '' })).headers.location!;
    expect((await postForm(agent, page, `${page}/delete`, {})).headers.location).toBe('/projects');
    await agent.get(page).expect(404);
  });
});
