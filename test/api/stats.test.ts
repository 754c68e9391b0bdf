import { simulateRespondents } from '../../src/domain/stats/simulate';
import { seededRandom } from '../../src/domain/stats/random';
import { addUser, answerAll, createAssessment, joinAndComplete, loggedIn, makeApp, type TestApp } from '../helpers/app';
import { realContent } from '../helpers/content';

/** Adds `n` simulated respondents through the API, each completing a full answer set. */
async function simulate(t: TestApp, n: number, seed = 1) {
  const tokens: string[] = [];
  for (const answers of simulateRespondents(realContent().current, n, 0.8, seededRandom(seed))) {
    const token = await createAssessment(t);
    await t.http().put(`/api/assessments/${token}/answers`).send(answers).expect(200);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    tokens.push(token);
  }
  return tokens;
}

let t: TestApp;
let admin: Awaited<ReturnType<typeof loggedIn>>;
let trainer: Awaited<ReturnType<typeof loggedIn>>;
let consultant: Awaited<ReturnType<typeof loggedIn>>;
beforeAll(async () => {
  t = await makeApp({ RATE_LIMIT_JOIN_PER_CLIENT: '1000', RATE_LIMIT_ASSESSMENTS_PER_IP: '10000' });
  await addUser(t, 'admin@example.nl', 'admin');
  await addUser(t, 'trainer@example.nl', 'trainer');
  await addUser(t, 'cons@example.nl', 'consultant');
  admin = await loggedIn(t, 'admin@example.nl');
  trainer = await loggedIn(t, 'trainer@example.nl');
  consultant = await loggedIn(t, 'cons@example.nl');
});

describe('GET /api/stats/quality', () => {
  test('When not logged in or a consultant, then 401 / 403', async () => {
    await t.http().get('/api/stats/quality').expect(401);
    await consultant.get('/api/stats/quality').expect(403);
  });

  test('When an admin asks, then every completed profile counts (in steps of 10); a trainer sees only their sessions', async () => {
    await simulate(t, 40);
    const s = (await trainer.post('/api/sessions').send({ title: 'Stats' }).expect(201)).body;
    for (const [i, [most, least]] of [
      ['red', 'blue'],
      ['green', 'red'],
      ['blue', 'yellow'],
      ['yellow', 'purple'],
    ].entries()) {
      await joinAndComplete(t, s.code, `P${i}`, most!, least!);
    }
    const all = (await admin.get('/api/stats/quality').expect(200)).body;
    expect(all).toMatchObject({ modelVersion: realContent().current.model.version, n: 40, completed: 44, withheld: false, scope: 'all' });
    expect(all.scales).toHaveLength(6);
    expect(all.scales[0]).toMatchObject({
      drive: 'purple',
      n: 40,
      k: 8,
      alpha: expect.any(Number),
      alphaCi: { lower: expect.any(Number), upper: expect.any(Number) },
    });
    expect(all.scales[0].items[0]).toEqual(
      expect.objectContaining({
        id: 'L01',
        mean: expect.any(Number),
        sd: expect.any(Number),
        itemTotal: expect.any(Number),
        alphaIfDeleted: expect.any(Number),
        flagged: expect.any(Boolean),
      }),
    );
    expect(all.scaleCorrelations).toHaveLength(6);
    expect(all.convergent).toHaveLength(6);
    expect(all.choices[0].options).toHaveLength(6);
    const own = (await trainer.get('/api/stats/quality').expect(200)).body;
    // Four is too few to show anything but the count (see test/api/disclosure.test.ts).
    expect(own).toMatchObject({ n: 0, completed: 4, withheld: true, scope: 'own sessions' });
  });

  test('When the model version is unknown or malformed, then 404 / 400', async () => {
    await admin.get('/api/stats/quality?modelVersion=99').expect(404);
    await admin.get(`/api/stats/quality?modelVersion=${'x'.repeat(50)}`).expect(400);
  });
});

describe('norms', () => {
  test('Below 50 profiles there are no norms; from 50 on the profile shows percentiles and bands, against whom, and a frozen table holds them', async () => {
    const app = await makeApp({ RATE_LIMIT_ASSESSMENTS_PER_IP: '10000' });
    const tokens = await simulate(app, 49, 5);
    const first = (await app.http().get(`/api/assessments/${tokens[0]}/profile`).expect(200)).body;
    expect(first.norms).toBeNull();
    expect((await app.http().get(`/p/${tokens[0]}`).expect(200)).text).toContain('minstens 50 ingevulde profielen');

    await simulate(app, 1, 6);
    const withNorms = (await app.http().get(`/api/assessments/${tokens[0]}/profile`).expect(200)).body.norms;
    expect(withNorms).toMatchObject({ n: 50, asOf: expect.any(String), modelVersion: realContent().current.model.version, frozen: false });
    expect(withNorms.scores).toHaveLength(6);
    for (const s of withNorms.scores) {
      expect(s.percentile).toBeGreaterThanOrEqual(0);
      expect(s.percentile).toBeLessThanOrEqual(100);
      expect(['low', 'average', 'high']).toContain(s.band);
    }

    await addUser(app, 'norm-admin@example.nl', 'admin');
    const boss = await loggedIn(app, 'norm-admin@example.nl');
    const table = (await boss.post('/api/stats/norms/freeze').send({}).expect(201)).body;
    expect(table).toMatchObject({ id: expect.any(Number), n: 50, modelVersion: realContent().current.model.version, active: false });
    await boss.post('/api/stats/norms/activate').send({ id: table.id }).expect(204);
    await simulate(app, 10, 8);
    const frozen = (await app.http().get(`/api/assessments/${tokens[1]}/profile`).expect(200)).body.norms;
    expect(frozen).toMatchObject({ n: 50, frozen: true });
    expect((await boss.get('/api/stats/norms').expect(200)).body.tables[0]).toMatchObject({ id: table.id, active: true });
    const page = await app.http().get(`/p/${tokens[1]}`).expect(200);
    expect(page.text).toContain('vaste normgroep van 50 mensen');
    expect(page.text.match(/<tr data-drive=/g)!.length).toBe(12);

    await boss.post('/api/stats/norms/activate').send({ id: null }).expect(204);
    await boss.post('/api/stats/norms/activate').send({ id: 9999 }).expect(404);
  });

  test('When a norm table was frozen with the earlier scoring, then it is not used and cannot be activated; a new one is', async () => {
    // Arrange: 50 profiles and a table as migration 9 leaves one frozen before scoring 2 (scoring 1, not active).
    const app = await makeApp({ RATE_LIMIT_ASSESSMENTS_PER_IP: '10000' });
    const tokens = await simulate(app, 50, 9);
    const version = realContent().current.model.version;
    await app.db.sql(
      "INSERT INTO norm_tables (model_version, created_at, n, scores_json, active, scoring) VALUES (?, '2026-01-01T00:00:00.000Z', 50, ?, TRUE, 1)",
      version,
      JSON.stringify({ purple: [0], red: [0], blue: [0], orange: [0], green: [0], yellow: [0] }),
    );
    const old = await app.db.one<number>('SELECT id FROM norm_tables WHERE scoring = 1');
    await addUser(app, 'old-norms@example.nl', 'admin');
    const boss = await loggedIn(app, 'old-norms@example.nl');

    // Even marked active, the old table is not the norm group: the live group of 50 is.
    const norms = (await app.http().get(`/api/assessments/${tokens[0]}/profile`).expect(200)).body.norms;
    expect(norms).toMatchObject({ n: 50, frozen: false });
    const refused = await boss.post('/api/stats/norms/activate').send({ id: old }).expect(404);
    expect(refused.body.error.message).toMatch(/current scoring/);
    // A table frozen now carries the current scoring and can be activated.
    const fresh = (await boss.post('/api/stats/norms/freeze').send({}).expect(201)).body;
    await boss.post('/api/stats/norms/activate').send({ id: fresh.id }).expect(204);
    expect(await app.db.one<number>('SELECT scoring FROM norm_tables WHERE id = ?', fresh.id)).toBe(2);
  });

  test('When a trainer tries to freeze norms or read test–retest, then 403', async () => {
    await trainer.post('/api/stats/norms/freeze').send({}).expect(403);
    await trainer.get('/api/stats/retest').expect(403);
    await trainer.get('/api/stats/norms').expect(403);
  });
});

describe('change over time', () => {
  test('When a consultant compares two profiles, then each drive shows the change and whether it exceeds measurement error', async () => {
    await simulate(t, 20, 9);
    await addUser(t, 'change@example.nl', 'consultant');
    const me = await loggedIn(t, 'change@example.nl');
    const ids: number[] = [];
    for (const v of [1, 5]) {
      const token = await createAssessment(t);
      await answerAll(t, token, v);
      await t.http().post(`/api/assessments/${token}/complete`).expect(200);
      await me.post('/api/me/profiles').send({ link: token }).expect(201);
    }
    ids.push(...(await me.get('/api/me/profiles').expect(200)).body.map((p: { id: number }) => p.id));
    const page = await me.get(`/me/compare?a=${ids[1]}&b=${ids[0]}`).expect(200);
    // 22 profiles: below the 100 the reliable change index needs, so it is not judged, and the page says why.
    expect(page.text.match(/data-reliable=""/g)!.length).toBe(6);
    expect(page.text).toContain('data-rci-guard');

    const retest = (await admin.get('/api/stats/retest').expect(200)).body;
    expect(retest).toMatchObject({ n: 1, intervalDays: { median: 0, min: 0, max: 0 } });
  });
});

describe('the quality page', () => {
  test('When an admin opens it, then reliability, items, correlations, choices, norms and test–retest are shown', async () => {
    const page = await admin.get('/stats').expect(200);
    for (const table of ['reliability', 'items-purple', 'correlations', 'convergent', 'choices', 'retest'])
      expect(page.text).toContain(`data-table="${table}"`);
    expect(page.text).toContain('data-chart-kind="bar"');
    const own = await trainer.get('/stats').expect(200);
    expect(own.text).toContain('Alleen de deelnemers van jouw sessies');
    expect(own.text).not.toContain('data-table="retest"');
    await consultant.get('/stats').expect(403);
  });

  test('When the quality page is shown, then each small-sample guard has its sentence: alpha interval, item advice, change index', async () => {
    const app = await makeApp({ RATE_LIMIT_ASSESSMENTS_PER_IP: '10000' });
    await simulate(app, 12, 4);
    await addUser(app, 'guards@example.nl', 'admin');
    const page = (await (await loggedIn(app, 'guards@example.nl')).get('/stats').expect(200)).text;
    expect(page).toMatch(/data-guard="alpha">[^<]*10/);
    expect(page).toMatch(/data-guard="items"[^>]*>[^<]*vanaf 100 ingevulde profielen\. Tussen 30 en 100 is dat advies voorlopig/);
    expect(page).toMatch(/data-guard="rci">[^<]*minstens 100 ingevulde profielen van deze versie/);
  });
});
