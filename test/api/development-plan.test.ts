import { addUser, csrfTokenIn, loggedIn, loggedInByForm, makeApp, postForm, type TestApp } from '../helpers/app';

// The development plan: concerns become actions (adapt the software, or train and support people).
let t: TestApp;
let carla: Awaited<ReturnType<typeof loggedIn>>;
let dirk: Awaited<ReturnType<typeof loggedIn>>;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'carla@example.nl', 'consultant', 'Carla');
  await addUser(t, 'dirk@example.nl', 'consultant', 'Dirk');
  carla = await loggedIn(t, 'carla@example.nl');
  dirk = await loggedIn(t, 'dirk@example.nl');
});
const count = (sql: string, ...params: unknown[]) => t.db.one<number>(sql, ...params).then(Number);
const BLUE = 'Ik wil eerst precies weten welke procedures en regels er gelden, alles moet goed vastgelegd worden.';

/** A project of Carla's with a stakeholder whose logged remark was read. */
async function projectWithConcern() {
  const p = (await carla.post('/api/projects').send({ client: 'Waterschap Rijn', system: 'Zaaksysteem' }).expect(201)).body;
  const api = `/api/projects/${p.id}`;
  const s = (await carla.post(`${api}/stakeholders`).send({ name: 'Hoofd Archief', influence: 4, support: -1 }).expect(201)).body;
  const c = (await carla.post(`${api}/stakeholders/${s.id}/contacts`).send({ date: '2026-11-20', remark: BLUE }).expect(201)).body;
  return { p, s, c, api, page: `/projects/${p.id}/development` };
}

describe('the plan API', () => {
  test('When an action is added, changed and deleted, then the plan shows each state', async () => {
    const { api } = await projectWithConcern();
    const added = await carla
      .post(`${api}/plan`)
      .send({ title: 'Werkinstructie archiveren', kind: 'train', owner: 'Fatima', due: '2027-01-15', drive: 'blue' })
      .expect(201);
    expect(added.body).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      kind: 'train',
      title: 'Werkinstructie archiveren',
      owner: 'Fatima',
      due: '2027-01-15',
      status: 'open',
      drive: 'blue',
      sourceKind: 'own',
      sourceRef: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const changed = await carla.patch(`${api}/plan/${added.body.id}`).send({ status: 'doing', due: null, kind: 'adapt' }).expect(200);
    expect(changed.body).toMatchObject({ status: 'doing', due: null, kind: 'adapt', title: 'Werkinstructie archiveren' });
    expect((await carla.get(`${api}/plan`).expect(200)).body).toEqual([changed.body]);
    await carla.delete(`${api}/plan/${added.body.id}`).expect(204);
    expect((await carla.get(`${api}/plan`).expect(200)).body).toEqual([]);
    await carla.delete(`${api}/plan/${added.body.id}`).expect(404);
  });

  test('When an action is made from a contact, then it carries the drive of the contact’s reading and leaves the concerns', async () => {
    const { c, api, page } = await projectWithConcern();
    const agent = await loggedInByForm(t, 'carla@example.nl');
    expect((await agent.get(page).expect(200)).text).toContain(`data-contact="${c.id}"`);
    const added = await carla
      .post(`${api}/plan`)
      .send({ title: 'Procedure', kind: 'train', sourceKind: 'contact', sourceRef: c.id })
      .expect(201);
    expect(c.reading.drives[0].drive).toBe('blue');
    expect(added.body).toMatchObject({ sourceKind: 'contact', sourceRef: c.id, drive: 'blue' });
    expect((await agent.get(page).expect(200)).text).not.toContain(`data-contact="${c.id}"`);
    // A drive the consultant gives is kept.
    const own = await carla
      .post(`${api}/plan`)
      .send({ title: 'X', kind: 'adapt', sourceKind: 'contact', sourceRef: c.id, drive: 'red' })
      .expect(201);
    expect(own.body.drive).toBe('red');
  });

  test.each([
    ['no title', { kind: 'train' }],
    ['an empty title', { title: '   ', kind: 'train' }],
    ['a title over 200 characters', { title: 'x'.repeat(201), kind: 'train' }],
    ['an unknown kind', { title: 'x', kind: 'coach' }],
    ['an unknown status', { title: 'x', kind: 'train', status: 'later' }],
    ['a date that does not exist', { title: 'x', kind: 'train', due: '2027-02-30' }],
    ['a day-first date', { title: 'x', kind: 'train', due: '15-01-2027' }],
    ['an unknown drive', { title: 'x', kind: 'train', drive: 'pink' }],
    ['an unknown source', { title: 'x', kind: 'train', sourceKind: 'email' }],
    ['an own action with a reference', { title: 'x', kind: 'train', sourceKind: 'own', sourceRef: 'abc' }],
    ['a contact source without a reference', { title: 'x', kind: 'train', sourceKind: 'contact' }],
    ['a contact of no project', { title: 'x', kind: 'train', sourceKind: 'contact', sourceRef: 'A'.repeat(16) }],
    ['a survey source without a department', { title: 'x', kind: 'train', sourceKind: 'survey', sourceRef: 'abc' }],
    ['an unknown field', { title: 'x', kind: 'train', priority: 1 }],
  ])('When a new action has %s, then 400 with the field and nothing is stored', async (_case, body) => {
    const { p, api } = await projectWithConcern();
    const res = await carla.post(`${api}/plan`).send(body).expect(400);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      message: expect.any(String),
      details: { fields: expect.any(Array) },
    });
    expect(await count('SELECT count(*) FROM plan_actions a JOIN projects p ON p.id = a.project_id WHERE p.public_id = ?', p.id)).toBe(0);
  });

  test('When an action comes from a survey department, then its reference is kept as given', async () => {
    const { api } = await projectWithConcern();
    const res = await carla
      .post(`${api}/plan`)
      .send({ title: 'Inloopspreekuur', kind: 'train', sourceKind: 'survey', sourceRef: 'Sv1:Burgerzaken' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sourceKind: 'survey', sourceRef: 'Sv1:Burgerzaken', drive: null });
  });

  test('When a patch is empty, changes the source or is out of range, then 400 and the action is unchanged', async () => {
    const { api } = await projectWithConcern();
    const a = (await carla.post(`${api}/plan`).send({ title: 'Demo', kind: 'adapt' }).expect(201)).body;
    for (const body of [{}, { sourceKind: 'survey' }, { status: 'done', title: '' }, { due: '2027-13-01' }]) {
      await carla.patch(`${api}/plan/${a.id}`).send(body).expect(400);
    }
    expect((await carla.get(`${api}/plan`).expect(200)).body[0]).toMatchObject({ title: 'Demo', status: 'open', kind: 'adapt' });
  });

  test('When someone who is not owner or member uses the plan, then 404 on every route and nothing changes', async () => {
    const { api, page } = await projectWithConcern();
    const a = (await carla.post(`${api}/plan`).send({ title: 'Demo', kind: 'adapt' }).expect(201)).body;
    await dirk.get(`${api}/plan`).expect(404);
    await dirk.post(`${api}/plan`).send({ title: 'x', kind: 'train' }).expect(404);
    await dirk.post(`${api}/plan`).send({}).expect(404);
    await dirk.patch(`${api}/plan/${a.id}`).send({ status: 'done' }).expect(404);
    await dirk.delete(`${api}/plan/${a.id}`).expect(404);
    // An action id of another project is a 404 in this one.
    const other = (await carla.post('/api/projects').send({ client: 'Ander', system: 'Y' }).expect(201)).body;
    await carla.patch(`/api/projects/${other.id}/plan/${a.id}`).send({ status: 'done' }).expect(404);
    const agent = await loggedInByForm(t, 'dirk@example.nl');
    await agent.get(page).expect(404);
    const token = csrfTokenIn((await agent.get('/projects').expect(200)).text);
    const form = { _csrf: token, title: 'x', kind: 'train', sourceKind: 'own' };
    await agent.post(`${page}/actions`).type('form').send(form).expect(404);
    await agent.post(`${page}/actions/${a.id}`).type('form').send(form).expect(404);
    await agent.post(`${page}/actions/${a.id}/delete`).type('form').send({ _csrf: token }).expect(404);
    expect((await carla.get(`${api}/plan`).expect(200)).body).toEqual([expect.objectContaining({ title: 'Demo', status: 'open' })]);
    await request404WithoutLogin(page);
  });
});

/** Without a login a page sends the visitor to the login page; the API says 401. */
async function request404WithoutLogin(page: string) {
  const res = await t.http().get(page);
  expect([302, 303]).toContain(res.status);
}

describe('the development page', () => {
  test('When an action is added through the page with a day-first date, then 303 back and it is listed under Open', async () => {
    const { api, page } = await projectWithConcern();
    const agent = await loggedInByForm(t, 'carla@example.nl');
    const res = await postForm(agent, page, `${page}/actions`, {
      title: 'Uitleg nieuwe zaaktypen',
      kind: 'train',
      owner: 'Team Archief',
      due: '15-1-2027',
      sourceKind: 'own',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${page}#actions`);
    expect((await carla.get(`${api}/plan`).expect(200)).body[0]).toMatchObject({ due: '2027-01-15', owner: 'Team Archief', kind: 'train' });
    const html = (await agent.get(page).expect(200)).text;
    const open = html.slice(html.indexOf('data-status="open"'), html.indexOf('data-status="doing"'));
    expect(open).toContain('Uitleg nieuwe zaaktypen');
  });

  test('When the page form has bad input, then the page comes back with field errors (400), what was typed, and nothing stored', async () => {
    const { p, page } = await projectWithConcern();
    const agent = await loggedInByForm(t, 'carla@example.nl');
    const res = await postForm(agent, page, `${page}/actions`, {
      title: '',
      kind: 'coach',
      due: '31-02-2027',
      owner: 'Sam',
      sourceKind: 'own',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Beschrijf de actie');
    expect(res.text).toContain('Kies een soort actie');
    expect(res.text).toContain('Vul een datum in die bestaat');
    expect(res.text).toContain('value="31-02-2027"');
    expect(res.text).toContain('value="Sam"');
    const gone = await postForm(agent, page, `${page}/actions`, {
      title: 'x',
      kind: 'train',
      sourceKind: 'contact',
      sourceRef: 'B'.repeat(16),
    });
    expect(gone.status).toBe(400);
    expect(gone.text).toContain('bestaat niet (meer) in dit project');
    expect(await count('SELECT count(*) FROM plan_actions a JOIN projects p ON p.id = a.project_id WHERE p.public_id = ?', p.id)).toBe(0);
  });

  test('When "make an action" is posted for a concern, then the action has the remark as title, its drive and the chosen kind', async () => {
    const { c, api, page } = await projectWithConcern();
    const agent = await loggedInByForm(t, 'carla@example.nl');
    const html = (await agent.get(page).expect(200)).text;
    // The form offers training first for an Order concern (clear procedures).
    const form = html.slice(html.indexOf(`data-contact="${c.id}"`));
    expect(form).toMatch(/<option value="train" selected>/);
    const res = await postForm(agent, page, `${page}/actions`, {
      title: BLUE,
      kind: 'train',
      sourceKind: 'contact',
      sourceRef: c.id,
      drive: 'blue',
    });
    expect(res.status).toBe(303);
    expect((await carla.get(`${api}/plan`).expect(200)).body[0]).toMatchObject({ title: BLUE, drive: 'blue', sourceRef: c.id });
  });

  test('When an action is edited on the page, then it moves to its new status; bad input shows that action’s form with errors', async () => {
    const { api, page } = await projectWithConcern();
    const a = (await carla.post(`${api}/plan`).send({ title: 'Demo', kind: 'adapt' }).expect(201)).body;
    const agent = await loggedInByForm(t, 'carla@example.nl');
    const fields = { title: 'Demo voor het team', kind: 'adapt', owner: '', due: '2027-02-01', status: 'done', drive: 'orange' };
    const res = await postForm(agent, page, `${page}/actions/${a.id}`, fields);
    expect(res.status).toBe(303);
    expect((await carla.get(`${api}/plan`).expect(200)).body[0]).toMatchObject({
      title: 'Demo voor het team',
      status: 'done',
      due: '2027-02-01',
    });
    const bad = await postForm(agent, page, `${page}/actions/${a.id}`, { ...fields, status: 'later', title: 'Nieuw' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Kies een stand');
    expect(bad.text).toContain('value="Nieuw"');
    await postForm(agent, page, `${page}/actions/${'C'.repeat(16)}`, fields).then((r) => expect(r.status).toBe(404));
    expect((await postForm(agent, page, `${page}/actions/${a.id}/delete`, {})).status).toBe(303);
    expect((await carla.get(`${api}/plan`).expect(200)).body).toEqual([]);
  });

  test('When a form is posted without its CSRF token, then it is refused and nothing is stored', async () => {
    const { p, page } = await projectWithConcern();
    const agent = await loggedInByForm(t, 'carla@example.nl');
    const res = await agent.post(`${page}/actions`).type('form').send({ title: 'x', kind: 'train' });
    expect(res.status).toBe(403);
    expect(await count('SELECT count(*) FROM plan_actions a JOIN projects p ON p.id = a.project_id WHERE p.public_id = ?', p.id)).toBe(0);
  });

  test('When the page is opened in English, then the kinds and the guide per drive are in English', async () => {
    const { page } = await projectWithConcern();
    const agent = await loggedInByForm(t, 'carla@example.nl');
    const html = (await agent.get(`${page}?lang=en`).expect(200)).text;
    expect(html).toContain('Adapt the software');
    expect(html).toContain('Concerns to act on');
  });
});
