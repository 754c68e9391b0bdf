import fc from 'fast-check';
import { binomialTail, chanceThreshold } from '../../src/domain/chance';
import { carelessIndices, isCareless } from '../../src/domain/careless';
import { scoreProfile } from '../../src/domain/scoring';
import { upgradeProfile } from '../../src/domain/stored-profile';
import { questionnaireQuality } from '../../src/domain/stats/quality';
import { seededRandom } from '../../src/domain/stats/random';
import { randomAnswers, simulateRespondents } from '../../src/domain/stats/simulate';
import { seDifference, topBand } from '../../src/domain/top-band';
import { realContent, uniformAnswers } from '../helpers/content';

const index = realContent().current;

describe('Labels beyond chance', () => {
  test('When there are 12 situations, then a label needs 5 picks (P(X ≥ 5) = .036; at 4 it would be .125)', () => {
    expect(chanceThreshold(12)).toBe(5);
    expect(binomialTail(12, 1 / 6, 5)).toBeCloseTo(0.0364, 3);
    expect(binomialTail(12, 1 / 6, 4)).toBeCloseTo(0.1252, 3);
    expect(chanceThreshold(4)).toBe(3);
  });

  test('For any number of situations, the threshold is the smallest k with P(X ≥ k) ≤ .05', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        const k = chanceThreshold(n);
        if (k <= n) expect(binomialTail(n, 1 / 6, k)).toBeLessThanOrEqual(0.05);
        expect(binomialTail(n, 1 / 6, k - 1)).toBeGreaterThan(0.05);
      }),
    );
  });

  test('When 5,000 people answer uniformly at random, then they get at most 0.3 attraction labels on average', () => {
    const rand = seededRandom(16);
    let labels = 0;
    let rejections = 0;
    for (let i = 0; i < 5000; i++) {
      const p = scoreProfile(index, randomAnswers(index, rand));
      labels += p.attraction.length;
      rejections += p.rejection.length;
    }
    expect(labels / 5000).toBeLessThanOrEqual(0.3);
    expect(rejections / 5000).toBeLessThanOrEqual(0.3);
  });
});

describe('topBand()', () => {
  const se = () => 10; // 1.96 · 10 = 19.6
  const ranked = (...scores: number[]) =>
    (['blue', 'yellow', 'orange', 'red', 'green', 'purple'] as const).map((drive, i) => ({ drive, score: scores[i]! }));

  test('SEdiff = SD · √(2 − r1 − r2): with SD 19 and reliabilities .8, 12.0', () => {
    expect(seDifference(19, 0.8, 0.8)).toBeCloseTo(12.02, 2);
    expect(seDifference(10, 0.9, 0.7)).toBeCloseTo(6.32, 2);
  });

  test('When the second is within 1.96 SEdiff of the first and the third within it of the second only, then two are in the band and the third is near', () => {
    expect(topBand(ranked(80, 70, 55, 30, 20, 10), se)).toEqual({ band: ['blue', 'yellow'], near: ['orange'] });
  });

  test('When the first stands clear of the rest, then it is alone in the band with nothing near', () => {
    expect(topBand(ranked(80, 60, 55, 30, 20, 10), se)).toEqual({ band: ['blue'], near: [] });
  });

  test('When three are within error of the first, then all three are in the band (never two "primary" within error of a third)', () => {
    expect(topBand(ranked(70, 65, 60, 45, 20, 10), se)).toEqual({ band: ['blue', 'yellow', 'orange'], near: ['red'] });
  });
});

describe('Careless responding (simulator, 1,000 each)', () => {
  test('When 1,000 people answer uniformly at random, then at least 80% are flagged careless', () => {
    const rand = seededRandom(7);
    const flagged = Array.from({ length: 1000 }, () => randomAnswers(index, rand)).filter((a) => isCareless(index, a)).length;
    expect(flagged / 1000).toBeGreaterThanOrEqual(0.8);
  });

  test('When 1,000 trait-driven people answer (reliability .8), then at most 5% are flagged careless', () => {
    const people = simulateRespondents(index, 1000, 0.8, seededRandom(8));
    const flagged = people.filter((a) => scoreProfile(index, a).flags.includes('careless')).length;
    expect(flagged / 1000).toBeLessThanOrEqual(0.05);
  });

  test('When someone gives the same answer to every statement, then the long string flags it', () => {
    const answers = uniformAnswers(index, 4);
    expect(carelessIndices(index, answers).longString).toBe(index.model.likert.items.length);
    expect(isCareless(index, answers)).toBe(true);
  });

  test('When straight-liners and random responders are mixed in, then most of them are flagged', () => {
    const people = simulateRespondents(index, 400, { reliability: 0.8, straightLining: 0.25, random: 0.25 }, seededRandom(9));
    const share = people.filter((a) => isCareless(index, a)).length / 400;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });
});

describe('Small-sample guards', () => {
  const people = (n: number, seed: number) =>
    simulateRespondents(index, n, { reliability: 0.8, correlation: 0.2 }, seededRandom(seed)).map((answers) => ({
      answers,
      profile: scoreProfile(index, answers),
    }));

  test('Below 30 people, no item is ever flagged, however noisy the answers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 29 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) => {
        const rand = seededRandom(seed);
        const group = Array.from({ length: n }, () => randomAnswers(index, rand)).map((answers) => ({
          answers,
          profile: scoreProfile(index, answers),
        }));
        const q = questionnaireQuality(index, group);
        expect(q.itemFlags).toBe('none');
        expect(q.scales.every((s) => s.items.every((it) => !it.flagged))).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  test('From 30 to 99 people, flags are provisional; from 100 firm; random answers do get flagged then', () => {
    const rand = seededRandom(5);
    const random = Array.from({ length: 60 }, () => randomAnswers(index, rand)).map((answers) => ({
      answers,
      profile: scoreProfile(index, answers),
    }));
    const q = questionnaireQuality(index, random);
    expect(q.itemFlags).toBe('provisional');
    expect(q.scales.some((s) => s.items.some((it) => it.flagged))).toBe(true);
    expect(questionnaireQuality(index, people(100, 6)).itemFlags).toBe('firm');
  });

  test("Alpha's interval is shown from 10 people and stays within [−1, 1]", () => {
    expect(questionnaireQuality(index, people(9, 1)).scales.every((s) => s.alphaCi === null)).toBe(true);
    const rand = seededRandom(3);
    const random = Array.from({ length: 12 }, () => randomAnswers(index, rand)).map((answers) => ({
      answers,
      profile: scoreProfile(index, answers),
    }));
    for (const s of questionnaireQuality(index, random).scales) {
      if (!s.alphaCi) continue;
      expect(s.alphaCi.lower).toBeGreaterThanOrEqual(-1);
      expect(s.alphaCi.upper).toBeLessThanOrEqual(1);
    }
  });
});

describe('Stored profiles from before scoring version 2', () => {
  test('When an old profile is read, then combined, ranking and band come from its centred parts, and labels only where the net count proves them', () => {
    const now = scoreProfile(index, simulateRespondents(index, 1, 0.8, seededRandom(4))[0]!);
    const old = {
      ...now,
      scoring: undefined,
      scores: now.scores.map((s) => ({ ...s, combined: 0 })),
      primary: ['red', 'blue'] as const,
      attraction: ['red'] as const,
    };
    const up = upgradeProfile({ ...old, primary: [...old.primary], attraction: [...old.attraction] });
    expect(up.scores).toEqual(now.scores);
    expect(up.ranking).toEqual(now.ranking);
    expect(up.top).toEqual(now.top);
    const net = (now.scores.find((s) => s.drive === 'red')!.choice / 100) * 24 - 12;
    expect(up.attraction).toEqual(net >= 5 ? ['red'] : []);
  });
});
