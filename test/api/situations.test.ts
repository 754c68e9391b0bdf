import { realContent } from '../helpers/content';
import { counts, createAssessment, makeApp, type TestApp } from '../helpers/app';

// The situations pages (issue 14): one row per reaction with a "most" and a "least" radio, and without JavaScript a page
// that picks one reaction for both comes back with an explanation in that situation.
const index = realContent().current;
type Situation = (typeof index.model.choice.items)[number];
const [s1, s2, s3] = index.model.choice.items.slice(0, 3) as [Situation, Situation, Situation];
const firstChoicePage = Math.ceil(index.model.likert.items.length / 8) + 1;
const option = (s: Situation, k: number) => s.options[k]!.id;

/** The HTML of one situation's section on the page. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="item-${id}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});

describe('a situations page', () => {
  test('When it is opened, then each reaction is written once, with a "most" and a "least" radio named after it', async () => {
    const token = await createAssessment(t);
    const res = await t.http().get(`/a/${token}/${firstChoicePage}`).expect(200);
    const html = section(res.text, s1.id);
    for (const o of s1.options) {
      expect(html.split(o.text.nl).length - 1).toBe(1);
      for (const kind of ['most', 'least']) {
        expect(html).toContain(
          `<input aria-labelledby="prefix-${kind} text-${o.id}" type="radio" name="${s1.id}.${kind}" value="${o.id}" >`,
        );
      }
    }
    expect(html).toMatch(new RegExp(`role="radiogroup" aria-labelledby="group-${s1.id}-most"`));
    expect(res.text).toContain('<span hidden id="prefix-most">Meest:</span>');
  });

  test('When submitted without JavaScript with the same reaction as most and least, then that pair is not saved and the situation explains why', async () => {
    // Arrange: S01 was answered before (most a, least b).
    const token = await createAssessment(t);
    const before = { most: option(s1, 0), least: option(s1, 1) };
    await t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send({ choice: { [s1.id]: before } })
      .expect(200);

    // Act: S01 now gets reaction c for both; S02 a valid pair; S03 only "most".
    const res = await t
      .http()
      .post(`/a/${token}/${firstChoicePage}`)
      .type('form')
      .send({
        [`${s1.id}.most`]: option(s1, 2),
        [`${s1.id}.least`]: option(s1, 2),
        [`${s2.id}.most`]: option(s2, 0),
        [`${s2.id}.least`]: option(s2, 5),
        [`${s3.id}.most`]: option(s3, 1),
        action: 'next',
      });

    // Assert: the page comes back (4xx, not a redirect), the message in S01 says what went wrong and what to do.
    expect(res.status).toBe(400);
    const html = section(res.text, s1.id);
    expect(html).toContain(`<p class="field-error" id="error-${s1.id}">`);
    expect(html).toContain(
      'Je koos dezelfde reactie bij &#39;meest&#39; en bij &#39;minst&#39;. Eén reactie kan niet allebei zijn. Kies voor &#39;minst&#39; een andere reactie dan voor &#39;meest&#39;.',
    );
    expect(html).toContain(`aria-describedby="error-${s1.id}"`);
    expect(res.text).toContain('Niet alles kon worden bewaard');
    // What the person chose is still on the page, for S01 as for the other situations.
    expect(html).toMatch(new RegExp(`name="${s1.id}.most" value="${option(s1, 2)}" checked>`));
    expect(section(res.text, s2.id)).toMatch(new RegExp(`name="${s2.id}.most" value="${option(s2, 0)}" checked>`));
    expect(section(res.text, s2.id)).toMatch(new RegExp(`name="${s2.id}.least" value="${option(s2, 5)}" checked>`));
    expect(section(res.text, s3.id)).toMatch(new RegExp(`name="${s3.id}.most" value="${option(s3, 1)}" checked>`));
    expect(section(res.text, s2.id)).not.toContain('field-error');
    // The pair was not saved: the earlier answer of S01 stands.
    const state = await t.http().get(`/api/assessments/${token}`).expect(200);
    expect(state.body.answers.choice[s1.id]).toEqual(before);
    expect((await counts(t)).choice).toBe(1);
  });

  test('When the English page is submitted with the same reaction for both, then the message is in English', async () => {
    const token = await createAssessment(t, { consent: true, lang: 'en' });
    const res = await t
      .http()
      .post(`/a/${token}/${firstChoicePage}?lang=en`)
      .type('form')
      .send({ [`${s1.id}.most`]: option(s1, 3), [`${s1.id}.least`]: option(s1, 3), action: 'next' })
      .expect(400);
    expect(section(res.text, s1.id)).toContain(
      'You chose the same reaction for &#39;most&#39; and for &#39;least&#39;. One reaction cannot be both.',
    );
  });

  test('When the corrected page is submitted without JavaScript, then the pairs are saved under the same field names as before', async () => {
    const token = await createAssessment(t);
    const res = await t
      .http()
      .post(`/a/${token}/${firstChoicePage}`)
      .type('form')
      .send({
        [`${s1.id}.most`]: option(s1, 2),
        [`${s1.id}.least`]: option(s1, 4),
        [`${s2.id}.most`]: option(s2, 0),
        [`${s2.id}.least`]: option(s2, 5),
        action: 'next',
      })
      .expect(303);
    expect(res.headers.location).toBe(`/a/${token}/${firstChoicePage + 1}`);
    const state = await t.http().get(`/api/assessments/${token}`).expect(200);
    expect(state.body.answers.choice).toEqual({
      [s1.id]: { most: option(s1, 2), least: option(s1, 4) },
      [s2.id]: { most: option(s2, 0), least: option(s2, 5) },
    });
  });
});
