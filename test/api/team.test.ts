import { addUser, joinAndComplete, loggedIn, makeApp, type TestApp } from '../helpers/app';

let t: TestApp;
let owner: Awaited<ReturnType<typeof loggedIn>>;
let co: Awaited<ReturnType<typeof loggedIn>>;
let third: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  t = await makeApp();
  await Promise.all([
    addUser(t, 'owner@example.nl'),
    addUser(t, 'co@example.nl'),
    addUser(t, 'third@example.nl'),
    addUser(t, 'consultant@example.nl', 'consultant'),
  ]);
  [owner, co, third] = await Promise.all([loggedIn(t, 'owner@example.nl'), loggedIn(t, 'co@example.nl'), loggedIn(t, 'third@example.nl')]);
});
afterAll(() => t.app.live.closeAll());

type Session = { id: string; code: string };
const newSession = async (body: Record<string, unknown> = {}) =>
  (
    await owner
      .post('/api/sessions')
      .send({ title: 'Team Oost', minGroupSize: 3, ...body })
      .expect(201)
  ).body as Session;
const TEAM = [
  ['Anna', 'purple', 'red'],
  ['Bram', 'blue', 'green'],
  ['Cees', 'orange', 'purple'],
  ['Dina', 'green', 'orange'],
] as const;
async function filled(body: Record<string, unknown> = {}) {
  const s = await newSession(body);
  for (const [name, most, least] of TEAM) await joinAndComplete(t, s.code, name, most, least);
  return s;
}

describe('co-trainers', () => {
  test('When the owner adds a co-trainer, then they can run the session (present, rounds, reveal, results) but not delete it or change its trainers', async () => {
    const s = await filled();
    const added = await owner.post(`/api/sessions/${s.id}/trainers`).send({ email: 'CO@example.nl ' }).expect(201);
    expect(added.body).toMatchObject({ email: 'co@example.nl' });
    await owner.post(`/api/sessions/${s.id}/trainers`).send({ email: 'co@example.nl' }).expect(200); // already one: no second row
    expect((await owner.get(`/api/sessions/${s.id}/trainers`).expect(200)).body.coTrainers).toHaveLength(1);

    await co.get(`/api/sessions/${s.id}`).expect(200);
    await co.get(`/trainer/sessions/${s.id}/present`).expect(200);
    const x = (await co.post(`/api/sessions/${s.id}/exercises`).send({ kind: 'open', prompt: 'Wat hoor je?' }).expect(201)).body;
    await co.post(`/api/sessions/${s.id}/exercises/${x.id}/open`).send({}).expect(200);
    await co.post(`/api/sessions/${s.id}/reveal`).expect(200);
    await co.get(`/api/sessions/${s.id}/export.json`).expect(200);
    expect(((await co.get('/api/sessions').expect(200)).body as { id: string; shared: boolean }[]).find((w) => w.id === s.id)!.shared).toBe(
      true,
    );
    expect(
      ((await owner.get('/api/sessions').expect(200)).body as { id: string; shared: boolean }[]).find((w) => w.id === s.id)!.shared,
    ).toBe(false);
    // The dashboard shows a co-trainer no delete button.
    expect((await co.get(`/trainer/sessions/${s.id}`).expect(200)).text).not.toContain(`/trainer/sessions/${s.id}/delete`);
    expect((await owner.get(`/trainer/sessions/${s.id}`).expect(200)).text).toContain(`/trainer/sessions/${s.id}/delete`);

    expect((await co.delete(`/api/sessions/${s.id}`)).status).toBe(403);
    expect((await co.post(`/api/sessions/${s.id}/trainers`).send({ email: 'third@example.nl' })).status).toBe(403);
    const coId = added.body.id as number;
    expect((await co.delete(`/api/sessions/${s.id}/trainers/${coId}`)).status).toBe(403);
    await owner.get(`/api/sessions/${s.id}`).expect(200); // still there

    // Anyone else still gets 404, as before.
    for (const res of await Promise.all([
      third.get(`/api/sessions/${s.id}`),
      third.get(`/api/sessions/${s.id}/team`),
      third.get(`/api/sessions/${s.id}/trainers`),
      third.post(`/api/sessions/${s.id}/trainers`).send({ email: 'third@example.nl' }),
      third.put(`/api/sessions/${s.id}/agreements`).send({ items: [] }),
      third.get(`/trainer/sessions/${s.id}/present`),
    ]))
      expect(res.status).toBe(404);

    await owner.delete(`/api/sessions/${s.id}/trainers/${coId}`).expect(204);
    expect((await co.get(`/api/sessions/${s.id}`)).status).toBe(404);
    expect((await owner.delete(`/api/sessions/${s.id}/trainers/${coId}`)).status).toBe(404);
  });

  test.each([
    ['an unknown address', { email: 'nobody@example.nl' }, 400],
    ["a consultant's address", { email: 'consultant@example.nl' }, 400],
    ["the owner's own address", { email: 'owner@example.nl' }, 409],
    ['no address', {}, 400],
    ['an extra field', { email: 'co@example.nl', role: 'admin' }, 400],
  ])('When the owner adds %s as co-trainer, then a clear 4xx and no co-trainer', async (_what, body, status) => {
    const s = await newSession();
    expect((await owner.post(`/api/sessions/${s.id}/trainers`).send(body)).status).toBe(status);
    expect((await owner.get(`/api/sessions/${s.id}/trainers`).expect(200)).body.coTrainers).toEqual([]);
  });
});

describe('agreements', () => {
  test('When the trainer saves the team agreements, then they come back in order, with their drives, in the team picture and the export too', async () => {
    const s = await filled();
    const items = [
      { text: 'We vragen eerst wat er goed ging met het oude systeem.', drive: 'purple' },
      { text: 'Elke afspraak komt op papier.' },
    ];
    const saved = (await owner.put(`/api/sessions/${s.id}/agreements`).send({ items }).expect(200)).body.agreements;
    expect(saved).toEqual([
      { text: items[0]!.text, drive: 'purple' },
      { text: items[1]!.text, drive: null },
    ]);
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    expect((await owner.get(`/api/sessions/${s.id}/team`).expect(200)).body.agreements).toEqual(saved);
    expect((await owner.get(`/api/sessions/${s.id}/export.json`).expect(200)).body.agreements).toEqual(saved);
  });

  test.each([
    ['an empty text', { items: [{ text: '  ' }] }],
    ['a text of 201 characters', { items: [{ text: 'x'.repeat(201) }] }],
    ['an unknown drive', { items: [{ text: 'Samen', drive: 'pink' }] }],
    ['13 agreements', { items: Array.from({ length: 13 }, (_, i) => ({ text: `Afspraak ${i}` })) }],
    ['no list', { text: 'x' }],
  ])('When the agreements have %s, then 400 and what was saved stays', async (_what, body) => {
    const s = await newSession();
    await owner
      .put(`/api/sessions/${s.id}/agreements`)
      .send({ items: [{ text: 'Blijft staan' }] })
      .expect(200);
    expect((await owner.put(`/api/sessions/${s.id}/agreements`).send(body)).status).toBe(400);
    expect((await t.store.workshops.findByPublicId(s.id))!.agreements).toEqual([{ text: 'Blijft staan', drive: null }]);
  });
});

describe('the team picture', () => {
  test('After the reveal of a named session, the picture places all four by first and second drive, with names, and pairs', async () => {
    const s = await filled();
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const team = (await owner.get(`/api/sessions/${s.id}/team`).expect(200)).body;
    expect(team.n).toBe(4);
    expect(team.diversity.reduce((a: number, c: { count: number }) => a + c.count, 0)).toBe(4);
    const placed = team.diversity.flatMap((c: { members: string[] }) => c.members).sort();
    expect(placed).toEqual(['Anna', 'Bram', 'Cees', 'Dina']);
    // Each was made to choose their drive most in every situation: it comes first.
    for (const [name, most] of TEAM) expect(team.diversity.find((c: { members: string[] }) => c.members.includes(name)).first).toBe(most);
    expect(team.orientation.self + team.orientation.group + team.orientation.balanced).toBe(4);
    expect(team.pairs.length).toBeGreaterThan(0);
  });

  test('After the reveal of an anonymous session, the picture has counts only: no alias anywhere, no pairs', async () => {
    const s = await filled({ anonymous: true });
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const team = (await owner.get(`/api/sessions/${s.id}/team`).expect(200)).body;
    expect(team.n).toBe(4);
    const text = JSON.stringify(team);
    for (const [name] of TEAM) expect(text).not.toContain(name);
    const aliases = (
      await t.db.sql<{ name: string }>(
        'SELECT name FROM assessments WHERE workshop_id = (SELECT id FROM workshops WHERE public_id = ?)',
        s.id,
      )
    ).map((r) => r.name);
    for (const alias of aliases) expect(text).not.toContain(alias);
    expect(team.pairs).toEqual([]);
    expect(team.diversity.every((c: { members?: unknown }) => c.members === undefined)).toBe(true);
  });

  test('Before the reveal the team picture is a 409 with nothing in it', async () => {
    const s = await filled();
    const res = await owner.get(`/api/sessions/${s.id}/team`);
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).not.toContain('Anna');
  });
});

describe('a combined team picture', () => {
  test('When a trainer combines two revealed sessions, then one aggregate picture covers both: no names, no pairs', async () => {
    const a = await filled();
    const b = await filled({ anonymous: true });
    for (const s of [a, b]) await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const res = await owner.get(`/api/team/combined?sessions=${a.id},${b.id}`).expect(200);
    expect(res.body.n).toBe(8);
    expect(res.body.sessions.map((s: { id: string }) => s.id)).toEqual([a.id, b.id]);
    expect(res.body.pairs).toEqual([]);
    for (const [name] of TEAM) expect(JSON.stringify(res.body)).not.toContain(name);
    expect(res.body.diversity.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(8);
  });

  test("When a session in the list is not revealed, is someone else's, or there is only one, then 409, 404 and 400", async () => {
    const a = await filled();
    const b = await filled();
    await owner.post(`/api/sessions/${a.id}/reveal`).expect(200);
    expect((await owner.get(`/api/team/combined?sessions=${a.id},${b.id}`)).status).toBe(409);
    const other = (await third.post('/api/sessions').send({ title: 'Niet van jou' }).expect(201)).body as Session;
    expect((await owner.get(`/api/team/combined?sessions=${a.id},${other.id}`)).status).toBe(404);
    expect((await owner.get(`/api/team/combined?sessions=${a.id}`)).status).toBe(400);
    expect((await owner.get(`/api/team/combined?sessions=${a.id},${a.id}`)).status).toBe(400);
  });

  test('When removals leave fewer people than the largest minimum group size, then the combined picture is withheld', async () => {
    const big = await newSession({ minGroupSize: 4 });
    const tokens: string[] = [];
    for (const [name, most, least] of TEAM) tokens.push(await joinAndComplete(t, big.code, name, most, least));
    await owner.post(`/api/sessions/${big.id}/reveal`).expect(200);
    for (const token of tokens.slice(0, 3)) await t.http().delete(`/api/assessments/${token}`).expect(204);
    const small = await newSession({ minGroupSize: 1 });
    await joinAndComplete(t, small.code, 'Eva', 'yellow', 'blue');
    await owner.post(`/api/sessions/${small.id}/reveal`).expect(200);
    const res = await owner.get(`/api/team/combined?sessions=${big.id},${small.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual({ n: 2, minGroupSize: 4 });
  });
});
