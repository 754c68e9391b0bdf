import { addUser, createAssessment, joinAndComplete, loggedIn, makeApp, type TestApp } from '../helpers/app';

// The printable team report: /trainer/sessions/:id/report for the session's trainers, /w/:token/report for its participants.
let t: TestApp;
let owner: Awaited<ReturnType<typeof loggedIn>>;
let co: Awaited<ReturnType<typeof loggedIn>>;
let third: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  t = await makeApp();
  await Promise.all([addUser(t, 'owner@example.nl'), addUser(t, 'co@example.nl'), addUser(t, 'third@example.nl')]);
  [owner, co, third] = await Promise.all([loggedIn(t, 'owner@example.nl'), loggedIn(t, 'co@example.nl'), loggedIn(t, 'third@example.nl')]);
});
afterAll(() => t.app.live.closeAll());

// Names nobody would write in a text of the app: if one shows up, it came from the participants.
const TEAM = [
  ['Wietske Zwanenburg', 'orange', 'purple'],
  ['Gerrit Oudeboom', 'orange', 'green'],
  ['Jolanda Kwakernaak', 'yellow', 'purple'],
  ['Hidde Schuttevaer', 'red', 'green'],
  ['Marijke Tuinstra', 'blue', 'red'],
] as const;
const NAMES = TEAM.map((m) => m[0]);

async function session(body: Record<string, unknown> = {}, team: readonly (readonly [string, string, string])[] = TEAM) {
  const s = (
    await owner
      .post('/api/sessions')
      .send({ title: 'Team Oost', minGroupSize: 3, ...body })
      .expect(201)
  ).body as { id: string; code: string };
  const tokens: string[] = [];
  for (const [name, most, least] of team) tokens.push(await joinAndComplete(t, s.code, name, most, least));
  return { ...s, tokens };
}
const report = (agent: typeof owner, id: string, query = '') => agent.get(`/trainer/sessions/${id}/report${query}`);
const svgs = (html: string) => [...html.matchAll(/<svg class="([\w-]+)" role="img"/g)].map((m) => m[1]);

describe("the trainer's report", () => {
  test('Before the reveal it is a 409 page that says when the report will be there, with no names in it', async () => {
    const s = await session();
    const res = await report(owner, s.id);
    expect(res.status).toBe(409);
    expect(res.text).toContain('Het teamrapport is er nog niet');
    expect(res.text).toContain('toon het teambeeld op het dashboard');
    for (const name of NAMES) expect(res.text).not.toContain(name);
  });

  test('Before enough people have completed, the 409 page says how many are needed and how many are done', async () => {
    const s = await session({ minGroupSize: 4 }, TEAM.slice(0, 2));
    const res = await report(owner, s.id);
    expect(res.status).toBe(409);
    expect(res.text).toContain('Dat kan als 4 mensen klaar zijn. Nu zijn 2 mensen klaar.');
  });

  test('After the reveal the owner and a co-trainer get the report with its four SVG charts; another trainer gets a 404', async () => {
    const s = await session();
    await owner.post(`/api/sessions/${s.id}/trainers`).send({ email: 'co@example.nl' }).expect(201);
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    for (const agent of [owner, co]) {
      const res = await report(agent, s.id).expect(200);
      expect(res.headers['cache-control']).toContain('no-store');
      expect(svgs(res.text)).toEqual(['team-chart', 'team-centre', 'team-sides', 'team-grid']);
      expect(res.text.match(/<svg/g)).toHaveLength(4);
      expect(res.text).not.toMatch(/<canvas|<script(?![^>]*src=)/);
      expect(res.text).toContain('Gebruik dit rapport niet om mensen te kiezen of te beoordelen.');
    }
    expect((await report(third, s.id)).status).toBe(404);
    expect((await report(owner, 'AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await t.http().get(`/trainer/sessions/${s.id}/report`)).status).not.toBe(200);
  });

  test('A named session shows who is where, who differ most, and the agreements; without agreements it says there are none yet', async () => {
    const s = await session();
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const before = (await report(owner, s.id).expect(200)).text;
    expect(before).toContain('Er zijn nog geen afspraken.');
    await owner
      .put(`/api/sessions/${s.id}/agreements`)
      .send({
        items: [{ text: 'We vragen eerst wat er goed ging met het oude systeem.', drive: 'purple' }, { text: 'Elke afspraak op papier.' }],
      })
      .expect(200);
    const html = (await report(owner, s.id).expect(200)).text;
    for (const name of NAMES) expect(html).toContain(name);
    expect(html).toContain('data-pairs="named"');
    expect(html).toContain('Vraag elkaar: hoe komt mijn drijfveer bij jou over?');
    expect(html).toContain('We vragen eerst wat er goed ging met het oude systeem.');
    expect(html).toContain('bij Verbondenheid');
    expect(html).not.toContain('Er zijn nog geen afspraken.');
    // Blind spots with clients: how such clients sound, what the team may do wrong, what helps.
    expect(html).toContain('Zo kan een klant met deze drijfveer klinken');
    expect(html).toMatch(/<blockquote><p>[^<]{20,}<\/p><\/blockquote>/);
  });

  test('An anonymous session has counts only: no participant names anywhere in the report', async () => {
    const s = await session({ anonymous: true });
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const html = (await report(owner, s.id).expect(200)).text;
    for (const name of NAMES) for (const part of name.split(' ')) expect(html).not.toContain(part);
    expect(html).not.toContain('data-names');
    expect(html).toContain('data-pairs="anonymous"');
    expect(html).toContain('Anonieme sessie: in dit rapport staan geen namen.');
    expect(html).toMatch(/data-count="1"/);
  });

  test("The report follows the session's language, not the trainer's: an English session renders English headings", async () => {
    const s = await session({ lang: 'en' });
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    await owner.get('/trainer?lang=nl').expect(200); // the trainer's own pages in Dutch
    const html = (await report(owner, s.id).expect(200)).text;
    expect(html).toContain('<html lang="en">');
    for (const heading of [
      'The team per drive',
      'The diversity map',
      'Self side and group side',
      'Energy and friction',
      'Blind spots with clients',
    ])
      expect(html).toContain(heading);
    expect(html).not.toContain('De diversiteitskaart');
    expect(html).toContain('How a client with this drive may sound');
  });

  test('While an anonymous picture is renewed after a removal, the report is a 409 that says at how many it returns', async () => {
    const s = await session({ anonymous: true, minGroupSize: 3 }, TEAM.slice(0, 4));
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    await report(owner, s.id).expect(200);
    const members = (await owner.get(`/api/sessions/${s.id}/summary`).expect(200)).body.members as { id: number }[];
    await owner.delete(`/api/sessions/${s.id}/participants/${members[0]!.id}`).expect(204);
    const res = await report(owner, s.id);
    expect(res.status).toBe(409);
    expect(res.text).toMatch(/Het komt terug als \d+ mensen klaar zijn\./);
  });
});

describe("a participant's report", () => {
  const mine = (token: string) => t.http().get(`/w/${token}/report`);

  test('An unknown link and a self-assessment get a 404; before the reveal a 409 page says it comes after the reveal', async () => {
    expect((await mine('x'.repeat(24))).status).toBe(404);
    expect((await mine(await createAssessment(t))).status).toBe(404);
    const s = await session();
    const res = await mine(s.tokens[0]!);
    expect(res.status).toBe(409);
    expect(res.text).toContain('zodra de trainer het teambeeld heeft getoond');
    for (const name of NAMES) expect(res.text).not.toContain(name);
  });

  test('After the reveal: the report in the session language; anonymous without names, without agreements when there are none', async () => {
    const s = await session({ anonymous: true, lang: 'en' });
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const res = await mine(s.tokens[1]!).expect(200);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(svgs(res.text)).toHaveLength(4);
    expect(res.text).toContain('The diversity map');
    for (const name of NAMES) for (const part of name.split(' ')) expect(res.text).not.toContain(part);
    expect(res.text).not.toContain('report-agreements');
    expect(res.text).toContain(`href="/p/${s.tokens[1]}"`);
    expect(res.text).not.toContain(`/trainer/sessions/${s.id}`);
  });

  test('In a named session a participant sees the names, as the group did when the team picture was shown, and the agreements', async () => {
    const s = await session();
    await owner
      .put(`/api/sessions/${s.id}/agreements`)
      .send({ items: [{ text: 'Eerst luisteren, dan pas de demo.' }] })
      .expect(200);
    await owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const html = (await mine(s.tokens[0]!).expect(200)).text;
    for (const name of NAMES) expect(html).toContain(name);
    expect(html).toContain('Eerst luisteren, dan pas de demo.');
  });
});
