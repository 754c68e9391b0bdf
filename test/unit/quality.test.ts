import { scoreProfile } from '../../src/domain/scoring';
import { questionnaireQuality, testRetest } from '../../src/domain/stats/quality';
import { simulateRespondents } from '../../src/domain/stats/simulate';
import { seededRandom } from '../../src/domain/stats/random';
import { realContent, tinyAnswers, tinyModel } from '../helpers/content';

const index = realContent().current;
const people = (n: number, reliability: number, seed: number) =>
  simulateRespondents(index, n, reliability, seededRandom(seed)).map((answers) => ({ answers, profile: scoreProfile(index, answers) }));

describe('questionnaireQuality() on simulated respondents', () => {
  // Cutting a continuous response into five answers costs a little reliability, hence the tolerance.
  const TOLERANCE = 0.06;

  test.each([0.8, 0.6])(
    "When respondents are drawn with reliability %s, then every scale's alpha recovers it within 0.06",
    (reliability) => {
      const q = questionnaireQuality(index, people(1000, reliability, 7));
      expect(q.n).toBe(1000);
      for (const s of q.scales) {
        expect(Math.abs(s.alpha! - reliability)).toBeLessThan(TOLERANCE);
        expect(s.alphaCi!.lower).toBeLessThan(s.alpha!);
        expect(s.alphaCi!.upper).toBeGreaterThan(s.alpha!);
        expect(s.items.every((it) => !it.flagged)).toBe(true);
      }
    },
  );

  test('When traits are independent, then scale correlations are near zero and likert and choice scores of the same drive agree', () => {
    const q = questionnaireQuality(index, people(800, 0.8, 3));
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) if (i !== j) expect(Math.abs(q.scaleCorrelations[i]![j]!)).toBeLessThan(0.15);
    for (const c of q.convergent) expect(c.r!).toBeGreaterThan(0.4);
    const picks = q.choices[0]!.options.reduce((a, o) => a + o.most, 0);
    expect(picks).toBe(800);
  });

  test('When a statement is answered at random, then it is flagged', () => {
    const sample = people(400, 0.8, 11);
    const noisy = index.model.likert.items.find((i) => i.drive === 'blue' && !i.reverse)!.id;
    const rand = seededRandom(99);
    for (const p of sample) p.answers.likert[noisy] = 1 + Math.floor(rand() * 5);
    const blue = questionnaireQuality(index, sample).scales.find((s) => s.drive === 'blue')!;
    expect(blue.items.find((i) => i.id === noisy)!.flagged).toBe(true);
    expect(blue.items.find((i) => i.id === noisy)!.alphaIfDeleted!).toBeGreaterThan(blue.alpha!);
  });

  test('When there are fewer than three people, then no alpha is claimed', () => {
    const q = questionnaireQuality(index, people(2, 0.8, 1));
    expect(q.scales.every((s) => s.alpha === null && s.alphaCi === null)).toBe(true);
  });
});

describe('testRetest()', () => {
  const tiny = tinyModel();
  const profile = (purple: number) =>
    scoreProfile(
      tiny,
      tinyAnswers(
        { purple: [purple, purple, 6 - purple], red: [3, 3, 3], blue: [3, 3, 3], orange: [3, 3, 3], green: [3, 3, 3], yellow: [3, 3, 3] },
        ['red', 'blue', 'green', 'yellow'],
        ['orange', 'orange', 'orange', 'orange'],
      ),
    );

  test('When people keep their order on a drive, then its test–retest correlation is 1; the interval is summarised', () => {
    const pairs = [1, 2, 4, 5].map((v, i) => ({ first: profile(v), second: profile(v), days: 10 + i * 10 }));
    const r = testRetest(pairs);
    expect(r.n).toBe(4);
    expect(r.intervalDays).toEqual({ median: 30, min: 10, max: 40 });
    expect(r.drives.find((d) => d.drive === 'purple')!.r).toBe(1);
    // Centred scores: the other drives move with purple (its own mean shifts), so they vary and keep their order too.
    expect(r.drives.find((d) => d.drive === 'red')!.r).toBe(1);
  });

  test('When fewer than three people took it twice, then no correlation is claimed', () => {
    expect(testRetest([{ first: profile(1), second: profile(2), days: 3 }]).drives.every((d) => d.r === null)).toBe(true);
  });
});
