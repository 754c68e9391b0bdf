import request from 'supertest';
import { addUser, csrfTokenIn, loggedIn, loggedInByForm, makeApp, postForm, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'carla@example.nl', 'consultant');
  await addUser(t, 'dirk@example.nl', 'consultant');
});

const ITEMS = ['why', 'better', 'confidence', 'involved', 'heard', 'know', 'ready', 'help'];
const formAnswers = (v: number) => Object.fromEntries(ITEMS.map((id) => [`a_${id}`, String(v)]));

async function setup() {
  const carla = await loggedInByForm(t, 'carla@example.nl');
  const api = await loggedIn(t, 'carla@example.nl');
  const p = (await api.post('/api/projects').send({ client: 'Gemeente Deventer', system: 'Zaaksysteem' }).expect(201)).body;
  return { carla, api, p: p as { id: string } };
}

test('When the project page is shown, then it links to its surveys page', async () => {
  const { carla, p } = await setup();
  expect((await carla.get(`/projects/${p.id}`).expect(200)).text).toContain(`href="/projects/${p.id}/surveys"`);
});

test('When the create form lacks a title and departments, then 400 with both field errors and nothing stored', async () => {
  const { carla, p } = await setup();
  const res = await postForm(carla, `/projects/${p.id}/surveys`, `/projects/${p.id}/surveys`, {
    title: '',
    departments: '\n ',
    lang: 'nl',
  });
  expect(res.status).toBe(400);
  expect(res.text).toContain('Geef de meting een titel');
  expect(res.text).toContain('Noem 1 tot 30 afdelingen');
  expect(await t.db.one('SELECT count(*) FROM surveys').then(Number)).toBe(0);
});

test('When a consultant creates a survey by the form, then its page shows the link, a QR code and the suppression text; the buttons work', async () => {
  const { carla, p } = await setup();
  const res = await postForm(carla, `/projects/${p.id}/surveys`, `/projects/${p.id}/surveys`, {
    title: 'Draagvlak',
    departments: 'Burgerzaken\r\nWijkteam',
    lang: 'nl',
  });
  expect(res.status).toBe(303);
  const page = res.headers.location as string;
  const html = (await carla.get(page).expect(200)).text;
  expect(html).toMatch(/\/s\/[A-Z2-7]{10}/);
  expect(html).toContain('te weinig reacties om te tonen');
  const qr = await carla.get(`${page}/qr.svg`).expect(200);
  expect(qr.headers['content-type']).toContain('image/svg+xml');
  await (await loggedIn(t, 'dirk@example.nl')).get(page).expect(404);
  expect((await postForm(carla, page, `${page}/close`, {})).status).toBe(303);
  expect((await carla.get(page).expect(200)).text).toContain('De meting is gesloten');
  expect((await postForm(carla, page, `${page}/rounds`, {})).status).toBe(303);
  expect((await carla.get(page).expect(200)).text).toContain('Ronde 2');
  // Without the CSRF token a button does nothing.
  await carla.post(`${page}/close`).type('form').send({}).expect(403);
  expect((await postForm(carla, page, `${page}/delete`, {})).status).toBe(303);
  await carla.get(page).expect(404);
});

describe('the public page', () => {
  test('When staff answer without JavaScript, then missing answers re-render with errors (400), then a full form thanks them, and a second try says they answered', async () => {
    const { api, p } = await setup();
    const s = (
      await api
        .post(`/api/projects/${p.id}/surveys`)
        .send({ title: 'Draagvlak', departments: ['Wijkteam'] })
        .expect(201)
    ).body;
    const phone = request.agent(t.app);
    const form = (await phone.get(`/s/${s.code}`).expect(200)).text;
    expect(form).toContain('Ik begrijp waarom deze verandering nodig is.');
    expect(form).toContain('We vragen geen naam');
    expect(form).not.toContain('name="_csrf"'); // no login session, nothing stored for a page view
    const bad = await phone
      .post(`/s/${s.code}`)
      .type('form')
      .send({ department: 'Sport', a_why: '9', worries: 'x'.repeat(1001) })
      .expect(400);
    expect(bad.text).toContain('Kies je afdeling.');
    expect(bad.text).toContain('Kies een antwoord bij deze zin.');
    expect(bad.text).toContain('Zet een vinkje');
    expect(bad.text).toContain('Schrijf hoogstens 1.000 tekens.');
    expect(await t.db.one('SELECT count(*) FROM survey_responses').then(Number)).toBe(0);
    const ok = await phone
      .post(`/s/${s.code}`)
      .type('form')
      .send({ department: 'Wijkteam', consent: 'yes', worries: 'Minder contact', ...formAnswers(4) })
      .expect(200);
    expect(ok.text).toContain('Je antwoorden zijn opgeslagen');
    expect((await phone.get(`/s/${s.code}`).expect(200)).text).toContain('Je hebt deze ronde al ingevuld');
    await phone
      .post(`/s/${s.code}`)
      .type('form')
      .send({ department: 'Wijkteam', consent: 'yes', ...formAnswers(4) })
      .expect(409);
    expect(await t.db.one('SELECT count(*) FROM survey_responses').then(Number)).toBe(1);
  });

  test('When the survey is in English or closed or unknown, then the page says so', async () => {
    const { api, p } = await setup();
    const s = (
      await api
        .post(`/api/projects/${p.id}/surveys`)
        .send({ title: 'Support', departments: ['IT'], lang: 'en' })
        .expect(201)
    ).body;
    expect((await request(t.app).get(`/s/${s.code}`).expect(200)).text).toContain('I understand why this change is needed.');
    await api.post(`/api/projects/${p.id}/surveys/${s.id}/close`).expect(200);
    expect((await request(t.app).get(`/s/${s.code}`).expect(200)).text).toContain('This survey is closed');
    await request(t.app).get('/s/AAAAAAAAAA').expect(404);
  });
});

test('When a department has 5 responses, then the results page shows its statements, bars, themes, answers and the action form', async () => {
  const { carla, api, p } = await setup();
  const s = (
    await api
      .post(`/api/projects/${p.id}/surveys`)
      .send({ title: 'Draagvlak', departments: ['Wijkteam', 'Klein'] })
      .expect(201)
  ).body;
  for (let i = 0; i < 5; i++)
    await request(t.app)
      .post(`/api/surveys/${s.code}/responses`)
      .send({
        department: 'Wijkteam',
        answers: Object.fromEntries(ITEMS.map((id) => [id, 4])),
        consent: true,
        worries: 'Samen praten met collega’s',
      })
      .expect(201);
  await request(t.app)
    .post(`/api/surveys/${s.code}/responses`)
    .send({ department: 'Klein', answers: Object.fromEntries(ITEMS.map((id) => [id, 1])), consent: true, worries: 'Geheime klacht' })
    .expect(201);
  const html = (await carla.get(`/projects/${p.id}/surveys/${s.id}`).expect(200)).text;
  expect(html).toContain('class="survey-bar"');
  expect(html).toContain('collega’s');
  expect(html).not.toContain('Geheime klacht');
  expect(html).toContain(`action="/projects/${p.id}/development/actions"`);
  expect(html).toContain(`name="sourceRef" value="${s.id}:Wijkteam"`);
  expect(html).toContain('name="sourceKind" value="survey"');
  expect(csrfTokenIn(html)).toBeTruthy();
  expect(html).toContain('Getoond: 5 reacties');
});
