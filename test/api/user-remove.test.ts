import { createUserService } from '../../src/services/users';
import { addUser, answerAll, createAssessment, loggedIn, makeApp } from '../helpers/app';

// Removing an account (npm run cli -- user remove) removes everything that is that person's.
test('When a user is removed, then their own profiles, projects and sessions with participants are gone, and nobody else’s', async () => {
  const t = await makeApp();
  await addUser(t, 'leaving@example.nl', 'trainer', 'Lotte Vertrek');
  const me = await loggedIn(t, 'leaving@example.nl');

  // Their own profile, linked as "this is my profile", and one that is linked to nobody.
  const own = await createAssessment(t, { consent: true, name: 'Lotte Eigen Profiel' });
  await answerAll(t, own);
  await t.http().post(`/api/assessments/${own}/complete`).expect(200);
  await me.post('/api/me/profiles').send({ link: own }).expect(201);
  await createAssessment(t, { consent: true, name: 'Iemand Anders' });
  await me.post('/api/projects').send({ client: 'Gemeente Deventer', system: 'Zaaksysteem', phase: 'Selectie', notes: '' }).expect(201);
  const session = (await me.post('/api/sessions').send({ title: 'Teamdag' }).expect(201)).body as { code: string };
  await t
    .http()
    .post('/api/assessments')
    .set('Cookie', 'dv.client=p1')
    .send({ consent: true, sessionCode: session.code, name: 'Deelnemer Daan' })
    .expect(201);

  const count = async (sql: string, ...params: unknown[]) => Number(await t.db.one(sql, ...params));
  expect(await count('SELECT count(*) FROM assessments WHERE user_id IS NOT NULL')).toBe(1);

  await createUserService(t.store).remove('leaving@example.nl');

  expect(await count('SELECT count(*) FROM users')).toBe(0);
  expect(await count("SELECT count(*) FROM assessments WHERE name = 'Lotte Eigen Profiel'")).toBe(0);
  expect(await count("SELECT count(*) FROM assessments WHERE name = 'Deelnemer Daan'")).toBe(0);
  expect(await count('SELECT count(*) FROM projects')).toBe(0);
  expect(await count('SELECT count(*) FROM workshops')).toBe(0);
  expect(await count('SELECT count(*) FROM likert_answers')).toBe(0);
  // Someone else's profile stays.
  expect(await count("SELECT count(*) FROM assessments WHERE name = 'Iemand Anders'")).toBe(1);
});
