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

const count = (table: string) => t.db.one<number>(`SELECT count(*) FROM ${table}`).then(Number);
const PURPLE = 'Waarom moeten we dit pakket gebruiken? Het oude systeem werkte prima, zo doen we het hier al jaren.';
const BLUE = 'Ik wil eerst precies weten welke procedures en regels er gelden, alles moet goed vastgelegd worden.';

/** A project of Carla's with one stakeholder (no drives yet). */
async function projectWithStakeholder(name = 'Teamleider Burgerzaken') {
  const p = (await carla.post('/api/projects').send({ client: 'Gemeente Zwolle', system: 'Zaaksysteem' }).expect(201)).body;
  const s = (await carla.post(`/api/projects/${p.id}/stakeholders`).send({ name, influence: 4, support: -1 }).expect(201)).body;
  return { p, s, base: `/api/projects/${p.id}/stakeholders/${s.id}` };
}
const addContact = (base: string, body: Record<string, unknown>) => carla.post(`${base}/contacts`).send(body).expect(201);

describe('interest and desired support', () => {
  test('When a stakeholder is made without them, then interest is 3 and desired support 0; a patch changes them', async () => {
    const { s, base } = await projectWithStakeholder();
    expect(s).toMatchObject({ interest: 3, desiredSupport: 0 });
    const changed = (await carla.patch(base).send({ interest: 5, desiredSupport: 2 }).expect(200)).body;
    expect(changed).toMatchObject({ interest: 5, desiredSupport: 2, support: -1 });
    expect((await carla.get(base).expect(200)).body).toMatchObject({ interest: 5, desiredSupport: 2 });
  });

  test.each([
    ['interest 0', { interest: 0 }],
    ['interest 6', { interest: 6 }],
    ['desired support 3', { desiredSupport: 3 }],
    ['desired support -2.5', { desiredSupport: -2.5 }],
  ])('When a patch has %s, then 400 and the stakeholder is unchanged', async (_c, change) => {
    const { base } = await projectWithStakeholder();
    const res = await carla.patch(base).send(change).expect(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String), details: expect.any(Object) });
    expect((await carla.get(base).expect(200)).body).toMatchObject({ interest: 3, desiredSupport: 0 });
  });

  test('When the stakeholder is saved through the page form (which has no such fields), then interest and desired support stay', async () => {
    const { p, s, base } = await projectWithStakeholder();
    await carla.patch(base).send({ interest: 1, desiredSupport: 2 }).expect(200);
    const agent = await loggedInByForm(t, 'carla@example.nl');
    const page = `/projects/${p.id}/stakeholders/${s.id}`;
    const fields = { name: 'Hoofd Burgerzaken', department: '', influence: '4', support: '0', concerns: '', approach: '', lastContact: '' };
    expect((await postForm(agent, page, page, fields)).status).toBe(303);
    expect((await carla.get(base).expect(200)).body).toMatchObject({ name: 'Hoofd Burgerzaken', interest: 1, desiredSupport: 2 });
  });
});

describe('POST /api/projects/:id/stakeholders/:sid/contacts', () => {
  test('When a contact has a remark, then it is read on saving and the reading is stored with it', async () => {
    const { base } = await projectWithStakeholder();
    const res = await addContact(base, { date: '2026-11-20', remark: PURPLE, nextStep: 'Demo van het nieuwe systeem', due: '2026-12-04' });
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      date: '2026-11-20',
      remark: PURPLE,
      support: null,
      nextStep: 'Demo van het nieuwe systeem',
      due: '2026-12-04',
      reading: { drives: expect.any(Array) },
      done: false,
    });
    const drives = res.body.reading.drives as { drive: string; score: number }[];
    expect(drives[0]!.drive).toBe('purple');
    expect(drives.every((d) => d.score >= 5 && Object.keys(d).sort().join() === 'drive,score')).toBe(true);
    const stored = await t.db.one<string | object>('SELECT reading FROM stakeholder_contacts WHERE public_id = ?', res.body.id);
    expect(typeof stored === 'string' ? JSON.parse(stored) : stored).toEqual(res.body.reading);
  });

  test('When a contact has no remark, or one the reader knows nothing of, then its reading is null', async () => {
    const { s, base } = await projectWithStakeholder();
    expect((await addContact(base, { date: '2026-11-20' })).body).toMatchObject({ remark: null, reading: null });
    expect((await addContact(base, { date: '2026-11-21', remark: '' })).body).toMatchObject({ remark: null, reading: null });
    expect((await addContact(base, { date: '2026-11-22', remark: 'zzz' })).body).toMatchObject({ remark: 'zzz', reading: null });
    const readings = await t.db.one(
      'SELECT count(*) FROM stakeholder_contacts c JOIN stakeholders s ON s.id = c.stakeholder_id WHERE s.public_id = ? AND c.reading IS NOT NULL',
      s.id,
    );
    expect(Number(readings)).toBe(0);
    const list = (await carla.get(base).expect(200)).body.contacts as { reading: unknown }[];
    expect(list.map((c) => c.reading)).toEqual([null, null, null]);
  });

  test('When two contacts read as different drives, then the likely drives accumulate from both, with the mean as evidence', async () => {
    const { base } = await projectWithStakeholder();
    await addContact(base, { date: '2026-11-01', remark: PURPLE });
    expect((await carla.get(base).expect(200)).body).toMatchObject({ drives: ['purple'], drivesByHand: false });
    await addContact(base, { date: '2026-11-15', remark: BLUE });
    const after = (await carla.get(base).expect(200)).body;
    expect([...after.drives].sort()).toEqual(['blue', 'purple']);
    expect(after.contactDrives.slice(0, 2).map((d: { drive: string }) => d.drive)).toEqual(after.drives);
    expect(after.contactDrives[1].score).toBeGreaterThanOrEqual(25);
  });

  test('When the consultant set the drives by hand, then contacts leave them; cleared, the contacts decide again at once', async () => {
    const { base } = await projectWithStakeholder();
    await addContact(base, { date: '2026-11-01', remark: PURPLE });
    await carla
      .patch(base)
      .send({ drives: ['red'] })
      .expect(200);
    await addContact(base, { date: '2026-11-15', remark: PURPLE });
    expect((await carla.get(base).expect(200)).body).toMatchObject({ drives: ['red'], drivesByHand: true });
    expect((await carla.patch(base).send({ drives: [] }).expect(200)).body.drives).toEqual(['purple']);
    expect((await carla.get(base).expect(200)).body.drivesByHand).toBe(false);
  });

  test('When contacts give a support, then the latest-dated one is the current support and the history is in date order', async () => {
    const { base } = await projectWithStakeholder();
    await addContact(base, { date: '2026-11-20', support: 1 });
    expect((await carla.get(base).expect(200)).body.support).toBe(1);
    await addContact(base, { date: '2026-11-01', support: -2, remark: 'Eerste gesprek' }); // logged afterwards
    await addContact(base, { date: '2026-11-10', remark: 'Geen oordeel gegeven' });
    const s = (await carla.get(base).expect(200)).body;
    expect(s.support).toBe(1);
    expect(s.lastContact).toBe('2026-11-20');
    expect(s.supportHistory).toEqual([
      { date: '2026-11-01', support: -2 },
      { date: '2026-11-20', support: 1 },
    ]);
    expect(s.contacts.map((c: { date: string }) => c.date)).toEqual(['2026-11-01', '2026-11-10', '2026-11-20']);
  });

  test.each([
    ['no date', {}],
    ['a day-first date', { date: '20-11-2026' }],
    ['a date that does not exist', { date: '2026-02-30' }],
    ['a date with a time', { date: '2026-11-20T10:00:00Z' }],
    ['a bad due date', { date: '2026-11-20', nextStep: 'Bellen', due: '2026-13-01' }],
    ['support 3', { date: '2026-11-20', support: 3 }],
    ['support 0.5', { date: '2026-11-20', support: 0.5 }],
    ['support as text', { date: '2026-11-20', support: '1' }],
    ['an unknown field', { date: '2026-11-20', mood: 'good' }],
    ['a remark of 2,001 characters', { date: '2026-11-20', remark: 'a'.repeat(2001) }],
    ['a next step of 2,001 characters', { date: '2026-11-20', nextStep: 'a'.repeat(2001) }],
    ['a due date without a next step', { date: '2026-11-20', due: '2026-12-01' }],
  ])('When a contact has %s, then 400 naming the field and nothing is stored', async (_c, body) => {
    const { base } = await projectWithStakeholder();
    const before = await count('stakeholder_contacts');
    const res = await carla.post(`${base}/contacts`).send(body).expect(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    expect(res.body.error.details.fields.length).toBeGreaterThan(0);
    expect(await count('stakeholder_contacts')).toBe(before);
    expect((await carla.get(base).expect(200)).body).toMatchObject({ support: -1, lastContact: null, contacts: [] });
  });

  test('When a remark of exactly 2,000 characters is logged, then it is stored', async () => {
    const { base } = await projectWithStakeholder();
    expect((await addContact(base, { date: '2026-11-20', remark: 'a'.repeat(2000) })).body.remark).toHaveLength(2000);
  });
});

describe('GET /api/projects/:id/next-actions and POST …/contacts/:cid/done', () => {
  test('When next steps are open, then they come overdue first, then by due date, those without one last; done ones leave', async () => {
    const { p, base } = await projectWithStakeholder('Ans');
    const other = (await carla.post(`/api/projects/${p.id}/stakeholders`).send({ name: 'Bas', influence: 2, support: 1 }).expect(201)).body;
    const otherBase = `/api/projects/${p.id}/stakeholders/${other.id}`;
    const later = (await addContact(base, { date: '2026-11-01', nextStep: 'Training plannen', due: '2099-03-01' })).body;
    const none = (await addContact(otherBase, { date: '2026-11-02', nextStep: 'Eens bijpraten' })).body;
    const overdue = (await addContact(otherBase, { date: '2019-12-01', nextStep: 'Rapport sturen', due: '2020-01-10' })).body;
    const soon = (await addContact(base, { date: '2026-11-03', nextStep: 'Demo', due: '2099-01-15' })).body;
    await addContact(base, { date: '2026-11-04', remark: 'Geen vervolg' });
    const done = (await addContact(base, { date: '2026-11-05', nextStep: 'Al gedaan', due: '2019-01-01' })).body;
    expect((await carla.post(`/api/projects/${p.id}/contacts/${done.id}/done`).expect(200)).body).toMatchObject({
      id: done.id,
      done: true,
    });

    const list = (await carla.get(`/api/projects/${p.id}/next-actions`).expect(200)).body;
    expect(list).toEqual([
      { stakeholder: { id: other.id, name: 'Bas' }, contactId: overdue.id, nextStep: 'Rapport sturen', due: '2020-01-10', overdue: true },
      { stakeholder: { id: expect.any(String), name: 'Ans' }, contactId: soon.id, nextStep: 'Demo', due: '2099-01-15', overdue: false },
      {
        stakeholder: { id: expect.any(String), name: 'Ans' },
        contactId: later.id,
        nextStep: 'Training plannen',
        due: '2099-03-01',
        overdue: false,
      },
      { stakeholder: { id: other.id, name: 'Bas' }, contactId: none.id, nextStep: 'Eens bijpraten', due: null, overdue: false },
    ]);
    const contacts = (await carla.get(base).expect(200)).body.contacts as { id: string; done: boolean }[];
    expect(contacts.find((c) => c.id === done.id)!.done).toBe(true);
  });

  test('When a contact id is unknown or belongs to another project of the same owner, then marking it done is a 404', async () => {
    const a = await projectWithStakeholder();
    const b = await projectWithStakeholder();
    const c = (await addContact(a.base, { date: '2026-11-01', nextStep: 'Bellen' })).body;
    await carla.post(`/api/projects/${b.p.id}/contacts/${c.id}/done`).expect(404);
    await carla.post(`/api/projects/${a.p.id}/contacts/AAAAAAAAAAAAAAAA/done`).expect(404);
    await carla.post(`/api/projects/${a.p.id}/contacts/not-an-id/done`).expect(404);
    expect((await carla.get(`/api/projects/${a.p.id}/next-actions`).expect(200)).body).toHaveLength(1);
  });
});

describe('authorisation and deletion', () => {
  test('When another consultant uses the contact routes, then every one is 404 and nothing changes', async () => {
    const { p, base } = await projectWithStakeholder();
    const c = (await addContact(base, { date: '2026-11-01', nextStep: 'Bellen', support: 0 })).body;
    await dirk.get(base).expect(404);
    await dirk.patch(base).send({ interest: 5 }).expect(404);
    await dirk.post(`${base}/contacts`).send({ date: '2026-11-02', support: 2 }).expect(404);
    await dirk.get(`/api/projects/${p.id}/next-actions`).expect(404);
    await dirk.post(`/api/projects/${p.id}/contacts/${c.id}/done`).expect(404);
    const s = (await carla.get(base).expect(200)).body;
    expect(s).toMatchObject({ interest: 3, support: 0, contacts: [expect.objectContaining({ id: c.id, done: false })] });
  });

  test('When not logged in, then the contact routes are 401', async () => {
    const { p, base } = await projectWithStakeholder();
    await t.http().get(base).expect(401);
    await t.http().post(`${base}/contacts`).send({ date: '2026-11-02' }).expect(401);
    await t.http().get(`/api/projects/${p.id}/next-actions`).expect(401);
    await t.http().post(`/api/projects/${p.id}/contacts/AAAAAAAAAAAAAAAA/done`).expect(401);
  });

  test('When a project is deleted, then its stakeholders’ contacts are gone from the database too', async () => {
    const { p, base } = await projectWithStakeholder();
    await addContact(base, { date: '2026-11-01', remark: PURPLE });
    await addContact(base, { date: '2026-11-02', nextStep: 'Bellen' });
    const before = await count('stakeholder_contacts');
    await carla.delete(`/api/projects/${p.id}`).expect(204);
    expect(await count('stakeholder_contacts')).toBe(before - 2);
    await carla.get(base).expect(404);
  });
});
