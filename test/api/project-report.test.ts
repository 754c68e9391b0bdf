import request from 'supertest';
import { addUser, loggedIn, loggedInByForm, makeApp, type TestApp } from '../helpers/app';

// The printed project report (/projects/:id/report): owner and members read it, everyone else gets a 404; the survey's
// suppression rule holds on paper, and the open answers never reach it.
let t: TestApp;
beforeAll(async () => {
  t = await makeApp({ RATE_LIMIT_SURVEY_RESPONSES_PER_ADDRESS: '1000' });
  await addUser(t, 'carla@example.nl', 'consultant');
  await addUser(t, 'mees@example.nl', 'consultant');
  await addUser(t, 'olga@example.nl', 'consultant');
});

const ITEMS = ['why', 'better', 'confidence', 'involved', 'heard', 'know', 'ready', 'help'];
const WORRY = 'Ik ben bang dat ik mijn eigen werk niet meer zelf kan indelen met die strakke regels';
const SMALL_WORRY = 'Geheim zorgpunt van de kleine afdeling Archief';

async function project() {
  const api = await loggedIn(t, 'carla@example.nl');
  const p = (await api.post('/api/projects').send({ client: 'Gemeente Deventer', system: 'Zaaksysteem', phase: 'Pilot' }).expect(201))
    .body as { id: string };
  const sh = (
    await api
      .post(`/api/projects/${p.id}/stakeholders`)
      .send({ name: 'Ria Verhoeven', department: 'Burgerzaken', influence: 4, support: -1, drives: ['blue'] })
      .expect(201)
  ).body as { id: string };
  await api.post(`/api/projects/${p.id}/stakeholders/${sh.id}/contacts`).send({ date: '2026-11-02', support: -1 }).expect(201);
  await api.post(`/api/projects/${p.id}/stakeholders/${sh.id}/contacts`).send({ date: '2026-11-20', support: 1 }).expect(201);
  await api
    .put(`/api/projects/${p.id}/change`)
    .send({ dimensions: { judgement: 3, procedures: 2 } })
    .expect(200);
  const s = (
    await api
      .post(`/api/projects/${p.id}/surveys`)
      .send({ title: 'Draagvlakmeting najaar', departments: ['Burgerzaken', 'Archief'] })
      .expect(201)
  ).body as { code: string };
  const answer = (department: string, worries: string) =>
    request(t.app)
      .post(`/api/surveys/${s.code}/responses`)
      .send({ department, answers: Object.fromEntries(ITEMS.map((id) => [id, 3])), worries, consent: true })
      .expect(201);
  for (let i = 0; i < 5; i++) await answer('Burgerzaken', WORRY);
  for (let i = 0; i < 4; i++) await answer('Archief', SMALL_WORRY);
  await api
    .post(`/api/projects/${p.id}/plan`)
    .send({ title: 'Training zaakregels voor Burgerzaken', kind: 'train', owner: 'Teamleider', due: '2027-01-15' })
    .expect(201);
  return { api, p, page: `/projects/${p.id}/report` };
}

test('When the owner opens the report, then it shows the cover, both charts as SVG, the trend, the change, the survey and the plan', async () => {
  const { page } = await project();
  const carla = await loggedInByForm(t, 'carla@example.nl');
  const html = (await carla.get(page).expect(200)).text;
  expect(html).toContain('Gemeente Deventer');
  expect(html).toContain('Systeem: Zaaksysteem · Fase: Pilot');
  expect(html).toContain('class="stakeholder-map"');
  expect(html).toContain('class="stakeholder-map power-interest"');
  expect(html).toContain('class="support-trend"');
  expect(html).toMatch(/data-trend-point="2026-11-20"/);
  expect(html).toContain('Wat de verandering bedreigt');
  expect(html).toContain('data-kind="threatened"');
  expect(html).toContain('Training zaakregels voor Burgerzaken');
  expect(html).toContain('Teamleider');
  expect(html).toContain('15 jan 2027'); // the due date, in the short Dutch form
  expect(html).not.toContain('<canvas');
  expect(html).toContain('uit het contactlogboek');
  expect(html).toContain('geen meting');
});

test('When a department has fewer than 5 responses, then the report suppresses it and shows no open answer text at all', async () => {
  const { page } = await project();
  const carla = await loggedInByForm(t, 'carla@example.nl');
  const html = (await carla.get(page).expect(200)).text;
  const archief = html.slice(html.indexOf('data-department="Archief"'));
  expect(archief).toContain('te weinig reacties om te tonen');
  expect(archief.slice(0, archief.indexOf('</article>'))).not.toContain('survey-items');
  expect(html).toContain('data-department="Burgerzaken"');
  expect(html).toContain('5 reacties');
  expect(html).not.toContain(WORRY);
  expect(html).not.toContain(SMALL_WORRY);
  expect(html).toContain('Open antwoorden staan niet in dit rapport');
  // No total that would let someone subtract the small department.
  expect(html).not.toContain('9 reacties');
});

test('When a member opens the report, then 200; a colleague who is not a member and a bad project id get 404', async () => {
  const { api, p, page } = await project();
  await api.post(`/api/projects/${p.id}/members`).send({ email: 'mees@example.nl' }).expect(201);
  const mees = await loggedInByForm(t, 'mees@example.nl');
  expect((await mees.get(page).expect(200)).text).toContain('Gemeente Deventer');
  const olga = await loggedInByForm(t, 'olga@example.nl');
  const refused = await olga.get(page).expect(404);
  expect(refused.text).not.toContain('Gemeente Deventer');
  await mees.get('/projects/nope/report').expect(404);
  await mees.get(`/projects/${p.id}x/report`).expect(404);
});

test('When nobody is logged in, then the report is not shown', async () => {
  const { page } = await project();
  const res = await request(t.app).get(page);
  expect([302, 303]).toContain(res.status);
  expect(res.text).not.toContain('Gemeente Deventer');
});

test('When the report is asked for in English, then its texts are English and the suppression holds', async () => {
  const { page } = await project();
  const carla = await loggedInByForm(t, 'carla@example.nl');
  const html = (await carla.get(`${page}?lang=en`).expect(200)).text;
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('System: Zaaksysteem · Phase: Pilot');
  expect(html).toContain('What the change threatens');
  expect(html).toContain('Open answers are not in this report');
  expect(html).toMatch(/too few responses to show/i);
  expect(html).not.toContain(WORRY);
});

test('When the project page is shown, then it links to the report', async () => {
  const { p } = await project();
  const carla = await loggedInByForm(t, 'carla@example.nl');
  expect((await carla.get(`/projects/${p.id}`).expect(200)).text).toContain(`href="/projects/${p.id}/report"`);
});
