import fc from 'fast-check';
import { correlation, covariance, covarianceMatrix, mean, round, sd, variance } from '../../src/domain/stats/basic';
import { band, MIN_NORM_GROUP, percentileRank } from '../../src/domain/stats/norms';
import { normal, seededRandom } from '../../src/domain/stats/random';
import {
  alphaFromCovariance,
  alphaIfDeleted,
  correctedItemTotal,
  cronbachAlpha,
  feldtInterval,
  itemStats,
  LOW_ITEM_TOTAL,
  reliableChange,
} from '../../src/domain/stats/reliability';

const transpose = (rows: number[][]): number[][] => (rows[0] ?? []).map((_, j) => rows.map((row) => row[j] as number));

describe('basic statistics', () => {
  test('mean() returns the average and NaN when the array is empty', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNaN();
  });

  test('variance() returns the sample variance (n − 1) and NaN when n < 2', () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, squared deviations sum to 32, 32 / 7
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(variance([3])).toBeNaN();
  });

  test('correlation() returns 1 and −1 for perfectly related arrays and NaN when one side is constant or n < 3', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(correlation([1, 2], [1, 2])).toBeNaN();
  });

  test('covariance() and covarianceMatrix() return sample covariances, with variances on the diagonal', () => {
    // deviations (−1, 0, 1) and (−2, 0, 2): products sum to 4, 4 / 2 = 2
    expect(covariance([1, 2, 3], [2, 4, 6])).toBeCloseTo(2, 12);
    const m = covarianceMatrix([
      [1, 2, 3],
      [2, 4, 6],
    ]);
    expect(m[0]?.[0]).toBeCloseTo(1, 12);
    expect(m[1]?.[1]).toBeCloseTo(4, 12);
    expect([m[0]?.[1], m[1]?.[0]]).toEqual([2, 2]);
  });

  test('round() rounds to the given digits and keeps NaN', () => {
    expect(round(2.34567, 2)).toBe(2.35);
    expect(round(-1.5, 0)).toBe(-1);
    expect(round(NaN, 2)).toBeNaN();
  });
});

describe('Cronbach alpha', () => {
  test('When items are [[1,2,3],[2,3,4],[3,4,5],[4,4,5]], then alpha is 0.975 (hand-computed)', () => {
    // item variances: 5/3, 2.75/3, 2.75/3 → sum 3.5; totals 6, 9, 12, 13 → variance 30/3 = 10
    // alpha = 3/2 · (1 − 3.5 / 10) = 0.975
    const items = [
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
      [4, 4, 5],
    ];
    expect(cronbachAlpha(items)).toBeCloseTo(0.975, 12);
    expect(alphaFromCovariance(covarianceMatrix(transpose(items)))).toBeCloseTo(0.975, 12);
  });

  test('When alpha is computed from item variances and from the covariance matrix, then both agree within 1e-9', () => {
    const matrix = fc
      .tuple(fc.integer({ min: 5, max: 30 }), fc.integer({ min: 2, max: 8 }))
      .chain(([n, k]) =>
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
      );
    fc.assert(
      fc.property(matrix, (items) => {
        const totals = items.map((row) => row.reduce((a, b) => a + b, 0));
        fc.pre(variance(totals) > 0);
        const fromVariances = cronbachAlpha(items);
        const fromCovariance = alphaFromCovariance(covarianceMatrix(transpose(items)));
        expect(Math.abs(fromVariances - fromCovariance)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  test('When all items are identical, then alpha is 1', () => {
    const items = [1, 3, 2, 5, 4, 2].map((x) => [x, x, x, x]);
    expect(cronbachAlpha(items)).toBeCloseTo(1, 12);
  });

  test('When two items are uncorrelated, then alpha is near 0 or below', () => {
    // item variances 4/3 each; totals 2, 4, 4, 6 → variance 8/3; alpha = 2 · (1 − 1) = 0
    const items = [
      [1, 1],
      [1, 3],
      [3, 1],
      [3, 3],
    ];
    expect(cronbachAlpha(items)).toBeLessThanOrEqual(1e-12);
  });

  test('cronbachAlpha() returns NaN when there is one item, one respondent or no total variance', () => {
    expect(cronbachAlpha([[1], [2], [3]])).toBeNaN();
    expect(cronbachAlpha([[1, 2, 3]])).toBeNaN();
    expect(
      cronbachAlpha([
        [2, 2],
        [2, 2],
        [2, 2],
      ]),
    ).toBeNaN();
  });
});

describe('feldtInterval()', () => {
  test('When alpha is 0.8 with n 100 and k 8, then the interval is [0.735, 0.854]', () => {
    // node: jStat.centralF.inv(0.975, 99, 693) = 1.32610, inv(0.025, 99, 693) = 0.72895
    // lower = 1 − 0.2 · 1.32610 = 0.73478; upper = 1 − 0.2 · 0.72895 = 0.85421
    const { lower, upper } = feldtInterval(0.8, 100, 8);
    expect(lower).toBeCloseTo(0.735, 3);
    expect(upper).toBeCloseTo(0.854, 3);
  });

  test('When n grows, then the interval contains alpha and narrows', () => {
    const widths = [30, 100, 500].map((n) => {
      const { lower, upper } = feldtInterval(0.7, n, 6);
      expect(lower).toBeLessThan(0.7);
      expect(upper).toBeGreaterThan(0.7);
      return upper - lower;
    });
    expect(widths[1]).toBeLessThan(widths[0] as number);
    expect(widths[2]).toBeLessThan(widths[1] as number);
  });
});

describe('item diagnostics', () => {
  // Items 1–3 follow the same respondent ordering; item 4 is unrelated noise.
  const items = [
    [1, 2, 1, 3],
    [2, 2, 3, 1],
    [3, 4, 3, 5],
    [4, 4, 5, 1],
    [5, 5, 4, 3],
  ];

  test('When one item is noise relative to the others, then its corrected item-total is below LOW_ITEM_TOTAL', () => {
    const r = correctedItemTotal(items);
    expect(r[3]).toBeLessThan(LOW_ITEM_TOTAL);
    for (const j of [0, 1, 2]) expect(r[j]).toBeGreaterThan(LOW_ITEM_TOTAL);
  });

  test('When the noise item is removed, then alpha rises', () => {
    const deleted = alphaIfDeleted(items);
    const full = cronbachAlpha(items);
    expect(deleted[3]).toBeGreaterThan(full);
    for (const j of [0, 1, 2]) expect(deleted[j]).toBeLessThan(full);
  });

  test('itemStats() returns the mean and sample sd of each item', () => {
    const stats = itemStats(items);
    expect(stats).toHaveLength(4);
    expect(stats[0]?.mean).toBe(3);
    expect(stats[0]?.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    // item 4: 3, 1, 5, 1, 3 → mean 2.6, squared deviations 11.2, variance 2.8
    expect(stats[3]?.mean).toBeCloseTo(2.6, 12);
    expect(stats[3]?.sd).toBeCloseTo(Math.sqrt(2.8), 12);
  });
});

describe('reliableChange()', () => {
  // SE_diff = 10 · √2 · √(1 − 0.8) = 6.3246
  test('When the change is 15 with sd 10 and alpha 0.8, then rci is 2.37 and the change is reliable', () => {
    const { rci, reliable } = reliableChange(50, 65, 10, 0.8);
    expect([round(rci, 2), reliable]).toEqual([2.37, true]);
  });

  test('When the change is 10 with sd 10 and alpha 0.8, then rci is 1.58 and the change is not reliable', () => {
    const { rci, reliable } = reliableChange(50, 60, 10, 0.8);
    expect([round(rci, 2), reliable]).toEqual([1.58, false]);
  });

  test('When SE_diff is 0 or not finite, then rci is NaN and the change is not reliable', () => {
    expect(reliableChange(50, 60, 10, 1)).toEqual({ rci: NaN, reliable: false });
    expect(reliableChange(50, 60, 0, 0.8)).toEqual({ rci: NaN, reliable: false });
    expect(reliableChange(50, 60, NaN, 0.8)).toEqual({ rci: NaN, reliable: false });
  });
});

describe('norms', () => {
  const sorted = [1, 2, 2, 3, 5];

  test('percentileRank() returns the mid-rank percentile, counting ties half', () => {
    expect(percentileRank(sorted, 0)).toBe(0); // 0 below
    expect(percentileRank(sorted, 1)).toBe(10); // (0 + 0.5) / 5
    expect(percentileRank(sorted, 2)).toBe(40); // (1 + 0.5 · 2) / 5
    expect(percentileRank(sorted, 3)).toBe(70); // (3 + 0.5) / 5
    expect(percentileRank(sorted, 4)).toBe(80); // 4 / 5
    expect(percentileRank(sorted, 5)).toBe(90); // (4 + 0.5) / 5
    expect(percentileRank(sorted, 6)).toBe(100);
    expect(percentileRank([], 3)).toBeNaN();
  });

  test('band() returns low below a third, high from two thirds, average in between', () => {
    expect([0, 33, 100 / 3, 34, 66, 200 / 3, 67, 100].map(band)).toEqual([
      'low',
      'low',
      'average',
      'average',
      'average',
      'high',
      'high',
      'high',
    ]);
  });

  test('MIN_NORM_GROUP is 50', () => expect(MIN_NORM_GROUP).toBe(50));
});

describe('seeded random numbers', () => {
  test('When the seed is the same, then the sequence is the same; a different seed gives a different sequence', () => {
    const draw = (seed: number) => Array.from({ length: 10 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(7).every((u) => u >= 0 && u < 1)).toBe(true);
  });

  test('When 20,000 normal() draws are taken, then mean ≈ 0 and sd ≈ 1', () => {
    const rand = seededRandom(12345);
    const xs = Array.from({ length: 20_000 }, () => normal(rand));
    expect(Math.abs(mean(xs))).toBeLessThan(0.03);
    expect(Math.abs(sd(xs) - 1)).toBeLessThan(0.03);
  });

  test('When rand() returns 0, then normal() stays finite', () => {
    expect(Number.isFinite(normal(() => 0))).toBe(true);
  });
});
