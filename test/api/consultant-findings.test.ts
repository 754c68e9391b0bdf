import request from 'supertest';
import { DRIVE_IDS } from '../../src/domain/drives';
import { addUser, answerAll, createAssessment, makeApp, type TestApp, loggedInByForm, postForm } from '../helpers/app';

// Issue 14, "The consultant's pages": the reader's answer in view, links to one's own profiles, and the stakeholder map.
let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'gea@example.nl', 'consultant', 'Gea');
  await addUser(t, 'hans@example.nl', 'consultant', 'Hans');
});

async function claimProfile(agent: request.Agent, value: number, completedAt: string) {
  const token = await createAssessment(t);
  await answerAll(t, token, value);
  await t.http().post(`/api/assessments/${token}/complete`).expect(200);
  await postForm(agent, '/me', '/me/claim', { link: token });
  const id = await t.db.one<number>('SELECT max(id) FROM assessments');
  await t.db.sql('UPDATE assessments SET completed_at = ? WHERE id = ?', completedAt, id);
  return Number(id);
}
async function newProject(agent: request.Agent, client: string) {
  return (await postForm(agent, '/projects', '/projects', { client, system: 'Zaaksysteem', phase: '', notes: '' })).headers.location!;
}
const stakeholder = (fields: Record<string, string>) => ({
  department: '',
  concerns: '',
  approach: '',
  lastContact: '',
  drive1: '',
  drive2: '',
  influence: '3',
  support: '0',
  ...fields,
});
const count = (html: string, s: string) => html.split(s).length - 1;

describe('the reader page', () => {
  test('When the form is posted, then it lands at the answer (#reading), which can take focus', async () => {
    const agent = await loggedInByForm(t, 'gea@example.nl');
    const form = await agent.get('/reader').expect(200);
    expect(form.text).toContain('action="/reader#reading"');
    expect(form.text).toMatch(/<script src="\/static\/[^"]+\/js\/reader\.js" defer>/);
    const res = await postForm(agent, '/reader', '/reader', { text: 'Wat levert het op? Ik wil cijfers zien.', lang: 'auto' });
    expect(res.text).toMatch(/<section class="reading" id="reading" tabindex="-1"/);
    expect(res.text).toMatch(/<h2 id="reading-title" tabindex="-1">/);
  });
});

describe('my profiles', () => {
  test('When a consultant has two profiles of one day, then each row links to its own profile page with a date and time that differ', async () => {
    const agent = await loggedInByForm(t, 'gea@example.nl');
    const a = await claimProfile(agent, 2, '2026-12-01T08:00:00.000Z');
    const b = await claimProfile(agent, 4, '2026-12-01T13:05:00.000Z');
    const page = (await agent.get('/me').expect(200)).text;
    expect(page).toContain(`<a href="/me/profiles/${a}"><span class="visually-hidden">Profiel van </span>1 dec 2026, 09:00</a>`);
    expect(page).toContain(`<a href="/me/profiles/${b}"><span class="visually-hidden">Profiel van </span>1 dec 2026, 14:05</a>`);
    const profile = await agent.get(`/me/profiles/${b}`).expect(200);
    expect(profile.text).toContain('<h1>Profiel van 1 dec 2026, 14:05</h1>');
    expect(profile.text.match(/<tr data-drive=/g)).toHaveLength(6);

    // Someone else's list has no links to these, and the pages are as unknown to them as a profile that does not exist.
    const other = await loggedInByForm(t, 'hans@example.nl');
    const theirs = (await other.get('/me').expect(200)).text;
    expect(theirs).not.toContain(`/me/profiles/${a}"`);
    expect(theirs).not.toContain(`/me/profiles/${b}"`);
    await other.get(`/me/profiles/${a}`).expect(404);
    await other.get('/me/profiles/999999').expect(404);
    await other.get('/me/profiles/abc').expect(404);
  });
});

describe('the stakeholder map', () => {
  test('When a project has stakeholders, then the map is SVG with four named quadrants and a numbered list with every full name', async () => {
    const agent = await loggedInByForm(t, 'gea@example.nl');
    const page = await newProject(agent, 'Gemeente Deventer');
    const long = 'Ahmed El Amrani, teamleider Vergunningen en Handhaving';
    await postForm(agent, page, `${page}/stakeholders`, stakeholder({ name: long, influence: '5', support: '2', drive1: 'blue' }));
    await postForm(agent, page, `${page}/stakeholders`, stakeholder({ name: 'Controller', influence: '2', support: '-1' }));
    const html = (await agent.get(page).expect(200)).text;
    expect(html).toContain('<svg class="stakeholder-map"');
    expect(html).not.toContain('data-chart-kind="scatter"');
    for (const q of ['Betrekken', 'Overtuigen', 'Informeren', 'Volgen'])
      expect(html).toMatch(new RegExp(`class="quadrant-label"[^>]*>${q}</text>`));
    expect(html).toMatch(/data-marker="1"[\s\S]*?>1<\/text>/);
    expect(html).toContain(`<span class="legend-name">${long}</span>`);
    expect(html).toContain('invloed 5, steun: sterk voor · Betrekken');
    expect(html).toContain('invloed 2, steun: tegen · Volgen');
    const en = (await agent.get(`${page}?lang=en`).expect(200)).text;
    for (const q of ['Involve', 'Win over', 'Keep informed', 'Monitor']) expect(en).toContain(`>${q}</text>`);
  });

  test('When four stakeholders each have another drive, then the mix chart counts people on an axis up to four, in whole steps', async () => {
    const agent = await loggedInByForm(t, 'gea@example.nl');
    const page = await newProject(agent, 'Gemeente Olst');
    for (const [i, drive] of ['orange', 'purple', 'yellow', 'blue'].entries())
      await postForm(agent, page, `${page}/stakeholders`, stakeholder({ name: `Persoon ${i}`, drive1: drive }));
    await postForm(agent, page, `${page}/stakeholders`, stakeholder({ name: 'Onbekend' }));
    const html = (await agent.get(page).expect(200)).text;
    const raw = /data-chart-kind="bar"[^>]*data-chart="([^"]+)"/.exec(html)![1]!.replace(/&#34;|&quot;/g, '"');
    const chart = JSON.parse(raw) as { values: number[]; max: number; step: number };
    expect(chart.values).toEqual([1, 0, 1, 1, 0, 1]);
    expect({ max: chart.max, step: chart.step }).toEqual({ max: 4, step: 1 });
  });

  test('When a remark is analysed, then the page confirms what was saved and shows which words pointed to which drive', async () => {
    const agent = await loggedInByForm(t, 'gea@example.nl');
    const page = await newProject(agent, 'Gemeente Raalte');
    await postForm(agent, page, `${page}/stakeholders`, stakeholder({ name: 'Controller', influence: '4' }));
    const sid = /stakeholders\/([A-Za-z0-9_-]{16})"/.exec((await agent.get(page)).text)![1];
    const form = (await agent.get(`${page}/stakeholders/${sid}`).expect(200)).text;
    expect(form).toContain(`action="${page}/stakeholders/${sid}/analyse#reading"`);
    const res = await postForm(agent, `${page}/stakeholders/${sid}`, `${page}/stakeholders/${sid}/analyse`, {
      remark: 'Wat levert het op? Ik wil de business case en de terugverdientijd zien, met cijfers.',
    });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /<p class="notice" role="status" data-analysis-saved>Analyse opgeslagen: de waarschijnlijke drijfveren zijn nu Resultaat/,
    );
    expect(res.text).toMatch(/<mark class="drive--orange"[^>]*>business case<\/mark>/);
    expect(res.text).toMatch(/<tr data-drive="orange"[\s\S]*?class="evidence"[^>]*>[^<]*business case/);
    expect(res.text).toMatch(/<select id="s-drive1" name="drive1">[\s\S]*?<option value="orange" selected>/);
    expect(await t.db.one('SELECT drives FROM stakeholders WHERE public_id = ?', sid)).toContain('orange');
  });

  test.each([
    ['1-12-2026', '01-12-2026'],
    ['01-12-2026', '01-12-2026'],
    ['1/12/2026', '01-12-2026'],
    ['2026-12-01', '01-12-2026'],
  ])('When the last contact is typed as %s, then it is saved and shown day first (%s)', async (typed, shown) => {
    const agent = await loggedInByForm(t, 'gea@example.nl');
    const page = await newProject(agent, 'Gemeente Ommen');
    expect((await postForm(agent, page, `${page}/stakeholders`, stakeholder({ name: 'Wethouder', lastContact: typed }))).status).toBe(303);
    expect(await t.db.one("SELECT last_contact FROM stakeholders WHERE name = 'Wethouder' ORDER BY id DESC LIMIT 1")).toMatch(
      /^2026-12-01/,
    );
    const sid = /stakeholders\/([A-Za-z0-9_-]{16})"/.exec((await agent.get(page)).text)![1];
    const edit = (await agent.get(`${page}/stakeholders/${sid}`).expect(200)).text;
    expect(edit).toMatch(new RegExp(`<input id="s-lastContact" name="lastContact" type="text"[^>]*value="${shown}">`));
    expect(edit).not.toContain('type="date"');
    expect(edit).toContain('Dag-maand-jaar, bijvoorbeeld 1-12-2026.');
  });

  test.each(['31-02-2026', '12/31/2026', 'morgen', '2026-13-01'])(
    'When the last contact is %s, then the form comes back with 400, a field error and what was typed',
    async (typed) => {
      const agent = await loggedInByForm(t, 'gea@example.nl');
      const page = await newProject(agent, 'Gemeente Hardenberg');
      const res = await postForm(agent, page, `${page}/stakeholders`, stakeholder({ name: 'Griffier', lastContact: typed }));
      expect(res.status).toBe(400);
      expect(res.text).toContain('Vul een bestaande datum in als dag-maand-jaar, bijvoorbeeld 1-12-2026.');
      expect(res.text).toContain(`value="${typed}"`);
      expect(res.text).toContain('value="Griffier"');
    },
  );

  test("When the plan has several people with another drive than one's own, then the own-drive note is shown once, above the plan", async () => {
    const agent = await loggedInByForm(t, 'hans@example.nl');
    await claimProfile(agent, 5, '2026-11-01T10:00:00.000Z');
    const own = ((await agent.get('/api/me/profiles').expect(200)).body as { primary: string[] }[])[0]!.primary[0]!;
    const others = DRIVE_IDS.filter((d) => d !== own).slice(0, 4);
    const page = await newProject(agent, 'Gemeente Dalfsen');
    for (const [i, drive] of others.entries())
      await postForm(agent, page, `${page}/stakeholders`, stakeholder({ name: `Persoon ${i}`, drive1: drive, support: '-1' }));
    const plan = (await agent.get(`${page}/plan`).expect(200)).text;
    expect(count(plan, 'Let op je eigen drijfveer.')).toBe(1);
    expect(count(plan, 'data-own-drive')).toBe(1);
    expect(plan.indexOf('data-own-drive')).toBeLessThan(plan.indexOf('<ol class="plan">'));
    expect(plan).toContain('Houd hier vooral rekening mee bij: Persoon 0, Persoon 1, Persoon 2 en Persoon 3.');
  });
});
