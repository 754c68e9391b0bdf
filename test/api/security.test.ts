import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Store } from '../../src/db/store';
import { createLogger } from '../../src/logger';
import { realContent } from '../helpers/content';
import { createAssessment, makeApp, type TestApp } from '../helpers/app';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp();
  });

  test('When a page is served, then the CSP allows no inline script and no other origin, framing is refused, and Express is not announced', async () => {
    const res = await t.http().get('/').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  test('When any page is rendered, then it has no inline script and no inline style attribute', async () => {
    const token = await createAssessment(t);
    for (const path of ['/', `/a/${token}/1`, `/a/${token}/7`, '/nope']) {
      const res = await t.http().get(path);
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(res.text).not.toMatch(/\sstyle="/);
    }
  });

  test('When chart.js is requested, then it comes from our own origin with a long cache lifetime', async () => {
    const page = await t.http().get('/').expect(200);
    const url = (t.app.locals as { chartJsUrl: string }).chartJsUrl;
    expect(page.status).toBe(200);
    const res = await t.http().get(url).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('cross-site requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp();
  });

  test('When a browser posts from another site (Sec-Fetch-Site: cross-site), then 403 and nothing is stored', async () => {
    const res = await t.http().post('/api/assessments').set('Sec-Fetch-Site', 'cross-site').send({ consent: true }).expect(403);
    expect(res.body.error.code).toBe('forbidden');
    await t.http().post('/start').set('Origin', 'https://evil.example').type('form').send({ consent: 'yes' }).expect(403);
    expect(await t.db.one('SELECT count(*) FROM assessments')).toBe(0);
  });

  test('When another site posts a questionnaire page (served ahead of the form machinery), then 403 and the answer is not stored', async () => {
    const { token } = (await t.http().post('/api/assessments').send({ consent: true }).expect(201)).body as { token: string };
    await t.http().post(`/a/${token}/1`).set('Sec-Fetch-Site', 'cross-site').type('form').send({ L01: '4', action: 'next' }).expect(403);
    expect(await t.db.one('SELECT count(*) FROM likert_answers')).toBe(0);
    // The same post from our own page is stored: the form body is parsed on this early route too.
    await t.http().post(`/a/${token}/1`).set('Sec-Fetch-Site', 'same-origin').type('form').send({ L01: '4', action: 'next' }).expect(303);
    expect(await t.db.one('SELECT count(*) FROM likert_answers')).toBe(1);
  });

  test('When the Origin is our own host, or a non-browser client sends no Origin, then the request works', async () => {
    await t
      .http()
      .post('/api/assessments')
      .set('Host', 'drijfveer.test')
      .set('Origin', 'http://drijfveer.test')
      .send({ consent: true })
      .expect(201);
    await t.http().post('/api/assessments').send({ consent: true }).expect(201);
    await t.http().post('/api/assessments').set('Sec-Fetch-Site', 'same-origin').send({ consent: true }).expect(201);
  });

  test('When the Origin is malformed or "null", then 403', async () => {
    await t.http().post('/api/assessments').set('Origin', 'null').send({ consent: true }).expect(403);
  });
});

describe('errors', () => {
  function brokenApp(env: 'production' | 'test') {
    // Every repository function of this store fails.
    const failingRepo = new Proxy(
      {},
      {
        get: () => async () => {
          throw new Error('disk on fire at /secret/path');
        },
      },
    );
    const quiet = { publish: () => undefined, subscribe: () => () => undefined };
    const store = new Proxy(
      {},
      { get: (_t, key) => (key === 'close' ? async () => undefined : key === 'changes' ? quiet : failingRepo) },
    ) as Store;
    const config = loadConfig({ NODE_ENV: env, SESSION_SECRET: 'x'.repeat(32) });
    return request(createApp({ db: store, config, content: realContent(), logger: createLogger('silent') }));
  }

  test('When the database fails in production, then the API answers 500 with a generic message and no stack or details', async () => {
    const res = await brokenApp('production').post('/api/assessments').send({ consent: true }).expect(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    expect(res.text).not.toMatch(/secret|at \w+ \(/);
  });

  test('When the database fails on a page, then a friendly error page without internals', async () => {
    const res = await brokenApp('production')
      .get(`/p/${'A'.repeat(24)}`)
      .expect(500);
    expect(res.text).toContain('Er ging iets mis');
    expect(res.text).not.toMatch(/secret|Error:|at \w+ \(/);
  });

  test('When a route does not exist, then the API gets a JSON 404 and pages a 404 page', async () => {
    const t = await makeApp();
    expect((await t.http().get('/api/nothing').expect(404)).body.error.code).toBe('not_found');
    expect((await t.http().get('/nothing').expect(404)).text).toContain('Niet gevonden');
  });
});
