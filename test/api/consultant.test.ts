import { addUser, answerAll, createAssessment, loggedIn, makeApp, type TestApp } from '../helpers/app';

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

const count = (table: string) => t.db.one<number>(`SELECT count(*) FROM ${table}`);

describe('POST /api/recognize', () => {
  test('When a consultant sends a remark, then the likely drives come back ranked with score, confidence and evidence, plus advice', async () => {
    const res = await carla
      .post('/api/recognize')
      .send({ text: 'Waarom moeten we dit pakket gebruiken? Het oude systeem werkte prima, zo doen we het hier al jaren.' })
      .expect(200);
    expect(res.body.lang).toBe('nl');
    expect(res.body.drives[0]).toMatchObject({
      drive: 'purple',
      score: expect.any(Number),
      confidence: expect.stringMatching(/^(high|medium|low)$/),
    });
    expect(res.body.drives[0].evidence).toEqual(
      expect.arrayContaining([expect.objectContaining({ cue: 'oude systeem', match: 'oude systeem' })]),
    );
    const scores = res.body.drives.map((d: { score: number }) => d.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(res.body.advice[0]).toMatchObject({
      drive: 'purple',
      need: expect.any(String),
      do: expect.any(Array),
      dont: expect.any(Array),
      avoid: expect.any(String),
    });
    expect(res.body.advice[0].examples.length).toBeGreaterThanOrEqual(2);
  });

  test('When only behaviours are ticked, then they are the evidence', async () => {
    const res = await carla
      .post('/api/recognize')
      .send({ text: '', lang: 'en', behaviours: ['wants-numbers'] })
      .expect(200);
    expect(res.body.drives[0]).toMatchObject({
      drive: 'orange',
      evidence: [expect.objectContaining({ cue: 'wants-numbers', kind: 'behaviour' })],
    });
  });

  test.each([
    ['empty text and no behaviours', { text: '   ' }, 400],
    ['no body fields', {}, 400],
    ['an unknown behaviour', { text: 'x', behaviours: ['reads-minds'] }, 400],
    ['an unknown language', { text: 'x', lang: 'de' }, 400],
    ['text as a number', { text: 5 }, 400],
    ['an extra field', { text: 'x', mood: 'sad' }, 400],
    ['a text of 20 001 characters', { text: 'a'.repeat(20_001) }, 400],
  ])('When the body has %s, then %i', async (_c, body, status) => {
    const res = await carla.post('/api/recognize').send(body).expect(status);
    expect(res.body.error.code).toBe('validation_failed');
  });

  test('When the body is over 100 kB, then 413', async () => {
    await carla
      .post('/api/recognize')
      .send({ text: 'a'.repeat(120_000) })
      .expect(413);
  });

  test('When not logged in, then 401', async () => {
    await t.http().post('/api/recognize').send({ text: 'x' }).expect(401);
  });
});

describe('my profiles', () => {
  test('When a consultant claims a completed private link, then it is in their history and the advice names the mismatch', async () => {
    const token = await createAssessment(t);
    await answerAll(t, token, 4);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    await dirk
      .post('/api/me/profiles')
      .send({ link: `http://localhost:3000/p/${token}` })
      .expect(201);
    const history = (await dirk.get('/api/me/profiles').expect(200)).body;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ id: expect.any(Number), primary: expect.any(Array), scores: expect.any(Array) });
    const advice = (
      await dirk
        .post('/api/recognize')
        .send({ text: 'Wat levert het op? Hoeveel tijd besparen we en wat is de business case?' })
        .expect(200)
    ).body.advice;
    expect(advice[0].mismatch).toMatchObject({ own: history[0].primary[0], tendency: expect.any(String), instead: expect.any(String) });
    // Someone else's profile cannot be taken over.
    await carla.post('/api/me/profiles').send({ link: token }).expect(404);
  });

  test.each([
    ['not a link', 'hello'],
    ['an unknown token', `/p/${'Q'.repeat(24)}`],
  ])('When claiming %s, then 4xx', async (_c, link) => {
    const res = await carla.post('/api/me/profiles').send({ link });
    expect([400, 404]).toContain(res.status);
  });
});

describe('projects and stakeholders', () => {
  const project = { client: 'Gemeente Deventer', system: 'Zaaksysteem', phase: 'Selectie', notes: 'Start in maart' };
  const stakeholder = {
    name: 'Hoofd Burgerzaken',
    department: 'Burgerzaken',
    influence: 5,
    support: -1,
    drives: ['purple', 'blue'],
    concerns: 'Werkdruk',
    approach: 'Eerst persoonlijk gesprek',
    lastContact: '2026-11-01',
  };

  test('When a consultant creates a project and stakeholders, then they can read, change and delete them', async () => {
    const p = (await carla.post('/api/projects').send(project).expect(201)).body;
    expect(p).toMatchObject({ ...project, id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) });
    const s = (await carla.post(`/api/projects/${p.id}/stakeholders`).send(stakeholder).expect(201)).body;
    expect(s).toMatchObject(stakeholder);
    const minimal = (
      await carla.post(`/api/projects/${p.id}/stakeholders`).send({ name: 'Wethouder', influence: 4, support: 1 }).expect(201)
    ).body;
    expect(minimal).toMatchObject({ department: '', drives: [], lastContact: null });
    expect((await carla.get(`/api/projects/${p.id}`).expect(200)).body.stakeholders).toHaveLength(2);
    expect(
      (
        await carla
          .patch(`/api/projects/${p.id}/stakeholders/${s.id}`)
          .send({ support: 1, drives: ['green'] })
          .expect(200)
      ).body,
    ).toMatchObject({ support: 1, drives: ['green'], name: stakeholder.name });
    expect((await carla.patch(`/api/projects/${p.id}`).send({ phase: 'Implementatie' }).expect(200)).body.phase).toBe('Implementatie');
    await carla.delete(`/api/projects/${p.id}/stakeholders/${minimal.id}`).expect(204);
    expect((await carla.get(`/api/projects/${p.id}/stakeholders`).expect(200)).body).toHaveLength(1);
    expect((await carla.get('/api/projects').expect(200)).body.map((x: { id: string }) => x.id)).toContain(p.id);
  });

  test('When a project is deleted, then its stakeholders are gone from the database too', async () => {
    const p = (await carla.post('/api/projects').send(project).expect(201)).body;
    await carla.post(`/api/projects/${p.id}/stakeholders`).send(stakeholder).expect(201);
    const before = await count('stakeholders');
    await carla.delete(`/api/projects/${p.id}`).expect(204);
    await carla.get(`/api/projects/${p.id}`).expect(404);
    expect(await count('stakeholders')).toBe(before - 1);
  });

  test('When another consultant asks for a project or its stakeholders, then every route is 404 and nothing changes', async () => {
    const p = (await carla.post('/api/projects').send(project).expect(201)).body;
    const s = (await carla.post(`/api/projects/${p.id}/stakeholders`).send(stakeholder).expect(201)).body;
    await dirk.get(`/api/projects/${p.id}`).expect(404);
    await dirk.patch(`/api/projects/${p.id}`).send({ phase: 'x' }).expect(404);
    await dirk.delete(`/api/projects/${p.id}`).expect(404);
    await dirk.get(`/api/projects/${p.id}/stakeholders`).expect(404);
    await dirk.post(`/api/projects/${p.id}/stakeholders`).send(stakeholder).expect(404);
    await dirk.patch(`/api/projects/${p.id}/stakeholders/${s.id}`).send({ support: 2 }).expect(404);
    await dirk.delete(`/api/projects/${p.id}/stakeholders/${s.id}`).expect(404);
    expect((await dirk.get('/api/projects').expect(200)).body.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await carla.get(`/api/projects/${p.id}`).expect(200)).body).toMatchObject({
      phase: project.phase,
      stakeholders: [expect.objectContaining({ support: -1 })],
    });
  });

  test('When a stakeholder id belongs to another project of the same owner, then 404', async () => {
    const p1 = (await carla.post('/api/projects').send(project).expect(201)).body;
    const p2 = (await carla.post('/api/projects').send(project).expect(201)).body;
    const s = (await carla.post(`/api/projects/${p1.id}/stakeholders`).send(stakeholder).expect(201)).body;
    await carla.patch(`/api/projects/${p2.id}/stakeholders/${s.id}`).send({ support: 2 }).expect(404);
  });

  test.each([
    ['no client', { system: 'x' }],
    ['an empty client', { client: ' ', system: 'x' }],
    ['a client of 121 characters', { client: 'x'.repeat(121), system: 'x' }],
    ['notes of 5001 characters', { client: 'x', system: 'x', notes: 'n'.repeat(5001) }],
    ['a NUL character', { client: 'a\u0000b', system: 'x' }],
    ['an extra field', { client: 'x', system: 'x', owner: 1 }],
  ])('When a project has %s, then 400 and nothing is stored', async (_c, body) => {
    const before = await count('projects');
    expect((await carla.post('/api/projects').send(body).expect(400)).body.error.code).toBe('validation_failed');
    expect(await count('projects')).toBe(before);
  });

  test.each([
    ['influence 0', { influence: 0 }],
    ['influence 6', { influence: 6 }],
    ['support -3', { support: -3 }],
    ['support as text', { support: '1' }],
    ['an unknown drive', { drives: ['pink'] }],
    ['a drive twice', { drives: ['red', 'red'] }],
    ['a bad date', { lastContact: '1-11-2026' }],
    ['no name', { name: '' }],
  ])('When a stakeholder has %s, then 400 and nothing is stored', async (_c, change) => {
    const p = (await carla.post('/api/projects').send(project).expect(201)).body;
    const res = await carla
      .post(`/api/projects/${p.id}/stakeholders`)
      .send({ ...stakeholder, ...change })
      .expect(400);
    expect(res.body.error.details.fields.length).toBeGreaterThan(0);
    expect((await carla.get(`/api/projects/${p.id}/stakeholders`).expect(200)).body).toEqual([]);
  });

  test('When a patch is empty or has a bad value, then 400 and the stored stakeholder is unchanged', async () => {
    const p = (await carla.post('/api/projects').send(project).expect(201)).body;
    const s = (await carla.post(`/api/projects/${p.id}/stakeholders`).send(stakeholder).expect(201)).body;
    await carla.patch(`/api/projects/${p.id}/stakeholders/${s.id}`).send({}).expect(400);
    await carla.patch(`/api/projects/${p.id}/stakeholders/${s.id}`).send({ support: 1, influence: 9 }).expect(400);
    await carla.patch(`/api/projects/${p.id}`).send({}).expect(400);
    expect((await carla.get(`/api/projects/${p.id}/stakeholders`).expect(200)).body[0]).toMatchObject({ support: -1, influence: 5 });
  });

  test('When not logged in, then the project API is 401', async () => {
    await t.http().get('/api/projects').expect(401);
    await t.http().post('/api/projects').send(project).expect(401);
  });
});
