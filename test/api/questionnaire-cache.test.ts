import fc from 'fast-check';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createAssessment, makeApp } from '../helpers/app';
import { realContent } from '../helpers/content';

const model = realContent().current.model;

/** Any subset of the questionnaire answered, in any way (the stored pages must fill in each of them). */
const answersArb = fc.record({
  likert: fc.dictionary(fc.constantFrom(...model.likert.items.map((i) => i.id)), fc.integer({ min: 1, max: 5 }), { maxKeys: 20 }),
  choice: fc.dictionary(
    fc.constantFrom(...model.choice.items.map((s) => s.id)),
    fc.integer({ min: 0, max: 4 }), // most: option k, least: option k + 1
    { maxKeys: 6 },
  ),
});

describe('questionnaire pages from the stored page', () => {
  test('When a page comes from the stored page, then it is byte for byte the page a full render gives, for any answers and page', async () => {
    // Arrange: app 1 has stored every page (warmed by one participant); app 2, over the same database, renders each page afresh.
    const t = await makeApp({ RATE_LIMIT_ASSESSMENTS_PER_IP: '1000' });
    const fresh = () => request(createApp({ db: t.store, config: loadConfig({ NODE_ENV: 'test' }), content: realContent() }));
    const warm = await createAssessment(t);
    for (let page = 1; page <= 9; page++) await t.http().get(`/a/${warm}/${page}`).expect(200);

    await fc.assert(
      fc.asyncProperty(answersArb, fc.integer({ min: 1, max: 9 }), fc.constantFrom('nl', 'en'), async (raw, page, lang) => {
        const token = await createAssessment(t, { consent: true, lang });
        const choice = Object.fromEntries(
          Object.entries(raw.choice).map(([id, k]) => {
            const options = model.choice.items.find((s) => s.id === id)!.options;
            return [id, { most: options[k]!.id, least: options[k + 1]!.id }];
          }),
        );
        if (Object.keys(raw.likert).length + Object.keys(choice).length) {
          await t.http().put(`/api/assessments/${token}/answers`).send({ likert: raw.likert, choice }).expect(200);
        }
        // Act: the same page from the stored page (app 1) and rendered in full (a new app 2, nothing stored).
        const stored = await t.http().get(`/a/${token}/${page}`).set('Host', 'kamer.example.nl').expect(200);
        const full = await fresh().get(`/a/${token}/${page}`).set('Host', 'kamer.example.nl').expect(200);
        // Assert: the same bytes, and the person's own answers are in them.
        expect(stored.text).toBe(full.text);
        expect(stored.text).toContain(`http://kamer.example.nl/a/${token}`);
      }),
      { numRuns: 25 },
    );
  });

  test('When the Host header carries markup, then the stored page escapes it in the private link', async () => {
    const t = await makeApp();
    const token = await createAssessment(t);
    await t.http().get(`/a/${token}/1`).expect(200);
    const res = await t.http().get(`/a/${token}/1`).set('Host', 'x"><b>y').expect(200);
    expect(res.text).not.toContain('"><b>y');
  });
});
