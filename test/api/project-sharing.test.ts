import { createUserService } from '../../src/services/users';
import { addUser, loggedIn, loggedInByForm, makeApp, postForm, type TestApp } from '../helpers/app';

// A project is shared with colleagues: members read and edit everything in it, only the owner deletes it and
// chooses the members, everyone else gets a 404 (API and pages).
let t: TestApp;
let owner: Awaited<ReturnType<typeof loggedIn>>;
let member: Awaited<ReturnType<typeof loggedIn>>;
let outsider: Awaited<ReturnType<typeof loggedIn>>;
let memberId: number;
let outsiderId: number;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'olga@example.nl', 'consultant', 'Olga Eigenaar');
  memberId = (await addUser(t, 'mees@example.nl', 'consultant', 'Mees Collega')).id;
  outsiderId = (await addUser(t, 'nina@example.nl', 'trainer', 'Nina Buiten')).id;
  owner = await loggedIn(t, 'olga@example.nl');
  member = await loggedIn(t, 'mees@example.nl');
  outsider = await loggedIn(t, 'nina@example.nl');
});
const count = (sql: string, ...params: unknown[]) => t.db.one<number>(sql, ...params).then(Number);

/** Olga's project with one stakeholder, shared with Mees. */
async function sharedProject() {
  const p = (await owner.post('/api/projects').send({ client: 'Gemeente Ede', system: 'Zaaksysteem' }).expect(201)).body;
  const s = (
    await owner.post(`/api/projects/${p.id}/stakeholders`).send({ name: 'Hoofd Vergunningen', influence: 4, support: -1 }).expect(201)
  ).body;
  await owner.post(`/api/projects/${p.id}/members`).send({ email: 'mees@example.nl' }).expect(201);
  return { p, s, api: `/api/projects/${p.id}` };
}

describe('members of a project', () => {
  test('When the owner adds a colleague, then both see the members, and adding again is the same member (200)', async () => {
    const { api } = await sharedProject();
    const again = await owner.post(`${api}/members`).send({ email: ' MEES@example.nl ' }).expect(200);
    expect(again.body).toEqual({ id: memberId, email: 'mees@example.nl', name: 'Mees Collega' });
    for (const agent of [owner, member]) {
      const list = (await agent.get(`${api}/members`).expect(200)).body;
      expect(list.owner).toMatchObject({ email: 'olga@example.nl', name: 'Olga Eigenaar' });
      expect(list.members).toEqual([{ id: memberId, email: 'mees@example.nl', name: 'Mees Collega', addedAt: expect.any(String) }]);
    }
  });

  test('When the owner adds an unknown address or themself, then 400 naming the field, or 409, and nothing is added', async () => {
    const { p, api } = await sharedProject();
    const unknown = await owner.post(`${api}/members`).send({ email: 'niemand@example.nl' }).expect(400);
    expect(unknown.body.error).toMatchObject({ code: 'validation_failed', details: { fields: [{ field: 'email' }] } });
    expect(unknown.body.error.message).toMatch(/no user with this e-mail/i);
    await owner.post(`${api}/members`).send({ email: 'olga@example.nl' }).expect(409);
    await owner.post(`${api}/members`).send({}).expect(400);
    await owner.post(`${api}/members`).send({ email: 'a@b.nl', role: 'x' }).expect(400);
    const n = await count('SELECT count(*) FROM project_members m JOIN projects p ON p.id = m.project_id WHERE p.public_id = ?', p.id);
    expect(n).toBe(1);
  });

  test('When a member edits a stakeholder and logs a contact, then it is saved; the project lists as shared by the owner', async () => {
    const { p, s, api } = await sharedProject();
    await member.patch(`${api}/stakeholders/${s.id}`).send({ support: 1 }).expect(200);
    await member
      .post(`${api}/stakeholders/${s.id}/contacts`)
      .send({ date: '2026-11-20', remark: 'Wie is hier verantwoordelijk voor?' })
      .expect(201);
    await member.post(`${api}/stakeholders`).send({ name: 'Teamleider', influence: 2, support: 0 }).expect(201);
    await member.patch(api).send({ phase: 'Invoering' }).expect(200);
    const got = (await owner.get(`${api}/stakeholders/${s.id}`).expect(200)).body;
    expect(got).toMatchObject({ support: 1, contacts: [expect.objectContaining({ date: '2026-11-20' })] });
    const listed = (await member.get('/api/projects').expect(200)).body.find((x: { id: string }) => x.id === p.id);
    expect(listed).toMatchObject({ phase: 'Invoering', sharedBy: 'Olga Eigenaar' });
    expect((await owner.get('/api/projects').expect(200)).body.find((x: { id: string }) => x.id === p.id).sharedBy).toBeNull();
  });

  test('When a member tries to delete the project or manage members, then 403 with a clear message and nothing changes', async () => {
    const { p, api } = await sharedProject();
    const del = await member.delete(api).expect(403);
    expect(del.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/only the owner/i) });
    await member.post(`${api}/members`).send({ email: 'nina@example.nl' }).expect(403);
    const ownerRow = await t.db.one<number>('SELECT owner_id FROM projects WHERE public_id = ?', p.id);
    await member.delete(`${api}/members/${ownerRow}`).expect(403);
    const agent = await loggedInByForm(t, 'mees@example.nl');
    expect((await postForm(agent, `/projects/${p.id}`, `/projects/${p.id}/delete`, {})).status).toBe(403);
    // The page offers the delete form to the owner only.
    expect((await agent.get(`/projects/${p.id}`).expect(200)).text).not.toContain(`action="/projects/${p.id}/delete"`);
    const ownerAgent = await loggedInByForm(t, 'olga@example.nl');
    expect((await ownerAgent.get(`/projects/${p.id}`).expect(200)).text).toContain(`action="/projects/${p.id}/delete"`);
    expect(await count('SELECT count(*) FROM projects WHERE public_id = ?', p.id)).toBe(1);
    expect((await owner.get(`${api}/members`).expect(200)).body.members).toHaveLength(1);
  });

  test('When someone else asks for a shared project, then every route is a 404, on the API and the pages', async () => {
    const { p, s, api } = await sharedProject();
    await outsider.get(api).expect(404);
    await outsider.patch(api).send({ phase: 'x' }).expect(404);
    await outsider.delete(api).expect(404);
    await outsider.get(`${api}/members`).expect(404);
    await outsider.post(`${api}/members`).send({ email: 'nina@example.nl' }).expect(404);
    await outsider.delete(`${api}/members/${memberId}`).expect(404);
    await outsider.delete(`${api}/members/not-a-number`).expect(404);
    await outsider.get(`${api}/stakeholders/${s.id}`).expect(404);
    await outsider.post(`${api}/stakeholders/${s.id}/contacts`).send({ date: '2026-11-20' }).expect(404);
    await outsider.get(`${api}/next-actions`).expect(404);
    await outsider.get(`${api}/plan`).expect(404);
    await outsider.post(`${api}/plan`).send({ title: 'x', kind: 'train' }).expect(404);
    const page = await loggedInByForm(t, 'nina@example.nl');
    for (const path of ['', '/plan', '/development', '/export.csv', `/stakeholders/${s.id}`]) {
      await page.get(`/projects/${p.id}${path}`).expect(404);
    }
    expect((await page.get('/projects').expect(200)).text).not.toContain('Gemeente Ede');
  });

  test('When the owner removes the member, then the member gets 404 again; a member may also leave by themself', async () => {
    const { p, api } = await sharedProject();
    await owner.delete(`${api}/members/${memberId}`).expect(204);
    await member.get(api).expect(404);
    await owner.delete(`${api}/members/${memberId}`).expect(404);
    expect((await member.get('/api/projects').expect(200)).body.map((x: { id: string }) => x.id)).not.toContain(p.id);

    await owner.post(`${api}/members`).send({ email: 'mees@example.nl' }).expect(201);
    await member.delete(`${api}/members/${memberId}`).expect(204);
    await member.get(api).expect(404);
    await owner.get(api).expect(200);
    await owner.delete(`${api}/members/${outsiderId}`).expect(404);
  });

  test('When the owner deletes a shared project, then its members and actions go with it', async () => {
    const { p, api } = await sharedProject();
    await member.post(`${api}/plan`).send({ title: 'Werkinstructie schrijven', kind: 'train' }).expect(201);
    const id = await t.db.one<number>('SELECT id FROM projects WHERE public_id = ?', p.id);
    await owner.delete(api).expect(204);
    expect(await count('SELECT count(*) FROM project_members WHERE project_id = ?', id)).toBe(0);
    expect(await count('SELECT count(*) FROM plan_actions WHERE project_id = ?', id)).toBe(0);
    await member.get(api).expect(404);
  });
});

describe('the members section of the project page', () => {
  test('When the owner adds a colleague through the form, then the colleague sees the project, marked as shared by the owner', async () => {
    const p = (await owner.post('/api/projects').send({ client: 'Provincie Gelderland', system: 'Subsidies' }).expect(201)).body;
    const page = `/projects/${p.id}`;
    const olga = await loggedInByForm(t, 'olga@example.nl');
    const res = await postForm(olga, page, `${page}/members`, { email: 'nina@example.nl' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${page}#members`);
    const html = (await olga.get(page).expect(200)).text;
    expect(html).toContain('Nina Buiten (nina@example.nl)');
    const nina = await loggedInByForm(t, 'nina@example.nl');
    const list = (await nina.get('/projects').expect(200)).text;
    expect(list).toContain('Provincie Gelderland');
    expect(list).toContain('gedeeld door Olga Eigenaar');
    const seen = (await nina.get(page).expect(200)).text;
    expect(seen).toContain('De eigenaar heeft dit project met je gedeeld');
    expect(seen).not.toContain(`action="${page}/members#members"`); // no add form for a member
    // She leaves: back to her list, and the project is gone from it.
    const left = await postForm(nina, page, `${page}/members/${outsiderId}/delete`, {});
    expect(left.headers.location).toBe('/projects');
    await nina.get(page).expect(404);
  });

  test('When the owner types an unknown address or nothing, then the page comes back with the message at the field', async () => {
    const p = (await owner.post('/api/projects').send({ client: 'Gemeente Oss', system: 'Zaaksysteem' }).expect(201)).body;
    const page = `/projects/${p.id}`;
    const olga = await loggedInByForm(t, 'olga@example.nl');
    const unknown = await postForm(olga, page, `${page}/members`, { email: 'wie@example.nl' });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Er is geen account met dit e-mailadres.');
    expect(unknown.text).toContain('value="wie@example.nl"');
    expect((await postForm(olga, page, `${page}/members`, { email: '' })).status).toBe(400);
    expect((await postForm(olga, page, `${page}/members`, { email: 'olga@example.nl' })).status).toBe(409);
    expect((await owner.get(`/api/projects/${p.id}/members`).expect(200)).body.members).toEqual([]);
  });
});

describe('removing a user (CLI user remove) and shared projects', () => {
  test('When the owner is removed, then a shared project passes to the colleague added first, and an unshared one is deleted', async () => {
    const u = await makeApp();
    await addUser(u, 'weg@example.nl', 'consultant', 'Wim Weg');
    const first = await addUser(u, 'eerst@example.nl', 'consultant', 'Eva Eerst');
    const second = await addUser(u, 'later@example.nl', 'trainer', 'Lex Later');
    const leaving = await loggedIn(u, 'weg@example.nl');
    const shared = (await leaving.post('/api/projects').send({ client: 'Gedeeld', system: 'X' }).expect(201)).body;
    const alone = (await leaving.post('/api/projects').send({ client: 'Alleen', system: 'Y' }).expect(201)).body;
    await leaving.post(`/api/projects/${shared.id}/members`).send({ email: 'eerst@example.nl' }).expect(201);
    await leaving.post(`/api/projects/${shared.id}/members`).send({ email: 'later@example.nl' }).expect(201);
    await leaving.post(`/api/projects/${shared.id}/plan`).send({ title: 'Extra training', kind: 'train' }).expect(201);

    await createUserService(u.store).remove('weg@example.nl');

    const n = (sql: string, ...params: unknown[]) => u.db.one<number>(sql, ...params).then(Number);
    expect(await n('SELECT count(*) FROM projects WHERE public_id = ?', alone.id)).toBe(0);
    expect(await n('SELECT owner_id FROM projects WHERE public_id = ?', shared.id)).toBe(first.id);
    const members = await u.db.sql<{ user_id: number }>('SELECT user_id FROM project_members');
    expect(members.map((m) => Number(m.user_id))).toEqual([second.id]);
    const eva = await loggedIn(u, 'eerst@example.nl');
    await eva.delete(`/api/projects/${shared.id}/members/${second.id}`).expect(204); // she owns it now
    expect((await eva.get(`/api/projects/${shared.id}/plan`).expect(200)).body).toHaveLength(1);
  });
});
