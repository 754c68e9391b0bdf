import type request from 'supertest';
import { addUser, csrfTokenIn, loggedInByForm, makeApp, postForm, type TestApp } from '../helpers/app';
import { realContent } from '../helpers/content';

// The workshop studio's trainer pages: presenter, control page, and the dashboard's exercise forms (no JavaScript needed).
let t: TestApp;
let anna: request.Agent;
let bert: request.Agent;

beforeAll(async () => {
  t = await makeApp();
  await Promise.all([addUser(t, 'anna@example.nl'), addUser(t, 'bert@example.nl')]);
  anna = await loggedInByForm(t, 'anna@example.nl');
  bert = await loggedInByForm(t, 'bert@example.nl');
});
afterAll(() => t.app.live.closeAll());

async function newSession(lang = 'nl'): Promise<string> {
  const res = await postForm(anna, '/trainer', '/trainer/sessions', { title: 'Studio', lang, minGroupSize: '3' }).then((r) => r);
  expect(res.status).toBe(303);
  return /\/trainer\/sessions\/([A-Za-z0-9_-]{16})$/.exec(res.headers.location!)![1]!;
}
const dashboard = (id: string) => `/trainer/sessions/${id}`;
const add = (id: string, form: string, fields: Record<string, string>) =>
  postForm(anna, dashboard(id), `${dashboard(id)}/exercises/${form}`, fields);
const exercises = async (id: string) =>
  (await anna.get(`/api/sessions/${id}/exercises`).expect(200)).body as {
    id: string;
    kind: string;
    text?: string;
    prompt?: string;
    options?: string[];
    intended: string | null;
  }[];
const unescape = (html: string) =>
  html.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the presenter and the control page', () => {
  test.each(['present', 'control'])(
    'When the owner opens /%s, then it renders with the session, its state and no inline script',
    async (page) => {
      const id = await newSession();
      const res = await anna.get(`${dashboard(id)}/${page}`).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain(`data-session="${id}"`);
      expect(res.text).toMatch(new RegExp(`<script src="/static/[^"]+/js/studio-${page}\\.js" defer>`));
      expect(res.text).not.toMatch(/<script>|style="/);
      const state = JSON.parse(unescape(/data-state="([^"]*)"/.exec(res.text)![1]!));
      expect(state.step).toMatchObject({ kind: 'lobby', index: 0 });
      const texts = JSON.parse(unescape(/data-texts="([^"]*)"/.exec(res.text)![1]!));
      expect(texts['step.lobby']).toBe('Welkom');
    },
  );

  test('When the presenter opens, then the join code is in its corner while the session is open', async () => {
    const id = await newSession();
    const page = (await anna.get(`${dashboard(id)}/present`).expect(200)).text;
    const code = /data-code="([A-Z0-9]{6})"/.exec(page)![1]!;
    expect(page).toContain(`<p class="present-corner" data-corner >Meedoen? Code ${code}</p>`);
  });

  test.each(['present', 'control'])('When another trainer opens /%s, then 404', async (page) => {
    const id = await newSession();
    await bert.get(`${dashboard(id)}/${page}`).expect(404);
  });

  test.each(['present', 'control'])('When nobody is logged in, then /%s sends them to the login', async (page) => {
    const id = await newSession();
    const res = await t
      .http()
      .get(`${dashboard(id)}/${page}`)
      .expect(303);
    expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(`${dashboard(id)}/${page}`)}`);
  });
});

describe('the exercises on the dashboard', () => {
  test('When the dashboard opens, then it links to the presenter (new window) and the control page, and offers the Dutch bank grouped by drive', async () => {
    const id = await newSession();
    const page = (await anna.get(dashboard(id)).expect(200)).text;
    expect(page).toContain(`<a class="button" href="${dashboard(id)}/present" target="_blank">`);
    expect(page).toContain(`<a class="button" href="${dashboard(id)}/control">`);
    expect(page.match(/<optgroup label="/g)).toHaveLength(6);
    expect(page).toContain('<optgroup label="Structuur">');
    const bankNl = realContent().remarks.nl;
    expect(page).toContain(`<option value="${bankNl[0]!.id}"`);
    expect(page).not.toContain(`<option value="${realContent().remarks.en[0]!.id}"`);
    expect(page).toContain('Nog geen oefeningen.');
  });

  test('When the trainer adds one of each kind, then they are listed in order with kind, text and status, and the API has them', async () => {
    const id = await newSession();
    const remark = realContent().remarks.nl.find((r) => r.drive === 'green')!;
    for (const [form, fields] of [
      ['bank', { remarkId: remark.id }],
      ['own', { remarkText: 'Dat hebben we in 2019 al eens geprobeerd.', remarkDrive: 'purple' }],
      ['open', { openPrompt: 'Wat hoor je vaak bij een invoering?' }],
      ['poll', { pollPrompt: 'Hoe gaat de invoering?', pollOptions: 'Goed\r\n\r\n  Matig \r\nSlecht\r\n' }],
    ] as const) {
      const res = await add(id, form, fields);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`${dashboard(id)}#studio`);
    }
    const list = await exercises(id);
    expect(list.map((x) => x.kind)).toEqual(['recognize', 'recognize', 'open', 'poll']);
    expect(list[0]).toMatchObject({ text: remark.text, intended: 'green' });
    expect(list[1]).toMatchObject({ text: 'Dat hebben we in 2019 al eens geprobeerd.', intended: 'purple' });
    expect(list[2]).toMatchObject({ prompt: 'Wat hoor je vaak bij een invoering?' });
    expect(list[3]).toMatchObject({ prompt: 'Hoe gaat de invoering?', options: ['Goed', 'Matig', 'Slecht'] });
    const page = (await anna.get(dashboard(id)).expect(200)).text;
    expect(page.match(/<li class="studio-item"/g)).toHaveLength(4);
    expect(page).toContain('<p class="studio-item-text">Dat hebben we in 2019 al eens geprobeerd.</p>');
    expect(page).toContain('Bedoelde drijfveer: Verbondenheid');
    expect(page).toContain('Keuzes: Goed · Matig · Slecht');
    expect(page).toContain('<span class="studio-status" data-status="draft">nog niet open</span>');
  });

  test('When an own remark is kept, then it is in the bank select as own, under its drive, and a round can be made from it', async () => {
    const id = await newSession();
    await add(id, 'own', { remarkText: 'Wie heeft dit eigenlijk besloten?', remarkDrive: 'red', saveRemark: 'yes' }).then((r) =>
      expect(r.status).toBe(303),
    );
    const own = ((await anna.get('/api/remarks?lang=nl').expect(200)).body as { id: string; own: boolean; text: string }[]).find(
      (r) => r.own,
    )!;
    expect(own.text).toBe('Wie heeft dit eigenlijk besloten?');
    const page = (await anna.get(dashboard(id)).expect(200)).text;
    expect(page).toContain(`<option value="${own.id}" >Wie heeft dit eigenlijk besloten? (eigen)</option>`);
    await add(id, 'bank', { remarkId: own.id }).then((r) => expect(r.status).toBe(303));
    expect((await exercises(id)).map((x) => x.text)).toEqual(['Wie heeft dit eigenlijk besloten?', 'Wie heeft dit eigenlijk besloten?']);
  });

  test.each([
    ['bank', 'no remark chosen', { remarkId: '' }, 'remarkId', 'Kies een opmerking uit de lijst.'],
    ['bank', 'a remark that does not exist', { remarkId: 'nl-blue-99' }, 'remarkId', 'Deze opmerking bestaat niet meer. Kies een andere.'],
    [
      'own',
      'a remark of only spaces',
      { remarkText: '   ', remarkDrive: 'blue' },
      'remarkText',
      'Schrijf de opmerking, in hoogstens 1000 tekens.',
    ],
    [
      'own',
      'an unknown drive',
      { remarkText: 'Zo doen wij dat hier & altijd al <b>', remarkDrive: 'pink' },
      'remarkDrive',
      'Kies een drijfveer uit de lijst, of geen.',
    ],
    ['open', 'a question of 301 characters', { openPrompt: 'x'.repeat(301) }, 'openPrompt', 'Schrijf een vraag van hoogstens 300 tekens.'],
    [
      'poll',
      'one option',
      { pollPrompt: 'Wat vind jij?', pollOptions: 'Alleen deze' },
      'pollOptions',
      'Geef 2 tot 6 keuzes, elk op een eigen regel.',
    ],
    [
      'poll',
      'seven options',
      { pollPrompt: 'Wat vind jij?', pollOptions: 'a\nb\nc\nd\ne\nf\ng' },
      'pollOptions',
      'Geef 2 tot 6 keuzes, elk op een eigen regel.',
    ],
    [
      'poll',
      'the same option twice',
      { pollPrompt: 'Wat vind jij?', pollOptions: 'Ja\nja' },
      'pollOptions',
      'Elke keuze moet anders zijn.',
    ],
    [
      'poll',
      'an option of 81 characters',
      { pollPrompt: 'Wat vind jij?', pollOptions: `Ja\n${'n'.repeat(81)}` },
      'pollOptions',
      'Maak elke keuze hoogstens 80 tekens lang.',
    ],
    ['poll', 'no question', { pollPrompt: '', pollOptions: 'Ja\nNee' }, 'pollPrompt', 'Schrijf een vraag van hoogstens 300 tekens.'],
  ] as const)(
    'When the %s form has %s, then 400 with the error at %s and what was typed kept',
    async (form, _what, fields, field, message) => {
      const id = await newSession();
      const res = await add(id, form, fields);
      expect(res.status).toBe(400);
      expect(res.text).toContain(`<p class="field-error" id="${field}-error">${message}</p>`);
      expect(res.text).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
      expect(res.text).toContain('<div class="error-summary" role="alert">');
      // What was typed is there again (escaped), in its own field.
      if ('remarkText' in fields && fields.remarkText.trim())
        expect(res.text).toContain('>Zo doen wij dat hier &amp; altijd al &lt;b&gt;</textarea>');
      if ('openPrompt' in fields) expect(res.text).toContain(`value="${fields.openPrompt}"`);
      if ('pollOptions' in fields) expect(res.text).toContain(`>${fields.pollOptions.replace(/</g, '&lt;')}</textarea>`);
      if ('pollPrompt' in fields && fields.pollPrompt) expect(res.text).toContain(`value="${fields.pollPrompt}"`);
      // The rest of the dashboard is still there, and nothing was added.
      expect(res.text).toContain('data-summary=');
      expect(await exercises(id)).toEqual([]);
    },
  );

  test('When a form is posted without its CSRF token, then 403 and nothing is added', async () => {
    const id = await newSession();
    await anna
      .post(`${dashboard(id)}/exercises/open`)
      .type('form')
      .send({ openPrompt: 'Vraag?' })
      .expect(403);
    expect(await exercises(id)).toEqual([]);
  });

  test("When another trainer posts to a session's forms, then 404 and nothing changes", async () => {
    const id = await newSession();
    const token = csrfTokenIn((await bert.get('/trainer').expect(200)).text);
    await bert
      .post(`${dashboard(id)}/exercises/open`)
      .type('form')
      .send({ _csrf: token, openPrompt: 'Vraag?' })
      .expect(404);
    await add(id, 'open', { openPrompt: 'Van Anna' });
    const [x] = await exercises(id);
    await bert
      .post(`${dashboard(id)}/exercises/${x!.id}/delete`)
      .type('form')
      .send({ _csrf: token })
      .expect(404);
    expect(await exercises(id)).toHaveLength(1);
  });

  test('When the trainer deletes an exercise, then it is gone from the list and the API, and the others stay in order', async () => {
    const id = await newSession();
    for (const p of ['Eerste?', 'Tweede?', 'Derde?']) await add(id, 'open', { openPrompt: p });
    const before = await exercises(id);
    const res = await postForm(anna, dashboard(id), `${dashboard(id)}/exercises/${before[1]!.id}/delete`, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${dashboard(id)}#studio`);
    expect((await exercises(id)).map((x) => x.prompt)).toEqual(['Eerste?', 'Derde?']);
    const page = (await anna.get(dashboard(id)).expect(200)).text;
    expect(page).not.toContain('Tweede?');
    await postForm(anna, dashboard(id), `${dashboard(id)}/exercises/${before[1]!.id}/delete`, {}).then((r) => expect(r.status).toBe(404));
  });

  test('When an English session is shown, then the bank select has the English remarks', async () => {
    const id = await newSession('en');
    const page = (await anna.get(dashboard(id)).expect(200)).text;
    expect(page).toContain(`<option value="${realContent().remarks.en[0]!.id}"`);
    expect(page).not.toContain(`<option value="${realContent().remarks.nl[0]!.id}"`);
  });
});
