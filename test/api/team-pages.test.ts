import type request from 'supertest';
import { addUser, csrfTokenIn, joinAndComplete, loggedIn, loggedInByForm, makeApp, postForm, type TestApp } from '../helpers/app';

// The team view on the dashboard and on the participant's phone, the agreements form and the co-trainer forms
// (plain forms, no JavaScript): issue 17.
let t: TestApp;
let owner: request.Agent;
let co: request.Agent;
let third: request.Agent;

beforeAll(async () => {
  t = await makeApp({ RATE_LIMIT_JOIN_PER_CLIENT: '1000', RATE_LIMIT_ASSESSMENTS_PER_IP: '10000' });
  await Promise.all([
    addUser(t, 'owner@example.nl', 'trainer', 'Olga Owner'),
    addUser(t, 'co@example.nl', 'trainer', 'Cor Co'),
    addUser(t, 'third@example.nl'),
    addUser(t, 'consultant@example.nl', 'consultant'),
  ]);
  owner = await loggedInByForm(t, 'owner@example.nl');
  co = await loggedInByForm(t, 'co@example.nl');
  third = await loggedInByForm(t, 'third@example.nl');
});
afterAll(() => t.app.live.closeAll());

const TEAM = [
  ['Anna', 'purple', 'red'],
  ['Bram', 'blue', 'green'],
  ['Cees', 'orange', 'purple'],
  ['Dina', 'green', 'orange'],
] as const;
type Session = { id: string; code: string; tokens: string[] };
async function filled(body: Record<string, unknown> = {}): Promise<Session> {
  const s = (
    await owner
      .post('/api/sessions')
      .send({ title: 'Team Oost', minGroupSize: 3, ...body })
      .expect(201)
  ).body as Session;
  s.tokens = [];
  for (const [name, most, least] of TEAM) s.tokens.push(await joinAndComplete(t, s.code, name, most, least));
  return s;
}
const dashboard = (id: string) => `/trainer/sessions/${id}`;
/** The team view's own section of the dashboard: between its heading and the agreements. */
const teamSection = (html: string) => html.slice(html.indexOf('id="team-view"'), html.indexOf('id="agreements"'));
const reveal = (s: Session) => owner.post(`/api/sessions/${s.id}/reveal`).expect(200);
const agreementsOf = async (id: string) => (await t.store.workshops.findByPublicId(id))!.agreements;

describe('the team view on the dashboard', () => {
  test('Before the reveal there is only a note and no names; after it the grid with names, the sides, the pairs to practise, blind spots and the report link', async () => {
    const s = await filled();
    const before = teamSection((await owner.get(dashboard(s.id)).expect(200)).text);
    expect(before).toContain('Dit deel verschijnt als je het teambeeld hebt getoond.');
    expect(before).not.toMatch(/Anna|Bram|team-grid/);

    await reveal(s);
    const after = teamSection((await owner.get(dashboard(s.id)).expect(200)).text);
    expect(after).toContain('Mix van eerste en tweede drijfveer');
    expect(after.match(/<th scope="row"/g)).toHaveLength(6);
    expect(after.match(/class="team-grid-same"/g)).toHaveLength(6);
    for (const [name] of TEAM) expect(after).toContain(`<li>${name}</li>`);
    expect(after).toContain('Dit beeld gaat over 4 mensen die de vragenlijst hebben ingevuld.');
    expect(after).toContain('In een kleine groep verandert het beeld al als één persoon anders antwoordt.');
    expect(after).toContain('Ik-kant');
    expect(after).toContain('Hoe komt mijn drijfveer op jou over?');
    expect(after).toMatch(/<li>\w+ en \w+<\/li>/);
    expect(after).toContain('Blinde vlekken bij klanten');
    expect(after).toContain(`href="/trainer/sessions/${s.id}/report"`);
    expect(after).not.toMatch(/<script>|style="/);
  });

  test('In an anonymous session the team view has counts only: no participant names, no pairs', async () => {
    const s = await filled({ anonymous: true });
    await reveal(s);
    const html = teamSection((await owner.get(dashboard(s.id)).expect(200)).text);
    expect(html).toContain('team-grid-count');
    expect(html).toContain('Anonieme sessie: je ziet alleen hoeveel mensen in een vakje zitten, geen namen.');
    for (const [name] of TEAM) expect(html).not.toContain(name);
    expect(html).not.toContain('team-grid-names');
    expect(html).toContain('In een anonieme sessie tonen we geen tweetallen.');
  });
  test('In English the team view, the agreements and the trainers read in English, the client quotes in the session language', async () => {
    const s = await filled();
    await reveal(s);
    const html = (await owner.get(`${dashboard(s.id)}?lang=en`).expect(200)).text;
    expect(html).toContain('The team view in detail');
    expect(html).toContain('Mix of first and second drive');
    expect(html).toContain('Self side and group side');
    expect(html).toContain('How does my drive come across to you?');
    expect(html).toContain('Agreements: what we do differently with clients');
    expect(html).toContain('Training together');
    expect(html).toMatch(/<blockquote lang="nl">/);
    await owner.get(`${dashboard(s.id)}?lang=nl`).expect(200); // ?lang is remembered: back to Dutch for the other tests
  });
});

describe('the agreements form', () => {
  test('When the trainer saves rows (also before the reveal), then empty rows are dropped, the order and drives kept, 303 to #agreements', async () => {
    const s = await filled();
    const page = (await owner.get(dashboard(s.id)).expect(200)).text;
    expect(page).toContain('Afspraken: wat we anders doen bij klanten');
    expect(page.match(/name="text-\d+"/g)).toHaveLength(3); // nothing saved yet: three empty rows
    const res = await postForm(owner, dashboard(s.id), `${dashboard(s.id)}/agreements`, {
      'text-1': 'We vragen eerst wat er goed ging met het oude systeem.',
      'drive-1': 'purple',
      'text-2': '  ',
      'drive-2': '',
      'text-3': 'Elke afspraak komt op papier.',
      'drive-3': '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/trainer/sessions/${s.id}#agreements`);
    expect(await agreementsOf(s.id)).toEqual([
      { text: 'We vragen eerst wat er goed ging met het oude systeem.', drive: 'purple' },
      { text: 'Elke afspraak komt op papier.', drive: null },
    ]);
    const again = (await owner.get(dashboard(s.id)).expect(200)).text;
    expect(again.match(/name="text-\d+"/g)).toHaveLength(5); // two saved and three empty
    expect(again).toContain('value="Elke afspraak komt op papier."');
    expect(again).toMatch(/<option value="purple" selected>/);
  });

  test('When a row is too long or has a drive without text, then 400, the dashboard again with the messages and everything as typed, nothing saved', async () => {
    const s = await filled();
    const long = 'x'.repeat(201);
    const res = await postForm(owner, dashboard(s.id), `${dashboard(s.id)}/agreements`, {
      'text-1': 'Blijft staan <b>zoals getypt</b>',
      'drive-1': 'green',
      'text-2': long,
      'drive-2': '',
      'text-3': '',
      'drive-3': 'red',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('De afspraken zijn niet bewaard.');
    expect(res.text).toContain('value="Blijft staan &lt;b&gt;zoals getypt&lt;/b&gt;"');
    expect(res.text).toContain(`value="${long}"`);
    expect(res.text).toContain('Schrijf de afspraak in hoogstens 200 tekens.');
    expect(res.text).toContain('Schrijf de afspraak bij deze drijfveer, of kies &#39;Geen drijfveer&#39;.');
    expect(res.text).toMatch(/id="agreement-text-2" name="text-2" maxlength="200" value="x+" aria-invalid="true"/);
    expect(res.text).toMatch(/<select id="agreement-drive-3" name="drive-3" >[\s\S]*?<option value="red" selected>/);
    expect(await agreementsOf(s.id)).toEqual([]);
    // An unknown drive is refused as well.
    const bad = await postForm(owner, dashboard(s.id), `${dashboard(s.id)}/agreements`, { 'text-1': 'Samen', 'drive-1': 'pink' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Kies een drijfveer uit de lijst.');
  });

  test('Without a valid form token the post is refused (403) and nothing is saved; someone else gets 404', async () => {
    const s = await filled();
    const res = await owner
      .post(`${dashboard(s.id)}/agreements`)
      .type('form')
      .send({ 'text-1': 'Zonder token' });
    expect(res.status).toBe(403);
    const own = csrfTokenIn((await third.get('/trainer').expect(200)).text);
    const other = await third
      .post(`${dashboard(s.id)}/agreements`)
      .type('form')
      .send({ _csrf: own, 'text-1': 'Van buiten' });
    expect(other.status).toBe(404);
    expect(await agreementsOf(s.id)).toEqual([]);
  });
});

describe('co-trainers on the dashboard', () => {
  test('The owner adds and removes a co-trainer; the co-trainer sees who trains but no forms, and cannot post them (403); a third trainer gets 404', async () => {
    const s = await filled();
    const empty = (await owner.get(dashboard(s.id)).expect(200)).text;
    expect(empty).toContain('Nog geen medetrainers.');
    expect(empty).toContain(`action="/trainer/sessions/${s.id}/trainers#trainers"`);
    const added = await postForm(owner, dashboard(s.id), `${dashboard(s.id)}/trainers`, { email: ' CO@example.nl ' });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe(`/trainer/sessions/${s.id}#trainers`);
    const coId = (await t.store.workshops.trainers((await t.store.workshops.findByPublicId(s.id))!.id))[0]!.id;
    expect((await owner.get(dashboard(s.id)).expect(200)).text).toContain(`action="/trainer/sessions/${s.id}/trainers/${coId}/delete"`);

    const coPage = (await co.get(dashboard(s.id)).expect(200)).text;
    expect(coPage).toContain('Je bent medetrainer van deze sessie.');
    expect(coPage).toContain('Olga Owner (owner@example.nl)');
    expect(coPage).toContain('Cor Co (co@example.nl) (jij)');
    expect(coPage).not.toContain('/trainers#trainers');
    expect(coPage).not.toContain(`/trainers/${coId}/delete`);
    const coToken = csrfTokenIn(coPage);
    expect(
      (
        await co
          .post(`${dashboard(s.id)}/trainers`)
          .type('form')
          .send({ _csrf: coToken, email: 'third@example.nl' })
      ).status,
    ).toBe(403);
    expect(
      (
        await co
          .post(`${dashboard(s.id)}/trainers/${coId}/delete`)
          .type('form')
          .send({ _csrf: coToken })
      ).status,
    ).toBe(403);

    const thirdToken = csrfTokenIn((await third.get('/trainer').expect(200)).text);
    for (const path of ['trainers', `trainers/${coId}/delete`, 'agreements'])
      expect(
        (
          await third
            .post(`${dashboard(s.id)}/${path}`)
            .type('form')
            .send({ _csrf: thirdToken, email: 'x@example.nl' })
        ).status,
      ).toBe(404);
    expect((await third.get(dashboard(s.id))).status).toBe(404);

    const removed = await postForm(owner, dashboard(s.id), `${dashboard(s.id)}/trainers/${coId}/delete`, {});
    expect(removed.status).toBe(303);
    expect((await co.get(dashboard(s.id))).status).toBe(404);
    expect((await postForm(owner, dashboard(s.id), `${dashboard(s.id)}/trainers/${coId}/delete`, {})).status).toBe(404);
    expect((await postForm(owner, dashboard(s.id), `${dashboard(s.id)}/trainers/abc/delete`, {})).status).toBe(404);
  });

  test.each([
    ['an unknown address', 'nobody@example.nl', 400, 'Er is geen trainer met dit e-mailadres.'],
    ["a consultant's address", 'consultant@example.nl', 400, 'Er is geen trainer met dit e-mailadres.'],
    ['the own address', 'owner@example.nl', 409, 'Dit is het adres van de eigenaar.'],
    ['nothing', '   ', 400, 'Vul een e-mailadres in.'],
  ])(
    'When the owner adds %s ("%s") as co-trainer, then %i: the dashboard again with the message at the field and the address as typed',
    async (_what, email, status, message) => {
      const s = await filled();
      const res = await postForm(owner, dashboard(s.id), `${dashboard(s.id)}/trainers`, { email });
      expect(res.status).toBe(status);
      expect(res.text).toContain(message);
      expect(res.text).toMatch(
        new RegExp(`id="trainer-email" name="email" autocomplete="off" maxlength="254" value="${email}"[^>]*aria-invalid="true"`),
      );
      expect(await t.store.workshops.trainers((await t.store.workshops.findByPublicId(s.id))!.id)).toEqual([]);
    },
  );
});

describe("the participant's phone", () => {
  const screen = async (token: string) => (await t.http().get(`/w/${token}?lang=nl`).expect(200)).text;
  const teamPart = (html: string) => html.slice(html.indexOf('data-team-view'), html.indexOf('screen-questionnaire'));

  test("At the team step the phone shows the team view only after the reveal: counts and the own place in a named session, no one else's name", async () => {
    const s = await filled();
    await owner.post(`/api/sessions/${s.id}/step`).send({ to: 'team' }).expect(200);
    const [anna] = s.tokens;
    expect(await screen(anna!)).not.toContain('data-team-view');
    expect((await t.http().get(`/w/${anna}/team`)).status).toBe(204);

    await reveal(s);
    const html = teamPart(await screen(anna!));
    expect(html).toContain('Het teambeeld');
    expect(html).toContain('Jouw plek: eerst Verbondenheid');
    expect(html).toContain('· jij');
    for (const [name] of TEAM) expect(html).not.toContain(name);
    expect(html).toContain(`href="/w/${anna}/report"`);
    const fragment = await t.http().get(`/w/${anna}/team?lang=nl`).expect(200);
    expect(fragment.headers['content-type']).toMatch(/^text\/html/);
    expect(fragment.headers['cache-control']).toBe('no-store');
    expect(fragment.text).toContain('Jouw plek: eerst Verbondenheid');
    expect(fragment.text).not.toMatch(/<html|<script/);
  });

  test('In an anonymous session the phone shows counts only: no names and no own place', async () => {
    const s = await filled({ anonymous: true });
    await owner.post(`/api/sessions/${s.id}/step`).send({ to: 'team' }).expect(200);
    await reveal(s);
    for (const token of s.tokens) {
      const html = teamPart(await screen(token));
      expect(html).toContain('Anonieme sessie: je ziet alleen aantallen, geen namen.');
      expect(html).toContain('Mix van eerste en tweede drijfveer');
      expect(html).not.toContain('Jouw plek');
      for (const [name] of TEAM) expect(html).not.toContain(name);
    }
  });
});

describe('the combined picture page', () => {
  test('When a trainer picks two revealed sessions on their list, then one page shows them together without names; one pick gets 400 with the reason', async () => {
    const t2 = await makeApp();
    await addUser(t2, 'combine@example.nl');
    const agent = await loggedIn(t2, 'combine@example.nl');
    const ids: string[] = [];
    for (const title of ['Workshop A', 'Workshop B']) {
      const s = (await agent.post('/api/sessions').send({ title, minGroupSize: 2 }).expect(201)).body as { id: string; code: string };
      await joinAndComplete(t2, s.code, `Anna ${title}`, 'purple', 'red');
      await joinAndComplete(t2, s.code, `Bram ${title}`, 'blue', 'green');
      await agent.post(`/api/sessions/${s.id}/reveal`).expect(200);
      ids.push(s.id);
    }
    const list = (await agent.get('/trainer').expect(200)).text;
    for (const id of ids) expect(list).toContain(`value="${id}"`);
    const page = await agent.get(`/trainer/combined?sessions=${ids[0]}&sessions=${ids[1]}`).expect(200);
    expect(page.text).toContain('Workshop A');
    expect(page.text).not.toContain('Anna Workshop');
    expect(page.text).not.toContain('Bram Workshop');
    const one = await agent.get(`/trainer/combined?sessions=${ids[0]}`).expect(400);
    expect(one.text).toContain('Kies minstens twee sessies');
    await agent.get(`/trainer/combined?sessions=${ids[0]}&sessions=${'x'.repeat(16)}`).expect(404);
  });
});
