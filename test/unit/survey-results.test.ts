import fc from 'fast-check';
import { itemResults, shownSlice, surveyResults, type SurveyAnswer } from '../../src/domain/survey/results';
import { surveyFileSchema } from '../../src/domain/survey/statements';
import { loadConfig } from '../../src/config';
import { realContent } from '../helpers/content';

const ITEMS = ['a', 'b'];
const r = (department: string, a: number, b = a, round = 1, worries: string | null = null): SurveyAnswer => ({
  round,
  department,
  answers: { a, b },
  worries,
  needs: null,
});

describe('hand-computed cases', () => {
  test('When RETENTION_SURVEY_DAYS is unset, then closed surveys are kept 180 days; a value of 0 is refused', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).retention.surveyDays).toBe(180);
    expect(loadConfig({ NODE_ENV: 'test', RETENTION_SURVEY_DAYS: '30' }).retention.surveyDays).toBe(30);
    expect(() => loadConfig({ NODE_ENV: 'test', RETENTION_SURVEY_DAYS: '0' })).toThrow(/RETENTION_SURVEY_DAYS/);
  });

  test('When a department has 4 responses, then it is suppressed with nothing but its name; the total leaves it out', () => {
    const res = surveyResults({
      responses: [...Array.from({ length: 5 }, () => r('X', 4)), ...Array.from({ length: 4 }, () => r('Y', 1, 1, 1, 'geheim'))],
      departments: ['X', 'Y'],
      itemIds: ITEMS,
      rounds: 1,
    });
    expect(res.responses).toBe(5);
    expect(res.departments[1]).toEqual({
      department: 'Y',
      suppressed: true,
      n: null,
      trend: [{ round: 1, suppressed: true, n: null, mean: null }],
    });
  });

  test('When a department has 7 responses, then the figures cover the first 5 in order of arrival', () => {
    const list = [r('X', 1), r('X', 2), r('X', 3), r('X', 4), r('X', 5), r('X', 5), r('X', 5)];
    expect(shownSlice(list, 'X', 1)).toEqual(list.slice(0, 5));
    // (1+2+3+4+5)/5 = 3; each value once.
    expect(itemResults(list.slice(0, 5), ['a'])).toEqual([{ id: 'a', mean: 3, counts: [1, 1, 1, 1, 1] }]);
  });

  test('When values are 4, 4, 5, 5, 5, then the mean is 4.6 and the trend’s mean over both statements too', () => {
    const list = [r('X', 4), r('X', 4), r('X', 5), r('X', 5), r('X', 5)];
    const res = surveyResults({ responses: list, departments: ['X'], itemIds: ITEMS, rounds: 1 });
    const d = res.departments[0]!;
    expect(d.suppressed).toBe(false);
    if (!d.suppressed) expect(d.items[0]).toEqual({ id: 'a', mean: 4.6, counts: [0, 0, 0, 2, 3] });
    expect(d.trend).toEqual([{ round: 1, suppressed: false, n: 5, mean: 4.6 }]);
  });

  test('When the open answers are shown, then they are sorted by text (their order says nothing about who came when)', () => {
    const list = ['zeker', 'anders', 'meer', 'best', 'comfort'].map((w) => r('X', 3, 3, 1, w));
    const d = surveyResults({ responses: list, departments: ['X'], itemIds: ITEMS, rounds: 1 }).departments[0]!;
    expect(d.suppressed ? [] : d.answers.map((a) => a.worries)).toEqual(['anders', 'best', 'comfort', 'meer', 'zeker']);
  });

  test('The statements file is valid and has 6 to 10 statements; a duplicate id is refused', () => {
    const file = realContent().survey;
    expect(file.statements.length).toBeGreaterThanOrEqual(6);
    expect(file.statements.length).toBeLessThanOrEqual(10);
    const twice = { ...file, statements: [...file.statements, file.statements[0]] };
    expect(surveyFileSchema.safeParse(twice).success).toBe(false);
  });
});

const response = fc.record({
  round: fc.integer({ min: 1, max: 3 }),
  department: fc.constantFrom('X', 'Y', 'Z'),
  answers: fc.record({ a: fc.integer({ min: 1, max: 5 }), b: fc.integer({ min: 1, max: 5 }) }),
  worries: fc.option(fc.constantFrom('regels', 'collega', 'tempo'), { nil: null }),
  needs: fc.constant(null),
});

describe('properties', () => {
  test('A department is shown exactly when it has at least 5 responses, covering a multiple of 5; the total is the sum of the shown', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }), (list) => {
        const res = surveyResults({ responses: list, departments: ['X', 'Y', 'Z'], itemIds: ITEMS, rounds: 3 });
        let total = 0;
        for (const d of res.departments) {
          const n = list.filter((x) => x.round === 3 && x.department === d.department).length;
          expect(d.suppressed).toBe(n < 5);
          if (!d.suppressed) {
            expect(d.n % 5).toBe(0);
            expect(d.n).toBeLessThanOrEqual(n);
            expect(n - d.n).toBeLessThan(5);
            for (const i of d.items) expect(i.counts.reduce((a, c) => a + c, 0)).toBe(d.n);
            total += d.n;
          }
        }
        expect(res.responses).toBe(total);
      }),
    );
  });

  test('One more response changes a department’s figures (and trend) only when its count in that round reaches a multiple of 5', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 40 }), response, (list, extra) => {
        const args = { departments: ['X', 'Y', 'Z'], itemIds: ITEMS, rounds: 3 };
        const before = surveyResults({ ...args, responses: list });
        const after = surveyResults({ ...args, responses: [...list, extra] });
        for (let i = 0; i < 3; i++) {
          const d = before.departments[i]!.department;
          // The extra response's own round (the trend shows every round).
          const newCount = [...list, extra].filter((x) => x.round === extra.round && x.department === d).length;
          const touched = extra.department === d;
          if (!touched || newCount % 5 !== 0) expect(after.departments[i]).toEqual(before.departments[i]);
        }
      }),
    );
  });

  test('Means lie between 1 and 5 and equal the counts’ weighted average (2 decimals)', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 30 }), (list) => {
        for (const i of itemResults(list, ITEMS)) {
          const n = i.counts.reduce((a, c) => a + c, 0);
          const sum = i.counts.reduce((a, c, v) => a + c * (v + 1), 0);
          expect(i.mean).toBeGreaterThanOrEqual(1);
          expect(i.mean).toBeLessThanOrEqual(5);
          expect(Math.abs(i.mean - sum / n)).toBeLessThanOrEqual(0.005);
        }
      }),
    );
  });
});
