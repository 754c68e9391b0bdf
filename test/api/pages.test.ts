import request from 'supertest';
import { realContent } from '../helpers/content';
import { answerAll, counts, createAssessment, makeApp, type TestApp } from '../helpers/app';

const index = realContent().current;
let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});

/** Form fields answering every statement on a likert page with `value`. */
const likertForm = (ids: string[], value: number) => Object.fromEntries(ids.map((id) => [id, String(value)]));
const likertPage = (n: number) => index.model.likert.items.slice((n - 1) * 8, n * 8).map((i) => i.id);

describe('the start page', () => {
  test('When opened without a language, then it is Dutch, explains what drives are not, and asks for consent', async () => {
    const res = await t.http().get('/').expect(200);
    expect(res.text).toContain('<html lang="nl">');
    expect(res.text).toContain('Het is geen persoonlijkheidstest');
    expect(res.text).toContain('ongeveer 10 minuten');
    expect(res.text).toMatch(/<input id="consent" name="consent" type="checkbox"/);
  });

  test('When ?lang=en is chosen, then the page is English and the choice is remembered in a cookie', async () => {
    const agent = request.agent(t.app);
    const first = await agent.get('/?lang=en').expect(200);
    expect(first.headers['set-cookie']?.[0]).toMatch(/^lang=en;.*HttpOnly/);
    expect(first.text).toContain('What drives you at work?');
    const again = await agent.get('/').expect(200);
    expect(again.text).toContain('<html lang="en">');
  });

  test('When started without consent, then the form comes back with a message, the name kept, and nothing stored', async () => {
    const res = await t.http().post('/start').type('form').send({ name: 'Carla <b>' }).expect(400);
    expect(res.text).toContain('Zet een vinkje als je akkoord gaat');
    expect(res.text).toContain('value="Carla &lt;b&gt;"');
    expect((await counts(t)).assessments).toBe(0);
  });

  test('When started with a name over 100 characters, then the form names the field', async () => {
    const res = await t
      .http()
      .post('/start')
      .type('form')
      .send({ name: 'x'.repeat(101), consent: 'yes' })
      .expect(400);
    expect(res.text).toContain('hoogstens 100 tekens');
    expect((await counts(t)).assessments).toBe(0);
  });

  test('When started with consent, then an assessment is stored and the browser goes to its questionnaire', async () => {
    const res = await t.http().post('/start').type('form').send({ name: 'Daan', consent: 'yes' }).expect(303);
    expect(res.headers.location).toMatch(/^\/a\/[A-Za-z0-9_-]{24}$/);
    expect((await t.db.sql('SELECT name, lang FROM assessments'))[0]).toEqual({ name: 'Daan', lang: 'nl' });
  });
});

describe('the questionnaire pages', () => {
  test('When the private link is opened, then it resumes at the first page with an unanswered item', async () => {
    const token = await createAssessment(t);
    expect((await t.http().get(`/a/${token}`).expect(303)).headers.location).toBe(`/a/${token}/1`);
    await t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send({ likert: Object.fromEntries(likertPage(1).map((id) => [id, 3])) })
      .expect(200);
    expect((await t.http().get(`/a/${token}`).expect(303)).headers.location).toBe(`/a/${token}/2`);
  });

  test('When a page is shown, then it has 8 statements, the progress, stored answers checked, and no caching', async () => {
    const token = await createAssessment(t);
    await t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send({ likert: { L02: 4 } })
      .expect(200);
    const res = await t.http().get(`/a/${token}/1`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text.match(/<fieldset class="item likert/g)).toHaveLength(8);
    expect(res.text).toContain(`<progress id="progress" max="${index.total}" value="1"`);
    expect(res.text).toMatch(/name="L02" value="4" checked/);
    expect(res.text).toContain(`/a/${token}`);
  });

  test('When a page is submitted without JavaScript, then its answers are saved and Next goes to the next page', async () => {
    const token = await createAssessment(t);
    const res = await t
      .http()
      .post(`/a/${token}/1`)
      .type('form')
      .send({ ...likertForm(likertPage(1), 2), action: 'next' })
      .expect(303);
    expect(res.headers.location).toBe(`/a/${token}/2`);
    expect((await counts(t)).likert).toBe(8);
    const back = await t.http().post(`/a/${token}/2`).type('form').send({ action: 'prev' }).expect(303);
    expect(back.headers.location).toBe(`/a/${token}/1`);
  });

  test('When a situation has the same reaction as most and least, then the page comes back with the message, choices kept, nothing of the page saved', async () => {
    const token = await createAssessment(t);
    const [s1, s2] = index.model.choice.items;
    const choicePage = Math.ceil(index.model.likert.items.length / 8) + 1;
    const res = await t
      .http()
      .post(`/a/${token}/${choicePage}`)
      .type('form')
      .send({
        [`${s1!.id}.most`]: s1!.options[0]!.id,
        [`${s1!.id}.least`]: s1!.options[0]!.id,
        [`${s2!.id}.most`]: s2!.options[2]!.id,
        [`${s2!.id}.least`]: s2!.options[3]!.id,
        action: 'next',
      })
      .expect(400);
    expect(res.text).toContain('Kies voor &#39;minst&#39; een andere reactie');
    expect(res.text).toMatch(new RegExp(`name="${s2!.id}.most" value="${s2!.options[2]!.id}" checked`));
    expect((await counts(t)).choice).toBe(0);
  });

  test('When a statement gets a value outside the scale, then the page comes back with a message and nothing is saved', async () => {
    const token = await createAssessment(t);
    const res = await t.http().post(`/a/${token}/1`).type('form').send({ L01: '9', L02: '3' }).expect(400);
    expect(res.text).toContain('Kies een van de vijf antwoorden');
    expect((await counts(t)).likert).toBe(0);
  });

  test('When finishing with missing answers, then the first page with a gap shows which ones are open', async () => {
    const token = await createAssessment(t);
    await answerAll(t, token);
    await t.db.sql("DELETE FROM likert_answers WHERE item_id IN ('L10', 'L11')");
    const last = Math.ceil(index.model.likert.items.length / 8) + Math.ceil(index.model.choice.items.length / 4);
    const res = await t.http().post(`/a/${token}/${last}`).type('form').send({ action: 'finish' }).expect(303);
    expect(res.headers.location).toBe(`/a/${token}/2?check=1`);
    const page = await t.http().get(res.headers.location!).expect(200);
    expect(page.text).toContain('Nog niet alles is beantwoord');
    expect(page.text).toContain('Pagina 2: 2 nog open');
    expect(page.text).toMatch(/id="item-L10"[\s\S]*?Deze vraag is nog niet beantwoord/);
  });

  test('When finishing with everything answered, then the profile opens, and the questionnaire link leads there too', async () => {
    const token = await createAssessment(t);
    await answerAll(t, token);
    const last = Math.ceil(index.model.likert.items.length / 8) + Math.ceil(index.model.choice.items.length / 4);
    expect((await t.http().post(`/a/${token}/${last}`).type('form').send({ action: 'finish' }).expect(303)).headers.location).toBe(
      `/p/${token}`,
    );
    expect((await t.http().get(`/a/${token}/1`).expect(303)).headers.location).toBe(`/p/${token}`);
  });

  test.each(['0', '99', 'abc'])('When page %s does not exist, then a 404 page', async (page) => {
    const token = await createAssessment(t);
    const res = await t.http().get(`/a/${token}/${page}`).expect(404);
    expect(res.text).toContain('Niet gevonden');
  });
});

describe('the profile page', () => {
  async function completed(name: string | undefined, value = 4) {
    const token = await createAssessment(t, { consent: true, ...(name ? { name } : {}) });
    await answerAll(t, token, value);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    return token;
  }

  test('When completed, then the page has the chart data, the accessible table, the drives in full and collapsed, and the version', async () => {
    const token = await completed('Eva');
    const res = await t.http().get(`/p/${token}`).expect(200);
    // Private to the browser, always revalidated: the ETag lets it reuse its copy.
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.text).toContain('Drijfverenprofiel van Eva');
    expect(res.text).toMatch(/<canvas id="profile-chart"[^>]*data-chart="\{&#34;label&#34;/);
    expect(res.text.match(/<tr data-drive=/g)).toHaveLength(6);
    expect(res.text.match(/<article class="drive /g)).toHaveLength(6);
    // The band of near-ties is shown in full; the drives outside it (but the weakest) are collapsed.
    expect(res.text).toMatch(/<p data-top>[^<]+/);
    expect((res.text.match(/<details>/g) ?? []).length).toBeLessThanOrEqual(4);
    expect(res.text).toContain(`versie ${index.model.version}`);
    expect(res.text).toMatch(/<script src="\/vendor\/chart\.js-[\d.]+\/chart\.umd\.min\.js" defer>/);
  });

  test('When the browser already has the page, then 304; each language is its own page', async () => {
    const token = await completed('Fem');
    // The page shows its own full link, so it is a page per address: one Host (supertest picks a new port per request).
    const get = (path: string) => t.http().get(path).set('Host', 'drijfveer.test');
    const nl = await get(`/p/${token}`).expect(200);
    expect(nl.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    await get(`/p/${token}`).set('If-None-Match', nl.headers.etag!).expect(304);
    const en = await get(`/p/${token}?lang=en`).expect(200);
    expect(en.headers.etag).not.toBe(nl.headers.etag);
    expect(en.text).toContain('Your drive profile');
    expect((await get(`/p/${token}`).expect(200)).text).toBe(nl.text);
  });

  test('When shown in English, then the drive texts are English', async () => {
    const token = await completed(undefined);
    const res = await t.http().get(`/p/${token}?lang=en`).expect(200);
    expect(res.text).toContain('Your drive profile');
    expect(res.text).toContain('What gives you energy');
  });

  test('When a name holds markup, then it is escaped', async () => {
    const token = await completed('<script>alert(1)</script>');
    const res = await t.http().get(`/p/${token}`).expect(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('When the assessment is still in progress, then the profile link leads to the questionnaire', async () => {
    const token = await createAssessment(t);
    expect((await t.http().get(`/p/${token}`).expect(303)).headers.location).toBe(`/a/${token}`);
  });

  test('When the person confirms deletion, then everything is gone and the link is a 404 page', async () => {
    const token = await completed('Fleur');
    const confirm = await t.http().get(`/p/${token}/delete`).expect(200);
    expect(confirm.text).toContain('Weet je het zeker?');
    const done = await t.http().post(`/p/${token}/delete`).expect(200);
    expect(done.text).toContain('Je gegevens zijn verwijderd');
    expect(await counts(t)).toEqual({ assessments: 0, likert: 0, choice: 0 });
    const gone = await t.http().get(`/p/${token}`).expect(404);
    expect(gone.text).toContain('Niet gevonden');
  });

  test("When the token is unknown, then a friendly 404 page, without another person's data", async () => {
    await completed('Gert');
    const res = await t
      .http()
      .get(`/p/${'Z'.repeat(24)}`)
      .expect(404);
    expect(res.text).not.toContain('Gert');
    expect(res.text).toContain('Naar de startpagina');
  });
});
