import { loadConfig } from '../config';
import { loadContent } from '../content/load';
import type { Store } from '../db/store';
import type { Answers } from '../domain/answers';
import type { ModelIndex } from '../domain/model-index';
import { createAssessmentService } from '../services/assessments';
import { createUserService } from '../services/users';
import { createWorkshopService } from '../services/workshops';

export const BENCH_PASSWORD = 'bench-password-123';

/** A complete answer set that differs per participant, so profiles and the summary are realistic. */
export function answersFor(index: ModelIndex, n: number): Answers {
  return {
    likert: Object.fromEntries(index.model.likert.items.map((it, i) => [it.id, ((i * 7 + n * 3) % 5) + 1])),
    choice: Object.fromEntries(
      index.model.choice.items.map((s, i) => [s.id, { most: s.options[(i + n) % 6]!.id, least: s.options[(i + n + 2) % 6]!.id }]),
    ),
  };
}

/**
 * Fills a fresh database for the benchmark: a trainer with a revealed session of `participants` completed
 * profiles (plus `pending` participants with all answers but not yet completed, for the live test), one
 * questionnaire in progress and one completed profile.
 */
export async function seedBench(store: Store, participants: number, pending: number) {
  const content = loadContent(loadConfig({}).dataDir);
  const assessments = createAssessmentService(store, content);
  const workshops = createWorkshopService(store, assessments, { aliasPrefix: () => 'P' });
  const trainer = await createUserService(store).add({
    email: 'bench@example.nl',
    name: 'Bench',
    role: 'trainer',
    password: BENCH_PASSWORD,
  });
  const w = await workshops.create(trainer, { title: 'Benchmark', lang: 'nl', anonymous: false, minGroupSize: 3 });
  const index = content.current;
  const pendingTokens: string[] = [];
  const completedTokens: string[] = [];
  for (let n = 0; n < participants + pending; n++) {
    const { token } = await workshops.join(w.code, { name: `P${n + 1}` });
    await assessments.saveAnswers(token, answersFor(index, n));
    if (n < participants) {
      await assessments.complete(token);
      completedTokens.push(token);
    } else pendingTokens.push(token);
  }
  await workshops.reveal(trainer, w.publicId);
  const inProgress = (await assessments.create({ lang: 'nl', name: null })).token;
  await assessments.saveAnswers(inProgress, { likert: { L01: 3, L02: 4 } });
  const done = (await assessments.create({ lang: 'nl', name: 'Bench' })).token;
  await assessments.saveAnswers(done, answersFor(index, 1));
  await assessments.complete(done);

  // How long one summary of this session takes to compute (the work behind every live event).
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const start = performance.now();
    await workshops.summary(w);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { workshopId: w.publicId, inProgress, done, pendingTokens, completedTokens, summaryMs: { median: times[20]!, p90: times[36]! } };
}
