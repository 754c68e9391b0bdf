import { addUser, answersPicking, joinAndComplete, loggedIn, makeApp, type TestApp, loggedInByForm, postForm } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'rik@example.nl', 'consultant', 'Rik');
  await addUser(t, 'tara@example.nl', 'trainer', 'Tara');
});

/** A completed profile whose strongest drive is `most`; returns its token. */
async function profile(most: string, least: string, lang = 'nl') {
  const token = (await t.http().post('/api/assessments').send({ consent: true, lang }).expect(201)).body.token as string;
  await t.http().put(`/api/assessments/${token}/answers`).send(answersPicking(most, least)).expect(200);
  await t.http().post(`/api/assessments/${token}/complete`).expect(200);
  return token;
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('texts that read well', () => {
  test('When the Dutch privacy page is shown, then it says "Versie", not "Version"', async () => {
    const nl = (await t.http().get('/privacy?lang=nl').expect(200)).text;
    expect(nl).toMatch(/<p class="muted">Versie \d{4}-\d\d-\d\d\.\d+<\/p>/);
    expect(nl).not.toContain('Version');
    expect((await t.http().get('/privacy?lang=en').expect(200)).text).toMatch(/<p class="muted">Version \d{4}-\d\d-\d\d\.\d+<\/p>/);
  });

  test('When the reader offers the language of a text, then "Automatisch herkennen" and "Detect automatically"', async () => {
    const agent = await loggedInByForm(t, 'rik@example.nl');
    const nl = (await agent.get('/reader?lang=nl').expect(200)).text;
    expect(nl).toMatch(/<option value="auto"[^>]*>Automatisch herkennen<\/option>/);
    expect(nl).not.toContain('Zelf herkennen');
    expect((await agent.get('/reader?lang=en').expect(200)).text).toMatch(/<option value="auto"[^>]*>Detect automatically<\/option>/);
  });

  test("When the reader names a mismatch with the consultant's own drive, then no capital after a colon", async () => {
    const agent = await loggedInByForm(t, 'rik@example.nl');
    await agent
      .post('/api/me/profiles')
      .send({ link: `/p/${await profile('purple', 'orange')}` })
      .expect(201);
    const page = await postForm(agent, '/reader?lang=nl', '/reader', {
      text: 'Wat levert het op? Hoeveel tijd besparen we en wat is de business case?',
      lang: 'auto',
    });
    expect(page.status).toBe(200);
    const mismatch = text(/<p class="mismatch">[\s\S]*?<\/p>/.exec(page.text)![0]);
    expect(mismatch).toContain('Let op je eigen drijfveer. Jouw sterkste drijfveer is Verbondenheid.');
    expect(mismatch).toMatch(/Bij deze klant werkt dit beter\. Begin /);
    expect(mismatch).not.toMatch(/: [A-Z]/);
  });

  test('When the stakeholder plan suggests a start, then the label does not repeat "Begin"', async () => {
    const agent = await loggedInByForm(t, 'rik@example.nl');
    const created = await postForm(agent, '/projects?lang=nl', '/projects', {
      client: 'Gemeente Zwolle',
      system: 'Zaaksysteem',
      phase: 'Selectie',
      notes: '',
    });
    const page = created.headers.location!;
    await postForm(agent, page, `${page}/stakeholders`, {
      name: 'Teamleider',
      department: '',
      influence: '4',
      support: '-1',
      drive1: 'blue',
      drive2: '',
      concerns: '',
      approach: '',
      lastContact: '',
    }).then((r) => expect(r.status).toBe(303));
    const plan = text((await agent.get(`${page}/plan`).expect(200)).text);
    expect(plan).toMatch(/Voorstel voor een eerste stap\. Begin met een helder overzicht/);
    expect(plan).not.toMatch(/Begin zo: Begin|: Begin/);
  });

  test('When a Dutch profile shows what you chose least, then "Wat je het minst vaak kiest"; in English "Your weakest drive"', async () => {
    const token = await profile('green', 'red');
    const nl = (await t.http().get(`/p/${token}?lang=nl`).expect(200)).text;
    expect(nl).toContain('<h2>Wat je het minst vaak kiest</h2>');
    expect(nl).not.toContain('Waar je je aan ergert');
    expect(nl).not.toContain('Wat je afstoot');
    const en = (await t.http().get(`/p/${token}?lang=en`).expect(200)).text;
    expect(en).toContain('<h2 id="lowest-title">Your weakest drive</h2>');
    expect(en).not.toContain('least strong');
  });

  test('When the English dashboard names drives strong in no one, then "Strong in no one"', async () => {
    const trainer = await loggedIn(t, 'tara@example.nl');
    const s = (await trainer.post('/api/sessions').send({ title: 'Words', lang: 'en', minGroupSize: 1 }).expect(201)).body as {
      id: string;
      code: string;
    };
    await joinAndComplete(t, s.code, 'Wim', 'green', 'red');
    const page = (await (await loggedInByForm(t, 'tara@example.nl')).get(`/trainer/sessions/${s.id}?lang=en`).expect(200)).text;
    expect(page).toContain('Strong in no one: {drives}.');
    expect(page).not.toContain('A strong drive for no one');
  });
});
