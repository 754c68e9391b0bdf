import fc from 'fast-check';
import { translator } from '../../src/content/texts';
import { departmentRows, expectedResistance, personRows, scoresFromList } from '../../src/domain/change';
import { projectSupportTrend } from '../../src/domain/support-trend';
import { formatter } from '../../src/presenters/format';
import { mendelowQuadrant, powerInterestGrid } from '../../src/presenters/power-interest-svg';
import { supportTrendSvg } from '../../src/presenters/support-trend-svg';
import { realContent } from '../helpers/content';

const content = realContent();
const t = translator(content.texts.nl);
const fmt = formatter('nl');

describe('mendelowQuadrant() and powerInterestGrid()', () => {
  test.each([
    [5, 5, 'manageClosely'],
    [5, 1, 'keepSatisfied'],
    [1, 5, 'keepInformed'],
    [1, 1, 'monitor'],
    [3, 3, 'manageClosely'],
    [2, 3, 'keepInformed'],
    [3, 2, 'keepSatisfied'],
  ] as const)('When influence is %i and interest %i, then the quadrant is %s (3 counts as high)', (influence, interest, quadrant) => {
    expect(mendelowQuadrant({ influence, interest })).toBe(quadrant);
  });

  test('When drawn, then the quadrant lines lie between 2 and 3 and markers sit at their values (hand-computed)', () => {
    // Plot x 52…352 over interest 0.5…5.5 (60 per step); y 224…52 over influence 0.5…5.5 (34.4 per step).
    const g = powerInterestGrid(
      [
        { number: 1, influence: 5, interest: 5, drive: 'red' },
        { number: 2, influence: 1, interest: 1, drive: null },
      ],
      t,
      fmt,
    );
    expect(g.midX).toBeCloseTo(172);
    expect(g.midY).toBeCloseTo(155.2);
    expect(g.markers[0]).toMatchObject({ number: 1, quadrant: 'manageClosely', drive: 'red' });
    expect(g.markers[0]!.cx).toBeCloseTo(322);
    expect(g.markers[0]!.cy).toBeCloseTo(69.2);
    expect(g.markers[1]!.cx).toBeCloseTo(82);
    expect(g.markers[1]!.cy).toBeCloseTo(206.8);
    expect(g.quadrants.map((q) => [q.id, q.lines])).toEqual([
      ['keepSatisfied', ['Tevreden', 'houden']],
      ['manageClosely', ['Nauw', 'betrekken']],
      ['monitor', ['In de gaten', 'houden']],
      ['keepInformed', ['Op de hoogte', 'houden']],
    ]);
    // Top quadrants are left (low interest) = keep satisfied and right = manage closely.
    expect(g.quadrants[0]!.x).toBeLessThan(g.midX);
    expect(g.quadrants[1]!.x).toBeGreaterThan(g.midX);
  });

  test('When two people share a spot, then their markers sit side by side, centred on it', () => {
    const g = powerInterestGrid(
      [
        { number: 1, influence: 3, interest: 3, drive: null },
        { number: 2, influence: 3, interest: 3, drive: null },
      ],
      t,
      fmt,
    );
    expect(g.markers.map((m) => m.cx)).toEqual([202 - 12.5, 202 + 12.5]);
    expect(g.markers[0]!.cy).toBe(g.markers[1]!.cy);
  });
});

describe('supportTrendSvg()', () => {
  test('When three dates are given, then x follows the days between them and y the support (hand-computed)', () => {
    // Plot x 44…344, y 12 (+2) … 164 (−2): 38 per step. 1, 5 and 11 November: 0, 4 and 10 days of 10.
    const svg = supportTrendSvg(
      [
        { date: '2026-11-05', value: 0 },
        { date: '2026-11-01', value: -2 },
        { date: '2026-11-11', value: 1 },
      ],
      fmt,
    );
    expect(svg.points.map((p) => [p.date, p.x, p.y])).toEqual([
      ['2026-11-01', 44, 164],
      ['2026-11-05', 164, 88],
      ['2026-11-11', 344, 50],
    ]);
    expect(svg.path).toBe('M44 164 L164 88 L344 50');
    expect(svg.zeroY).toBe(88);
    expect(svg.xTicks.map((x) => x.label)).toEqual(['1 nov 2026', '11 nov 2026']);
    expect(svg.yTicks.map((y) => y.label)).toEqual(['+2', '+1', '0', '-1', '-2']);
  });

  test('When there is one date, then its point is in the middle and there is no line', () => {
    const svg = supportTrendSvg([{ date: '2026-11-01', value: 1.5 }], fmt);
    expect(svg.points).toEqual([{ x: 194, y: 31, date: '2026-11-01', value: 1.5 }]);
    expect(svg.path).toBe('M194 31');
    expect(svg.xTicks).toEqual([{ x: 194, label: '1 nov 2026', anchor: 'middle' }]);
  });
});

describe('projectSupportTrend()', () => {
  test("When two people's support is logged on three dates, then each date has the mean of the latest support of those known by then", () => {
    const a = [
      { date: '2026-11-01', support: -2 },
      { date: '2026-11-11', support: 1 },
    ];
    const b = [{ date: '2026-11-05', support: 2 }];
    expect(projectSupportTrend([a, b, []])).toEqual([
      { date: '2026-11-01', mean: -2, n: 1 },
      { date: '2026-11-05', mean: 0, n: 2 },
      { date: '2026-11-11', mean: 1.5, n: 2 },
    ]);
  });

  test('When one person has two contacts on one day, then the last one logged counts', () => {
    expect(
      projectSupportTrend([
        [
          { date: '2026-11-01', support: -1 },
          { date: '2026-11-01', support: 2 },
        ],
      ]),
    ).toEqual([{ date: '2026-11-01', mean: 2, n: 1 }]);
  });

  test('Property: every mean lies within −2…+2 and the number of people known never goes down', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`);
    const history = fc
      .array(fc.record({ date: day, support: fc.integer({ min: -2, max: 2 }) }), { maxLength: 6 })
      .map((h) => [...h].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)));
    fc.assert(
      fc.property(fc.array(history, { maxLength: 5 }), (hs) => {
        const trend = projectSupportTrend(hs);
        trend.forEach((p, i) => {
          expect(p.mean).toBeGreaterThanOrEqual(-2);
          expect(p.mean).toBeLessThanOrEqual(2);
          if (i > 0) expect(p.n).toBeGreaterThanOrEqual(trend[i - 1]!.n);
        });
      }),
    );
  });
});

describe('likely drives as scores for the resistance matrix', () => {
  test('When a person has two likely drives, then the first counts 2 and the second 1', () => {
    expect(scoresFromList(['red', 'blue'])).toEqual([
      { drive: 'red', score: 2 },
      { drive: 'blue', score: 1 },
    ]);
  });

  test('When a department has a one-drive and a two-drive person, then each person weighs the same (shares, then sums)', () => {
    const rows = departmentRows(
      [
        { id: 'a', name: 'A', department: 'DIV', drives: ['red'] },
        { id: 'b', name: 'B', department: 'DIV', drives: ['blue', 'red'] },
        { id: 'c', name: 'C', department: '', drives: [] },
      ],
      '(geen afdeling)',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.label).toBe('DIV');
    const score = Object.fromEntries(rows[0]!.drives.map((d) => [d.drive, d.score]));
    expect(score.red).toBeCloseTo(1 + 1 / 3);
    expect(score.blue).toBeCloseTo(2 / 3);
    expect(personRows([{ id: 'c', name: 'C', department: '', drives: [] }])).toEqual([]);
  });

  test('When the first drive is threatened at −3 and the second untouched, then pressure is 2/3 × 3 = 2: medium', () => {
    const impact = (['red', 'blue'] as const).map((drive, i) => ({
      drive,
      score: i === 0 ? -3 : 0,
      threatened: i === 0,
      served: false,
      reasons: [],
      messages: ['m1', 'm2'],
    }));
    expect(expectedResistance(impact, scoresFromList(['red', 'blue']))).toMatchObject({ level: 'medium', pressure: 2, drivers: ['red'] });
  });
});
