import request from 'supertest';
import { purgeExpired } from '../../src/services/retention';
import { PASSWORD, addUser, answerAll, createAssessment, joinAndComplete, loggedIn, makeApp, type TestApp } from '../helpers/app';
import { realContent } from '../helpers/content';

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});
const count = (sql: string, ...args: unknown[]) => t.db.one<number>(sql, ...args);
const DAY = 86_400_000;

describe('consent and minimal data', () => {
  test('When someone consents, then the time and the version of the privacy text are stored', async () => {
    await createAssessment(t);
    const row = (await t.db.sql('SELECT consent_at, consent_version FROM assessments'))[0] as {
      consent_at: string;
      consent_version: string;
    };
    expect(new Date(row.consent_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(row.consent_version).toBe(realContent().texts.nl.get('privacy.version'));
  });

  test('No table has a column for IP addresses, user agents or e-mail with assessments', async () => {
    for (const table of ['assessments', 'likert_answers', 'choice_answers', 'workshops']) {
      const columns = await t.db.columns(table);
      expect(columns).not.toEqual([]);
      expect(columns.filter((c) => /ip|agent|addr|email|mail/i.test(c))).toEqual([]);
    }
  });

  test.each([
    ['nl', 'Hoe lang'],
    ['en', 'How long'],
  ])('The privacy page in %s says how long data is kept', async (lang, heading) => {
    const res = await t.http().get(`/privacy?lang=${lang}`).expect(200);
    expect(res.text).toContain(heading);
    expect(res.text).toMatch(/\b30\b[\s\S]*\b365\b/);
  });
});

describe("export of one's own data", () => {
  test('When a participant downloads their data, then it holds everything stored about them', async () => {
    const token = await createAssessment(t, { consent: true, name: 'Hanna', lang: 'en' });
    await answerAll(t, token, 3);
    await t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send({ likert: { L01: 5 }, durations: { L01: 2100 } })
      .expect(200);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    const res = await t.http().get(`/api/assessments/${token}/export`).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?drijfveer-my-data\.json"?$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.body;
    expect(data.assessment).toMatchObject({
      name: 'Hanna',
      lang: 'en',
      consent: { at: expect.any(String), textVersion: expect.any(String) },
      completedAt: expect.any(String),
      session: null,
    });
    expect(data.answers).toHaveLength(60);
    expect(data.answers.find((a: { itemId: string }) => a.itemId === 'L01')).toMatchObject({
      kind: 'likert',
      value: 5,
      durationMs: 2100,
      answeredAt: expect.any(String),
    });
    expect(data.profile.scores).toHaveLength(6);
    expect(JSON.stringify(data)).not.toContain(token);
    expect((await t.http().get(`/p/${token}`).expect(200)).text).toContain(`href="/api/assessments/${token}/export"`);
  });
});

describe('a trainer removes a participant', () => {
  test('When a trainer removes a participant, then every row of theirs is gone and the session counts one less', async () => {
    await addUser(t, 'ria@example.nl');
    const ria = await loggedIn(t, 'ria@example.nl');
    const s = (await ria.post('/api/sessions').send({ title: 'R' }).expect(201)).body;
    const gone = await joinAndComplete(t, s.code, 'Gone', 'red', 'blue');
    await joinAndComplete(t, s.code, 'Stays', 'green', 'blue');
    const members = (await ria.get(`/api/sessions/${s.id}/summary`).expect(200)).body.members;
    const pid = members.find((m: { name: string }) => m.name === 'Gone').id;

    await addUser(t, 'other@example.nl');
    const other = await loggedIn(t, 'other@example.nl');
    await other.delete(`/api/sessions/${s.id}/participants/${pid}`).expect(404);

    await ria.delete(`/api/sessions/${s.id}/participants/${pid}`).expect(204);
    expect(await count('SELECT count(*) FROM assessments WHERE id = ?', pid)).toBe(0);
    expect(await count('SELECT count(*) FROM likert_answers WHERE assessment_id = ?', pid)).toBe(0);
    expect(await count('SELECT count(*) FROM choice_answers WHERE assessment_id = ?', pid)).toBe(0);
    await t.http().get(`/p/${gone}`).expect(404);
    expect((await ria.get(`/api/sessions/${s.id}/summary`).expect(200)).body).toMatchObject({
      participants: 1,
      members: [expect.objectContaining({ name: 'Stays' })],
    });
    await ria.delete(`/api/sessions/${s.id}/participants/${pid}`).expect(404);
  });

  test('When the trainer uses the remove button on the dashboard, then the participant is gone', async () => {
    await addUser(t, 'tom@example.nl');
    const agent = request.agent(t.app);
    const csrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
    const loginPage = await agent.get('/login');
    await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrf(loginPage.text), email: 'tom@example.nl', password: PASSWORD })
      .expect(303);
    const s = (await agent.post('/api/sessions').send({ title: 'Button' }).expect(201)).body;
    await joinAndComplete(t, s.code, 'Wim', 'red', 'blue');
    const pid = (await agent.get(`/api/sessions/${s.id}/summary`)).body.members[0].id;
    const dash = await agent.get(`/trainer/sessions/${s.id}`).expect(200);
    await agent
      .post(`/trainer/sessions/${s.id}/participants/${pid}/delete`)
      .type('form')
      .send({ _csrf: csrf(dash.text) })
      .expect(303);
    expect(await count('SELECT count(*) FROM assessments WHERE workshop_id IS NOT NULL')).toBe(0);
  });
});

describe('retention', () => {
  const policy = { unfinishedDays: 30, workshopDays: 365 };

  test('When the clock passes the retention periods, then unfinished assessments and old sessions are purged, completed profiles and kept sessions stay', async () => {
    await addUser(t, 'keep@example.nl');
    const trainer = await loggedIn(t, 'keep@example.nl');
    const unfinished = await createAssessment(t);
    await t
      .http()
      .put(`/api/assessments/${unfinished}/answers`)
      .send({ likert: { L01: 3 } })
      .expect(200);
    const done = await createAssessment(t);
    await answerAll(t, done);
    await t.http().post(`/api/assessments/${done}/complete`).expect(200);
    const old = (await trainer.post('/api/sessions').send({ title: 'Old' }).expect(201)).body;
    await joinAndComplete(t, old.code, 'P', 'red', 'blue');
    const kept = (await trainer.post('/api/sessions').send({ title: 'Kept' }).expect(201)).body;
    const { keepUntil } = (await trainer.post(`/api/sessions/${kept.id}/extend`).expect(200)).body;
    // One more period past the default end: about two years from now.
    expect(new Date(keepUntil).getTime()).toBeGreaterThan(Date.now() + 729 * DAY);

    const now = Date.now();
    expect(await purgeExpired(t.store, policy, new Date(now + 29 * DAY))).toEqual({ workshops: 0, unfinished: 0, surveys: 0 });
    expect(await purgeExpired(t.store, policy, new Date(now + 31 * DAY))).toEqual({ workshops: 0, unfinished: 1, surveys: 0 });
    await t.http().get(`/api/assessments/${unfinished}`).expect(404);
    await t.http().get(`/api/assessments/${done}`).expect(200);

    expect(await purgeExpired(t.store, policy, new Date(now + 366 * DAY))).toEqual({ workshops: 1, unfinished: 0, surveys: 0 });
    await trainer.get(`/api/sessions/${old.id}`).expect(404);
    await trainer.get(`/api/sessions/${kept.id}`).expect(200);
    expect(await count('SELECT count(*) FROM assessments WHERE workshop_id IS NOT NULL')).toBe(0);
    await t.http().get(`/api/assessments/${done}`).expect(200);

    expect(await purgeExpired(t.store, policy, new Date(now + 800 * DAY))).toEqual({ workshops: 1, unfinished: 0, surveys: 0 });
    await trainer.get(`/api/sessions/${kept.id}`).expect(404);
  });
});
