import { readText } from '../../src/domain/reader/read';
import { addUser, loggedInByForm, makeApp, postForm, type TestApp } from '../helpers/app';
import { realContent } from '../helpers/content';

let t: TestApp;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'lotte@example.nl', 'consultant', 'Lotte');
});

const CLEAR = "Wat levert dit ons op in euro's en doorlooptijd?";
/** A remark whose top two drives lie within 15 points of each other (checked first, so a retrained model says so plainly). */
const CLOSE = 'Bij de vorige overstap zijn er handhavingsdossiers gewoon kwijtgeraakt. Dat kun je bij een beroepszaak niet hebben.';

const nameOf = (id: string) => realContent().current.model.drives.find((d) => d.id === id)!.name.nl;
/** The part of the page between two markers: the part a layer or a form takes. */
const part = (html: string, from: RegExp) => {
  const at = html.search(from);
  expect(at).toBeGreaterThanOrEqual(0);
  return html.slice(at, html.indexOf('</div>', at) + 6);
};
const readRemark = async (text: string) => {
  const agent = await loggedInByForm(t, 'lotte@example.nl');
  const res = await postForm(agent, '/reader?lang=nl', '/reader', { text, lang: 'auto' });
  expect(res.status).toBe(200);
  return { agent, html: res.text };
};
const correctionsOf = async (email: string) =>
  (
    await t.db.sql<{ drive: string; read_drive: string; consent: unknown; text: string | null }>(
      'SELECT c.drive, c.read_drive, c.consent, c.text FROM reader_corrections c JOIN users u ON u.id = c.user_id WHERE u.email = ? ORDER BY c.id',
      email,
    )
  ).map((r) => ({ ...r, consent: r.consent === true || r.consent === 1 }));

describe('the reading on the reader page', () => {
  test('When a clear remark is read, then the headline says so and all three layers of evidence are shown', async () => {
    const { html } = await readRemark(CLEAR);

    expect(html).toMatch(/<p class="reading-headline" data-confidence="high"><strong>Hier spreekt duidelijk Resultaat\.<\/strong><\/p>/);
    expect(html).not.toContain('class="reading-weak"');
    const cues = part(html, /data-layer="cues"/);
    expect(cues).toMatch(/<mark class="drive--orange" title="Resultaat">doorlooptijd<\/mark>/);
    const words = part(html, /data-layer="words"/);
    expect(words).toContain('Woorden die de doorslag gaven');
    // Each word with its drive's swatch and name (not the colour alone), as the client wrote it.
    expect(words).toMatch(
      /<li data-drive="orange"><span class="reading-word" lang="nl">doorlooptijd<\/span> <span class="reading-drive"><span class="swatch drive--orange" aria-hidden="true"><\/span>Resultaat<\/span><\/li>/,
    );
    expect(words).toContain('euro&#39;s');
    const similar = part(html, /data-layer="similar"/);
    expect(similar).toContain('Klinkt als');
    expect(similar).toMatch(
      /<blockquote lang="nl">“[^”]+”<\/blockquote>\s*<p class="reading-drive">Gelabeld als <span class="swatch drive--orange"/,
    );
  });

  test('When a clear remark is read, then the table and the chart show only drives with a chance of 5% or more, as "Kans (%)"', async () => {
    const { html } = await readRemark(CLEAR);
    const reading = readText({ text: CLEAR }, realContent().reader.model);
    const shown = reading.drives.filter((d) => d.score >= 5);
    expect(shown.length).toBeLessThan(6);

    expect(html.match(/<tr data-drive="/g)).toHaveLength(shown.length);
    expect(html).toContain('<th scope="col" role="columnheader">Kans (%)</th>');
    expect(html).not.toContain('Aandeel');
    const chart = JSON.parse(
      /data-chart="([^"]+)"/
        .exec(html)![1]!
        .replace(/&#34;/g, '"')
        .replace(/&quot;/g, '"'),
    ) as { values: number[] };
    expect(chart.values).toEqual(shown.map((d) => d.score));
    expect(html).toContain('Drijfveren met een kans onder 5% staan er niet bij.');
  });

  test('When the top two drives are close, then the headline names both and says they lie close together', async () => {
    const reading = readText({ text: CLOSE }, realContent().reader.model);
    expect(reading.close).toBe(true);

    const { html } = await readRemark(CLOSE);

    const [first, second] = reading.drives.map((d) => nameOf(d.drive));
    expect(html).toContain(`data-close><strong>`);
    expect(html).toContain(`${first} of ${second}: die twee liggen dicht bij elkaar.</strong>`);
  });

  test('When the text is nearly empty, then there is still a reading, plainly called a weak hint, with no empty layers', async () => {
    const { html } = await readRemark('ok');

    expect(html).toMatch(/<p class="reading-headline is-weak" data-confidence="low"[^>]*><strong>Een zwakke aanwijzing voor /);
    expect(html).toContain('Dit is maar een zwakke aanwijzing. Check in het gesprek wat de klant bedoelt');
    expect(html).not.toContain('data-layer=');
    expect(html).toMatch(/<tr data-drive="/);
  });

  test('When a cue is said with a negation, then it is marked and explained: the drive stays, the tone is negative', async () => {
    const text = 'Ik wil geen chaos, maar wat levert het op?';
    expect(readText({ text }, realContent().reader.model).negated.length).toBeGreaterThan(0);

    const { html } = await readRemark(text);

    expect(html).toMatch(/<mark class="drive--\w+ negated"/);
    expect(html).toMatch(/Gezegd met een ontkenning: [^<]+\. De drijfveer blijft staan, de toon is negatief\./);
  });

  test('When the page is in English, then the confidence, the layers and the table speak English', async () => {
    const agent = await loggedInByForm(t, 'lotte@example.nl');

    const res = await postForm(agent, '/reader?lang=en', '/reader', {
      text: 'What does this deliver in euros and lead time?',
      lang: 'auto',
    });

    expect(res.status).toBe(200);
    expect(res.text).toContain('<strong>Achievement is clearly speaking here.</strong>');
    expect(res.text).toContain('Words that tipped it');
    expect(res.text).toContain('Sounds like');
    expect(res.text).toContain('<th scope="col" role="columnheader">Chance (%)</th>');
    expect(res.text).toContain('Was it actually something else?');
  });

  test('When the reading is shown, then the limits say what it cannot see and how often it was right', async () => {
    const { html } = await readRemark(CLEAR);
    expect(html).toMatch(/<p class="reading-limits">[^<]*ironie[^<]*context[^<]*toon[^<]*wie het zei[^<]*4 van de 5 keer[^<]*<\/p>/);
  });
});

describe('the correction form under the reading', () => {
  test('When the reading is shown, then the form offers the six drives with the top one chosen and the consent unticked', async () => {
    const { html } = await readRemark(CLEAR);

    const form = html.slice(html.indexOf('<section class="reading-correction"'));
    expect(form).toContain('Was het eigenlijk iets anders?');
    expect(form).toContain('action="/reader/correction#reading"');
    expect(form.match(/<option value="/g)).toHaveLength(6);
    expect(form).toMatch(/<option value="orange" selected>Resultaat<\/option>/);
    expect(form).toMatch(
      /<input id="correction-consent" name="consent" type="checkbox" value="yes" aria-describedby="correction-consent-hint">/,
    );
    expect(form).toContain('Zonder vinkje bewaren we alleen twee namen');
    expect(form).toContain(`<input type="hidden" name="text" value="Wat levert dit ons op in euro&#39;s en doorlooptijd?">`);
    expect(form).toContain('<input type="hidden" name="lang" value="nl">');
  });

  test('When a correction is sent with consent, then the text is stored and the page thanks you with the same reading', async () => {
    await addUser(t, 'consent@example.nl', 'consultant');
    const agent = await loggedInByForm(t, 'consent@example.nl');

    const res = await postForm(agent, '/reader', '/reader/correction', { text: CLEAR, lang: 'nl', drive: 'blue', consent: 'yes' });

    expect(res.status).toBe(200);
    expect(res.text).toContain('<p class="notice" role="status" data-correction-saved>Dank je. Je correctie is opgeslagen.</p>');
    expect(res.text).toContain('Hier spreekt duidelijk Resultaat.');
    expect(await correctionsOf('consent@example.nl')).toEqual([{ drive: 'blue', read_drive: 'orange', consent: true, text: CLEAR }]);
  });

  test('When a correction is sent without consent, then only the two drive names are stored, not the text', async () => {
    await addUser(t, 'noconsent@example.nl', 'consultant');
    const agent = await loggedInByForm(t, 'noconsent@example.nl');

    const res = await postForm(agent, '/reader', '/reader/correction', { text: CLEAR, lang: 'nl', drive: 'green' });

    expect(res.status).toBe(200);
    expect(res.text).toContain('Dank je. Je correctie is opgeslagen.');
    expect(await correctionsOf('noconsent@example.nl')).toEqual([{ drive: 'green', read_drive: 'orange', consent: false, text: null }]);
  });

  test('When a correction is posted without its token, then 403 and nothing is stored', async () => {
    await addUser(t, 'nocsrf@example.nl', 'consultant');
    const agent = await loggedInByForm(t, 'nocsrf@example.nl');

    await agent.post('/reader/correction').type('form').send({ text: CLEAR, lang: 'nl', drive: 'green' }).expect(403);

    expect(await correctionsOf('nocsrf@example.nl')).toEqual([]);
  });

  test('When the drive is not one of the six, then the page comes back with 400, the reading and a clear message', async () => {
    await addUser(t, 'baddrive@example.nl', 'consultant');
    const agent = await loggedInByForm(t, 'baddrive@example.nl');

    const res = await postForm(agent, '/reader', '/reader/correction', { text: CLEAR, lang: 'nl', drive: 'pink' });

    expect(res.status).toBe(400);
    expect(res.text).toContain(
      '<p class="field-error" role="alert" id="correction-error">De correctie is niet opgeslagen. Kies een van de zes drijfveren.</p>',
    );
    expect(res.text).toContain('Hier spreekt duidelijk Resultaat.');
    expect(res.text).not.toContain('data-correction-saved');
    expect(await correctionsOf('baddrive@example.nl')).toEqual([]);
  });

  test('When the text is missing or too long, then the form comes back with 400 and says so, never 500', async () => {
    await addUser(t, 'badtext@example.nl', 'consultant');
    const agent = await loggedInByForm(t, 'badtext@example.nl');

    for (const text of ['', '   ', 'x'.repeat(20_001)]) {
      const res = await postForm(agent, '/reader', '/reader/correction', { text, lang: 'nl', drive: 'green' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('De correctie is niet opgeslagen: de tekst ontbreekt of is te lang.');
    }
    const odd = await postForm(agent, '/reader', '/reader/correction', { text: CLEAR, lang: 'fr', drive: 'green', consent: 'on' });
    expect(odd.status).toBe(400);
    expect(odd.text).toContain('De correctie is niet opgeslagen. Kies een drijfveer en probeer het opnieuw.');
    expect(await correctionsOf('badtext@example.nl')).toEqual([]);
  });

  test('When not logged in, then a correction sends you to the login page and stores nothing', async () => {
    const before = Number(await t.db.one('SELECT count(*) FROM reader_corrections'));

    const res = await t.http().post('/reader/correction').type('form').send({ text: CLEAR, drive: 'green' }).expect(303);

    expect(res.headers.location).toBe('/login?next=%2Freader%2Fcorrection');
    expect(Number(await t.db.one('SELECT count(*) FROM reader_corrections'))).toBe(before);
  });

  test('When the login brings you back to the correction address, then it leads to the reader', async () => {
    const agent = await loggedInByForm(t, 'lotte@example.nl');
    expect((await agent.get('/reader/correction').expect(303)).headers.location).toBe('/reader');
  });
});
