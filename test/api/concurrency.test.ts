import { scoreProfile } from '../../src/domain/scoring';
import { realContent, uniformAnswers } from '../helpers/content';
import { createAssessment, makeApp, type TestApp } from '../helpers/app';

// Runs on both backends: SQLite serialises writes; PostgreSQL orders them with a row lock.
let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});

test('When every answer arrives in its own request at the same time, then all are stored and the last count reaches the total', async () => {
  const token = await createAssessment(t);
  const all = uniformAnswers(realContent().current, 4);
  const singles = [
    ...Object.entries(all.likert).map(([id, v]) => ({ likert: { [id]: v } })),
    ...Object.entries(all.choice).map(([id, c]) => ({ choice: { [id]: c } })),
  ];
  const responses = await Promise.all(singles.map((body) => t.http().put(`/api/assessments/${token}/answers`).send(body)));
  expect(responses.map((r) => r.status)).toEqual(singles.map(() => 200));
  expect(Math.max(...responses.map((r) => r.body.answered as number))).toBe(singles.length);
  const stored = (await t.http().get(`/api/assessments/${token}`).expect(200)).body.answers;
  expect(stored).toEqual(all);
});

test('When saves race a completion, then each save either lands before the profile is scored or is refused, never after', async () => {
  const token = await createAssessment(t);
  await t.http().put(`/api/assessments/${token}/answers`).send(uniformAnswers(realContent().current, 4)).expect(200);
  const ids = Object.keys(uniformAnswers(realContent().current, 4).likert).slice(0, 20);
  const saves = ids.map((id) =>
    t
      .http()
      .put(`/api/assessments/${token}/answers`)
      .send({ likert: { [id]: 2 } }),
  );
  const complete = t.http().post(`/api/assessments/${token}/complete`);
  const [done, ...saved] = await Promise.all([complete, ...saves]);
  expect(done.status).toBe(200);
  for (const r of saved) {
    expect([200, 409]).toContain(r.status);
    if (r.status === 409) expect(r.body.error.code).toBe('already_completed');
  }
  const exported = (await t.http().get(`/api/assessments/${token}/export`).expect(200)).body;
  const completedAt = exported.assessment.completedAt as string;
  expect(typeof completedAt).toBe('string');
  const answers = exported.answers as { answeredAt: string }[];
  expect(answers.length).toBe(60);
  for (const a of answers) expect(a.answeredAt <= completedAt).toBe(true);
  // The stored profile is the score of exactly the answers that are stored.
  const stored = (await t.http().get(`/api/assessments/${token}`).expect(200)).body.answers;
  expect(exported.profile.scores).toEqual(scoreProfile(realContent().current, stored).scores);
});
