import { addUser, loggedIn, loggedInByForm, makeApp, postForm, type TestApp } from '../helpers/app';

let t: TestApp;
let carla: Awaited<ReturnType<typeof loggedIn>>;
let dirk: Awaited<ReturnType<typeof loggedIn>>;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'carla@example.nl', 'consultant');
  await addUser(t, 'dirk@example.nl', 'consultant');
  carla = await loggedIn(t, 'carla@example.nl');
  dirk = await loggedIn(t, 'dirk@example.nl');
});

/** A project of Carla's with a blue (Structuur) and a red (Regie) stakeholder in two departments, and one without drives. */
async function project() {
  const p = (await carla.post('/api/projects').send({ client: 'Gemeente Zwolle', system: 'Zaaksysteem' }).expect(201)).body;
  const add = (body: Record<string, unknown>) => carla.post(`/api/projects/${p.id}/stakeholders`).send(body).expect(201);
  const blue = (await add({ name: 'Archivaris', department: 'DIV', influence: 3, support: 0, drives: ['blue'] })).body;
  const red = (await add({ name: 'Teamleider', department: 'Burgerzaken', influence: 4, support: -1, drives: ['red', 'orange'] })).body;
  await add({ name: 'Wethouder', influence: 5, support: 1 });
  return { p, blue, red, base: `/api/projects/${p.id}/change` };
}

describe('GET and PUT /api/projects/:id/change', () => {
  test('When nothing is described yet, then the dimensions are {} and no drive is threatened', async () => {
    const { base } = await project();
    const body = (await carla.get(base).expect(200)).body;
    expect(body.dimensions).toEqual({});
    expect(body.impact).toHaveLength(6);
    expect(body.impact.every((i: { score: number; threatened: boolean }) => i.score === 0 && !i.threatened)).toBe(true);
    expect(body.matrix.every((r: { level: string }) => r.level === 'low')).toBe(true);
  });

  test('When less room for own judgement and decisions elsewhere are set to a lot, then Regie is threatened and the red stakeholder resists most', async () => {
    const { base, red } = await project();
    const put = (
      await carla
        .put(base)
        .send({ dimensions: { judgement: 3, elsewhere: 3, pace: 0 } })
        .expect(200)
    ).body;
    // 0 is the same as left out: not stored.
    expect(put.dimensions).toEqual({ judgement: 3, elsewhere: 3 });
    const again = (await carla.get(base).expect(200)).body;
    expect(again).toEqual(put);
    const regie = again.impact.find((i: { drive: string }) => i.drive === 'red');
    expect(regie).toMatchObject({ threatened: true, served: false });
    expect(regie.score).toBeLessThanOrEqual(-2);
    expect(regie.reasons.length).toBeGreaterThan(0);
    expect(regie.messages.length).toBeGreaterThanOrEqual(2);
    const row = again.matrix.find((r: { kind: string; id: string }) => r.kind === 'stakeholder' && r.id === red.id);
    expect(row.drivers[0]).toBe('red');
    expect(['medium', 'high']).toContain(row.level);
    // People without drives are not in the matrix; departments are.
    expect(again.matrix.filter((r: { kind: string }) => r.kind === 'stakeholder')).toHaveLength(2);
    expect(again.matrix.filter((r: { kind: string }) => r.kind === 'department').map((r: { label: string }) => r.label)).toEqual([
      'DIV',
      'Burgerzaken',
    ]);
  });

  test.each([
    ['an unknown dimension', { dimensions: { weather: 2 } }],
    ['an intensity of 4', { dimensions: { pace: 4 } }],
    ['an intensity of -1', { dimensions: { pace: -1 } }],
    ['a fraction', { dimensions: { pace: 1.5 } }],
    ['a text', { dimensions: { pace: '2' } }],
    ['no dimensions', {}],
    ['an extra field', { dimensions: {}, extra: 1 }],
  ])('When the body has %s, then 400 and the saved description is unchanged', async (_c, body) => {
    const { base } = await project();
    await carla
      .put(base)
      .send({ dimensions: { procedures: 2 } })
      .expect(200);
    const res = await carla.put(base).send(body).expect(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String), details: expect.any(Object) });
    expect((await carla.get(base).expect(200)).body.dimensions).toEqual({ procedures: 2 });
  });

  test('When another consultant asks or writes, then 404 and nothing changes', async () => {
    const { base } = await project();
    await carla
      .put(base)
      .send({ dimensions: { procedures: 1 } })
      .expect(200);
    await dirk.get(base).expect(404);
    await dirk
      .put(base)
      .send({ dimensions: { procedures: 3 } })
      .expect(404);
    expect((await carla.get(base).expect(200)).body.dimensions).toEqual({ procedures: 1 });
  });

  test('When ?lang=en is asked, then the reasons are in English', async () => {
    const { base } = await project();
    await carla
      .put(base)
      .send({ dimensions: { procedures: 3 } })
      .expect(200);
    const nl = (await carla.get(base).expect(200)).body.impact.find((i: { reasons: unknown[] }) => i.reasons.length);
    const en = (await carla.get(`${base}?lang=en`).expect(200)).body.impact.find((i: { drive: string }) => i.drive === nl.drive);
    expect(en.reasons[0].text).not.toBe(nl.reasons[0].text);
    await carla.get(`${base}?lang=fr`).expect(400);
  });
});

describe('the change page /projects/:id/change', () => {
  test('When the form is sent, then the description is saved and the page shows the impact per drive and the matrix', async () => {
    const { p, red } = await project();
    const agent = await loggedInByForm(t, 'carla@example.nl');
    const page = `/projects/${p.id}/change`;
    const html = (await agent.get(page).expect(200)).text;
    expect(html).toContain('Minder ruimte voor eigen oordeel');
    expect(html).toContain('Een beetje');
    const res = await postForm(agent, page, page, { judgement: '3', elsewhere: '3' });
    expect(res.status).toBe(303);
    expect((await carla.get(`/api/projects/${p.id}/change`).expect(200)).body.dimensions).toEqual({ judgement: 3, elsewhere: 3 });
    const shown = (await agent.get(page).expect(200)).text;
    expect(shown).toMatch(/data-impact="red" data-kind="threatened"/);
    expect(shown).toContain('Teamleider');
    expect(shown).toContain('geen voorspelling');
    expect(shown).toMatch(/name="judgement" value="3" checked/);
    expect(red.id).toBeTruthy();
  });

  test('When a value is out of range, then 400 with the field error, what was chosen is kept and the saved description stays', async () => {
    const { p } = await project();
    await carla
      .put(`/api/projects/${p.id}/change`)
      .send({ dimensions: { pace: 2 } })
      .expect(200);
    const agent = await loggedInByForm(t, 'carla@example.nl');
    const page = `/projects/${p.id}/change`;
    const res = await postForm(agent, page, page, { pace: '7', procedures: '1' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kies een van de vier antwoorden.');
    expect(res.text).toMatch(/name="procedures" value="1" checked/);
    expect((await carla.get(`/api/projects/${p.id}/change`).expect(200)).body.dimensions).toEqual({ pace: 2 });
  });

  test('When another consultant opens or posts the page, then 404', async () => {
    const { p } = await project();
    const other = await loggedInByForm(t, 'dirk@example.nl');
    await other.get(`/projects/${p.id}/change`).expect(404);
    const res = await postForm(other, '/projects', `/projects/${p.id}/change`, { pace: '3' });
    expect(res.status).toBe(404);
    expect((await carla.get(`/api/projects/${p.id}/change`).expect(200)).body.dimensions).toEqual({});
  });
});
