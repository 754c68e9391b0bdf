import { hashToken } from '../../src/services/tokens';
import { realContent, uniformAnswers } from '../helpers/content';
import { answerAll, counts, createAssessment, makeApp, type TestApp } from '../helpers/app';

const model = realContent().current;
const firstItem = model.model.likert.items[0]!.id;
const firstSituation = model.model.choice.items[0]!;

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});

describe('POST /api/assessments', () => {
  test('When consent is given, then 201 returns a 144-bit URL-safe token and links, and only its hash is stored', async () => {
    const res = await t.http().post('/api/assessments').send({ consent: true, name: 'Anna', lang: 'en' }).expect(201);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(res.body.links).toEqual({ questionnaire: `/a/${res.body.token}`, profile: `/p/${res.body.token}` });
    const row = (await t.db.sql('SELECT * FROM assessments'))[0] as Record<string, unknown>;
    expect(row).toMatchObject({ token_hash: hashToken(res.body.token), lang: 'en', name: 'Anna', model_version: model.model.version });
    expect(JSON.stringify(row)).not.toContain(res.body.token);
    expect(row.consent_at).toEqual(expect.any(String));
  });

  test('When no language is given, then Dutch is used', async () => {
    await createAssessment(t);
    expect(await t.db.one('SELECT lang FROM assessments')).toBe('nl');
  });

  test.each([
    ['consent missing', {}],
    ['consent false', { consent: false }],
    ['consent as a string', { consent: 'true' }],
    ['an unknown language', { consent: true, lang: 'de' }],
    ['a name of 101 characters', { consent: true, name: 'x'.repeat(101) }],
    ['a name that is a number', { consent: true, name: 42 }],
    ['a name with a NUL character', { consent: true, name: 'a\u0000b' }],
    ['an extra field', { consent: true, admin: true }],
    ['an array body', [{ consent: true }]],
  ])('When the body has %s, then 400 names the field and nothing is stored', async (_case, body) => {
    const res = await t
      .http()
      .post('/api/assessments')
      .send(body as object)
      .expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.fields.length).toBeGreaterThan(0);
    expect((await counts(t)).assessments).toBe(0);
  });

  test('When the body is not valid JSON, then 400 invalid_json', async () => {
    const res = await t.http().post('/api/assessments').set('Content-Type', 'application/json').send('{"consent": tru').expect(400);
    expect(res.body.error).toEqual({ code: 'invalid_json', message: expect.any(String) });
  });

  test('When the body is a form instead of JSON, then 415', async () => {
    const res = await t.http().post('/api/assessments').type('form').send('consent=true').expect(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    expect((await counts(t)).assessments).toBe(0);
  });

  test('When the body is larger than 100 kB, then 413', async () => {
    const res = await t
      .http()
      .post('/api/assessments')
      .send({ consent: true, name: 'x'.repeat(110_000) })
      .expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('GET /api/assessments/:token', () => {
  test('When new, then it is in progress with nothing answered', async () => {
    const token = await createAssessment(t);
    const res = await t.http().get(`/api/assessments/${token}`).expect(200);
    expect(res.body).toMatchObject({ status: 'in_progress', answered: 0, total: model.total, answers: { likert: {}, choice: {} } });
  });

  test.each([
    ['unknown', 'A'.repeat(24)],
    ['malformed', 'abc'],
    ['too long', 'A'.repeat(200)],
  ])('When the token is %s, then 404 with the error shape', async (_case, token) => {
    const res = await t.http().get(`/api/assessments/${token}`).expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('PUT /api/assessments/:token/answers', () => {
  test('When answers are sent in parts, then they merge and the progress counts statements and situations', async () => {
    const token = await createAssessment(t);
    let res = await t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send({ likert: { [firstItem]: 2 } })
      .expect(200);
    expect(res.body).toEqual({ answered: 1, total: model.total });
    const choice = { [firstSituation.id]: { most: firstSituation.options[0]!.id, least: firstSituation.options[1]!.id } };
    res = await t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send({ likert: { [firstItem]: 5 }, choice })
      .expect(200);
    expect(res.body).toEqual({ answered: 2, total: model.total });
    const state = await t.http().get(`/api/assessments/${token}`).expect(200);
    expect(state.body.answers).toEqual({ likert: { [firstItem]: 5 }, choice });
  });

  // Each bad request also carries a valid answer (L03), which must not be stored either.
  const bad: [string, unknown, string][] = [
    ['an unknown item', { likert: { L03: 1, L999: 3 } }, 'likert.L999'],
    ['a value of 6', { likert: { L03: 1, L01: 6 } }, 'likert.L01'],
    ['a value of 0', { likert: { L03: 1, L01: 0 } }, 'likert.L01'],
    ['a fractional value', { likert: { L03: 1, L01: 2.5 } }, 'likert.L01'],
    ['a value as a string', { likert: { L03: 1, L01: '3' } }, 'likert.L01'],
    ['most equal to least', { likert: { L03: 1 }, choice: { S01: { most: 'S01a', least: 'S01a' } } }, 'choice.S01.least'],
    ['an option of another situation', { likert: { L03: 1 }, choice: { S01: { most: 'S02a', least: 'S01b' } } }, 'choice.S01.most'],
    ['an unknown situation', { likert: { L03: 1 }, choice: { S99: { most: 'S99a', least: 'S99b' } } }, 'choice.S99'],
    ['a choice without least', { likert: { L03: 1 }, choice: { S01: { most: 'S01a' } } }, 'choice.S01.least'],
    ['an extra field', { likert: { L03: 1 }, note: 'x' }, '(body)'],
    ['a negative duration', { likert: { L03: 1 }, durations: { L03: -5 } }, 'durations.L03'],
    ['no answers at all', {}, '(body)'],
  ];
  test.each(bad)('When the request has %s, then 400 names the field and nothing of the request is stored', async (_c, body, field) => {
    const token = await createAssessment(t);
    await t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send({ likert: { L02: 4 } })
      .expect(200);
    const res = await t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send(body as object)
      .expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    const state = await t.http().get(`/api/assessments/${token}`).expect(200);
    expect(state.body.answers).toEqual({ likert: { L02: 4 }, choice: {} });
  });

  test('When the body is not an object, then 400 and nothing is stored', async () => {
    const token = await createAssessment(t);
    await t.http().put(`/api/assessments/${token}/answers`).send([1, 2]).expect(400);
    await t.http().put(`/api/assessments/${token}/answers`).set('Content-Type', 'application/json').send('"text"').expect(400);
    expect((await counts(t)).likert).toBe(0);
  });

  test('When the token is unknown, then 404', async () => {
    await t
      .http()
      .put(`/api/assessments/${'B'.repeat(24)}/answers`)
      .send({ likert: { L01: 3 } })
      .expect(404);
  });

  test('When the assessment is completed, then 409 and the stored answer stays', async () => {
    const token = await createAssessment(t);
    await answerAll(t, token, 4);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    const res = await t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send({ likert: { L01: 1 } })
      .expect(409);
    expect(res.body.error.code).toBe('already_completed');
    expect((await t.http().get(`/api/assessments/${token}`)).body.answers.likert.L01).toBe(4);
  });
});

describe('POST /api/assessments/:token/complete and GET …/profile', () => {
  test('When answers are missing, then 422 lists exactly the missing item ids', async () => {
    const token = await createAssessment(t);
    const all = uniformAnswers(model);
    delete all.likert.L05;
    delete all.choice.S03;
    await t.http().put(`/api/assessments/${token}/answers`).send(all).expect(200);
    const res = await t.http().post(`/api/assessments/${token}/complete`).expect(422);
    expect(res.body.error).toMatchObject({ code: 'incomplete', details: { missing: ['L05', 'S03'] } });
    await t.http().get(`/api/assessments/${token}/profile`).expect(409);
  });

  test('When complete, then 200 returns the profile, and the same profile can be read again', async () => {
    const token = await createAssessment(t, { consent: true, name: 'Bram', lang: 'en' });
    await answerAll(t, token, 3);
    const res = await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    const p = res.body;
    expect(p).toMatchObject({ modelVersion: model.model.version, lang: 'en', name: 'Bram', completedAt: expect.any(String) });
    expect(p.scores).toHaveLength(6);
    expect(p.ranking).toHaveLength(6);
    expect(p.primary).toEqual(p.top.band);
    expect([...p.top.band, ...p.top.near]).toEqual(p.ranking.slice(0, p.top.band.length + p.top.near.length));
    expect(p.lowest).toBe(p.ranking[5]);
    // All statements at 3 → every likert score is 50 → "flat" with an English message.
    expect(p.scores.every((s: { likert: number }) => s.likert === 50)).toBe(true);
    expect(p.flags).toContainEqual({ code: 'flat', message: expect.stringMatching(/scores are close together/) });
    expect((await t.http().get(`/api/assessments/${token}/profile`).expect(200)).body).toEqual(p);
    expect((await t.http().get(`/api/assessments/${token}`).expect(200)).body.status).toBe('completed');
  });

  test('When completed twice, then the second time is 409', async () => {
    const token = await createAssessment(t);
    await answerAll(t, token);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    await t.http().post(`/api/assessments/${token}/complete`).expect(409);
  });

  test('When the token is unknown, then complete and profile are 404', async () => {
    await t
      .http()
      .post(`/api/assessments/${'C'.repeat(24)}/complete`)
      .expect(404);
    await t
      .http()
      .get(`/api/assessments/${'C'.repeat(24)}/profile`)
      .expect(404);
  });
});

describe('DELETE /api/assessments/:token', () => {
  test('When deleted, then 204, every row of it is gone, and the token is 404 everywhere', async () => {
    const keep = await createAssessment(t);
    await answerAll(t, keep);
    const token = await createAssessment(t);
    await answerAll(t, token);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    await t.http().delete(`/api/assessments/${token}`).expect(204);
    expect(await counts(t)).toEqual({ assessments: 1, likert: model.model.likert.items.length, choice: model.model.choice.items.length });
    await t.http().get(`/api/assessments/${token}`).expect(404);
    await t.http().get(`/api/assessments/${token}/profile`).expect(404);
    await t.http().get(`/p/${token}`).expect(404);
    await t.http().get(`/a/${token}`).expect(404);
    await t.http().delete(`/api/assessments/${token}`).expect(404);
  });
});
