import { addUser, loggedIn, loggedInByForm, makeApp, postForm, type TestApp } from '../helpers/app';

let t: TestApp;
let carla: Awaited<ReturnType<typeof loggedIn>>;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'carla@example.nl', 'consultant');
  await addUser(t, 'dirk@example.nl', 'consultant');
  carla = await loggedIn(t, 'carla@example.nl');
});

const BLUE = 'Ik wil eerst precies weten welke procedures en regels er gelden, alles moet goed vastgelegd worden.';

async function setUp() {
  const p = (await carla.post('/api/projects').send({ client: 'Gemeente Zwolle', system: 'Zaaksysteem' }).expect(201)).body;
  const s = (
    await carla.post(`/api/projects/${p.id}/stakeholders`).send({ name: 'Teamleider Burgerzaken', influence: 4, support: -1 }).expect(201)
  ).body;
  const agent = await loggedInByForm(t, 'carla@example.nl');
  return { p, s, agent, page: `/projects/${p.id}/stakeholders/${s.id}`, api: `/api/projects/${p.id}/stakeholders/${s.id}` };
}
const contact = { date: '', remark: '', support: '', nextStep: '', due: '' };

describe('the stakeholder page: the contact log', () => {
  test('When a contact is logged with a day-first date, then it is saved, read, and listed newest first with its drives', async () => {
    const { agent, page, api } = await setUp();
    expect((await postForm(agent, page, `${page}/contacts`, { ...contact, date: '3-11-2026', support: '0' })).status).toBe(303);
    const res = await postForm(agent, page, `${page}/contacts`, {
      ...contact,
      date: '2026-11-20',
      remark: BLUE,
      support: '1',
      nextStep: 'Procesplaat sturen',
      due: '27-11-2026',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${page}#log`);
    const body = (await carla.get(api).expect(200)).body;
    expect(body.contacts.map((c: { date: string }) => c.date)).toEqual(['2026-11-03', '2026-11-20']);
    expect(body.contacts[1]).toMatchObject({ nextStep: 'Procesplaat sturen', due: '2026-11-27', support: 1 });
    expect(body.drives[0]).toBe('blue');
    const html = (await agent.get(page).expect(200)).text;
    // Newest first: the 20th before the 3rd.
    expect(html.indexOf('20 nov')).toBeLessThan(html.indexOf('3 nov'));
    expect(html).toMatch(/De lezer hoort: Structuur \d+ %/);
    expect(html).toContain('data-drives-by-hand="false"');
    // The trend: two points, and a table with the same numbers.
    expect(html.match(/data-trend-point=/g)).toHaveLength(2);
    expect(html).toContain('Steun per gesprek');
  });

  test.each([
    ['no date', { date: '' }, 'date'],
    ['an impossible date', { date: '31-02-2026' }, 'date'],
    ['a due date without a next step', { date: '1-12-2026', due: '5-12-2026' }, 'due'],
    ['a support of 3', { date: '1-12-2026', support: '3' }, 'support'],
  ])(
    'When the contact form has %s, then 400 with the field error, what was typed stays, and nothing is saved',
    async (_c, fields, field) => {
      const { agent, page, api } = await setUp();
      await postForm(agent, page, `${page}/contacts`, { ...contact, date: '1-11-2026', remark: BLUE });
      const res = await postForm(agent, page, `${page}/contacts`, { ...contact, remark: 'Mijn opmerking blijft staan', ...fields });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Mijn opmerking blijft staan');
      // The field with the error is marked, and it is the only one.
      expect(res.text).toMatch(new RegExp(`<div class="field has-error">\\s*<label for="c-${field}">`));
      expect(res.text.match(/class="field has-error"/g)).toHaveLength(1);
      expect((await carla.get(api).expect(200)).body.contacts).toHaveLength(1);
    },
  );

  test('When a next step is marked done on the page, then it is done and leaves the next actions', async () => {
    const { p, agent, page, api } = await setUp();
    await postForm(agent, page, `${page}/contacts`, { ...contact, date: '1-11-2026', nextStep: 'Bellen', due: '2-11-2026' });
    // Due before today: marked as overdue in the log, as in the project's next actions.
    expect((await agent.get(page).expect(200)).text).toContain('class="overdue-label"');
    const before = (await carla.get(api).expect(200)).body;
    const res = await postForm(agent, page, `/projects/${p.id}/contacts/${before.contacts[0].id as string}/done`, { sid: before.id });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${page}#log`);
    expect((await carla.get(api).expect(200)).body.contacts[0].done).toBe(true);
    expect((await carla.get(`/api/projects/${p.id}/next-actions`).expect(200)).body).toEqual([]);
    const after = (await agent.get(page).expect(200)).text;
    expect(after).toContain('class="done-label"');
    expect(after).not.toContain('class="overdue-label"');
  });

  test('When drives set by hand are handed back to the log, then the log decides them again', async () => {
    const { agent, page, api } = await setUp();
    await postForm(agent, page, `${page}/contacts`, { ...contact, date: '1-11-2026', remark: BLUE });
    await carla
      .patch(api)
      .send({ drives: ['green'] })
      .expect(200);
    expect((await agent.get(page).expect(200)).text).toContain('data-drives-by-hand="true"');
    expect((await postForm(agent, page, `${page}/drives-to-log`, {})).status).toBe(303);
    const body = (await carla.get(api).expect(200)).body;
    expect(body).toMatchObject({ drivesByHand: false });
    expect(body.drives[0]).toBe('blue');
  });

  test('When interest and desired support are saved in the form, then they are stored; a bad value is a 400 that keeps the rest', async () => {
    const { agent, page, api } = await setUp();
    const fields = {
      name: 'Hoofd Burgerzaken',
      department: '',
      influence: '4',
      support: '-1',
      concerns: 'Werkdruk',
      approach: '',
      lastContact: '',
    };
    expect((await postForm(agent, page, page, { ...fields, interest: '5', desiredSupport: '2' })).status).toBe(303);
    expect((await carla.get(api).expect(200)).body).toMatchObject({ interest: 5, desiredSupport: 2, name: 'Hoofd Burgerzaken' });
    const bad = await postForm(agent, page, page, { ...fields, name: 'Nieuwe naam', interest: '9', desiredSupport: '1' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Kies een belang van 1 tot 5.');
    expect(bad.text).toContain('value="Nieuwe naam"');
    expect((await carla.get(api).expect(200)).body).toMatchObject({ interest: 5, desiredSupport: 2, name: 'Hoofd Burgerzaken' });
    expect((await agent.get(page).expect(200)).text).toContain('data-support-gap="3"');
  });

  test('When another consultant opens the page or posts to it, then 404 and nothing is saved', async () => {
    const { p, page, api } = await setUp();
    await postForm(await loggedInByForm(t, 'carla@example.nl'), page, `${page}/contacts`, { ...contact, date: '1-11-2026', nextStep: 'x' });
    const cid = (await carla.get(api).expect(200)).body.contacts[0].id as string;
    const other = await loggedInByForm(t, 'dirk@example.nl');
    await other.get(page).expect(404);
    expect((await postForm(other, '/projects', `${page}/contacts`, { ...contact, date: '2-11-2026' })).status).toBe(404);
    expect((await postForm(other, '/projects', `${page}/drives-to-log`, {})).status).toBe(404);
    expect((await postForm(other, '/projects', `/projects/${p.id}/contacts/${cid}/done`, {})).status).toBe(404);
    const body = (await carla.get(api).expect(200)).body;
    expect(body.contacts).toHaveLength(1);
    expect(body.contacts[0].done).toBe(false);
  });
});

describe('the project page over time', () => {
  test('When stakeholders have contacts, then the page shows the grid quadrants, the support gap, the project trend and the overdue action first', async () => {
    const { p, agent, page, api } = await setUp();
    await carla.patch(api).send({ interest: 5, desiredSupport: 2 }).expect(200);
    const other = (
      await carla.post(`/api/projects/${p.id}/stakeholders`).send({ name: 'Archivaris', influence: 1, support: 1, interest: 1 }).expect(201)
    ).body;
    const otherPage = `/projects/${p.id}/stakeholders/${other.id}`;
    await postForm(agent, page, `${page}/contacts`, { ...contact, date: '1-11-2026', support: '-2', nextStep: 'Later', due: '1-1-2200' });
    await postForm(agent, otherPage, `${otherPage}/contacts`, {
      ...contact,
      date: '5-11-2026',
      support: '2',
      nextStep: 'Te laat',
      due: '1-1-2000',
    });
    const html = (await agent.get(`/projects/${p.id}`).expect(200)).text;
    expect(html).toMatch(/data-grid-marker="1" data-quadrant="manageClosely"/);
    expect(html).toMatch(/data-grid-marker="2" data-quadrant="monitor"/);
    expect(html).toMatch(/data-quadrant="keepSatisfied"[^>]*><tspan[^>]*>Tevreden<\/tspan><tspan[^>]*>houden<\/tspan>/);
    expect(html).toContain('data-desired="2"');
    // Trend: 1 Nov mean −2 (one person), 5 Nov mean 0 (−2 and +2).
    expect(html.match(/data-trend-point=/g)).toHaveLength(2);
    expect(html).toContain('gemiddelde van de laatste steun');
    const overdue = html.indexOf('Te laat</span>');
    expect(overdue).toBeGreaterThan(-1);
    expect(overdue).toBeLessThan(html.indexOf('Later</span>'));
    expect(html).toContain('class="is-overdue"');
    expect(html).toContain(`/projects/${p.id}/change`);
    // Mark done from the project page goes back to its next actions.
    const cid = (await carla.get(`/api/projects/${p.id}/next-actions`).expect(200)).body[0].contactId as string;
    const res = await postForm(agent, `/projects/${p.id}`, `/projects/${p.id}/contacts/${cid}/done`, {});
    expect(res.headers.location).toBe(`/projects/${p.id}#next-actions`);
    expect((await carla.get(`/api/projects/${p.id}/next-actions`).expect(200)).body).toHaveLength(1);
  });

  test('When a new stakeholder is added through the project form with interest and desired support, then they are stored', async () => {
    const { p, agent } = await setUp();
    const res = await postForm(agent, `/projects/${p.id}`, `/projects/${p.id}/stakeholders`, {
      name: 'Wethouder',
      department: '',
      influence: '5',
      support: '0',
      interest: '2',
      desiredSupport: '1',
      concerns: '',
      approach: '',
      lastContact: '',
    });
    expect(res.status).toBe(303);
    const list = (await carla.get(`/api/projects/${p.id}/stakeholders`).expect(200)).body;
    expect(list.find((s: { name: string }) => s.name === 'Wethouder')).toMatchObject({ interest: 2, desiredSupport: 1 });
  });
});
