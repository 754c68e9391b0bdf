import fc from 'fast-check';
import { scoreProfile } from '../../src/domain/scoring';
import { arbitraryAnswers, realContent, tinyAnswers, tinyModel } from '../helpers/content';

const tiny = tinyModel();
const byDrive = (p: ReturnType<typeof scoreProfile>) => Object.fromEntries(p.scores.map((s) => [s.drive, s]));

describe('scoreProfile() on hand-computed answer sets (tiny model: 3 statements per drive, 4 situations)', () => {
  test('When answers differ per drive, then likert, choice, combined, relative, ranking and picks match the hand computation', () => {
    const answers = tinyAnswers(
      { purple: [5, 5, 1], red: [3, 3, 3], blue: [4, 4, 2], orange: [1, 1, 5], green: [2, 2, 4], yellow: [3, 4, 3] },
      ['purple', 'purple', 'blue', 'yellow'],
      ['orange', 'orange', 'green', 'red'],
    );
    const p = scoreProfile(tiny, answers);
    const s = byDrive(p);
    // combined = 50 + 20 · (relative/20 + (choice − 50)/18) / 2, e.g. purple: 50 + 10 · (48.61/20 + 25/18) = 88.2.
    expect(s.purple).toEqual({ drive: 'purple', likert: 100, choice: 75, combined: 88.2, relative: 48.6 });
    expect(s.red).toEqual({ drive: 'red', likert: 50, choice: 37.5, combined: 42.4, relative: -1.4 });
    expect(s.blue).toEqual({ drive: 'blue', likert: 75, choice: 62.5, combined: 68.8, relative: 23.6 });
    expect(s.orange).toEqual({ drive: 'orange', likert: 0, choice: 25, combined: 10.4, relative: -51.4 });
    expect(s.green).toEqual({ drive: 'green', likert: 25, choice: 37.5, combined: 29.9, relative: -26.4 });
    expect(s.yellow).toEqual({ drive: 'yellow', likert: 58.3, choice: 62.5, combined: 60.4, relative: 6.9 });
    expect(p.ranking).toEqual(['purple', 'blue', 'yellow', 'red', 'green', 'orange']);
    // 1.96 · SEdiff = 1.96 · 19 · √(2 − .8 − .8) = 23.6: blue (19.4 below purple) is in the band; yellow is
    // 27.8 below purple but only 8.4 below blue, so it follows closely.
    expect(p.top).toEqual({ band: ['purple', 'blue'], near: ['yellow'] });
    expect(p.primary).toEqual(['purple', 'blue']);
    expect(p.lowest).toBe('orange');
    // With 4 situations a label needs 3 picks (P(X ≥ 3) = .016 for X ~ Bin(4, 1/6)); 2 picks are no clear preference.
    expect(p.attraction).toEqual([]);
    expect(p.rejection).toEqual([]);
    expect(p.scoring).toBe(2);
    expect(p.flags).toEqual([]);
    expect(p.modelVersion).toBe('0-tiny');
  });

  test('When combined scores tie, then the fixed drive order decides', () => {
    const answers = tinyAnswers(
      { purple: [3, 3, 3], red: [3, 3, 3], blue: [3, 3, 3], orange: [3, 3, 3], green: [3, 3, 3], yellow: [3, 3, 3] },
      ['red', 'red', 'blue', 'green'],
      ['purple', 'purple', 'orange', 'yellow'],
    );
    const p = scoreProfile(tiny, answers);
    const s = byDrive(p);
    expect([s.blue!.combined, s.green!.combined, s.orange!.combined, s.yellow!.combined]).toEqual([56.9, 56.9, 43.1, 43.1]);
    expect(p.ranking).toEqual(['red', 'blue', 'green', 'orange', 'yellow', 'purple']);
    expect(p.lowest).toBe('purple');
  });

  test('When a drive is picked as most in 3 of 4 situations, then it is labelled; 2 of 4 is not', () => {
    const answers = tinyAnswers(
      { purple: [5, 5, 1], red: [3, 3, 3], blue: [4, 4, 2], orange: [1, 1, 5], green: [2, 2, 4], yellow: [3, 4, 3] },
      ['purple', 'purple', 'purple', 'blue'],
      ['orange', 'orange', 'orange', 'green'],
    );
    const p = scoreProfile(tiny, answers);
    expect(p.attraction).toEqual(['purple']);
    expect(p.rejection).toEqual(['orange']);
  });

  test('When someone agrees with everything quickly, then flat, acquiescence, inconsistent and fast are flagged', () => {
    const all5 = [5, 5, 5] as [number, number, number];
    const answers = tinyAnswers(
      { purple: all5, red: all5, blue: all5, orange: all5, green: all5, yellow: all5 },
      ['purple', 'red', 'blue', 'orange'],
      ['green', 'yellow', 'purple', 'red'],
    );
    const p = scoreProfile(tiny, answers, Array(22).fill(1000));
    expect(p.scores.every((s) => s.likert === 66.7)).toBe(true);
    expect(p.flags).toEqual(['flat', 'acquiescence', 'inconsistent', 'fast', 'careless']);
  });

  test('When fewer than half of the items carry a time, then fast is not judged', () => {
    const answers = tinyAnswers(
      { purple: [5, 5, 1], red: [3, 3, 3], blue: [4, 4, 2], orange: [1, 1, 5], green: [2, 2, 4], yellow: [3, 4, 3] },
      ['purple', 'purple', 'blue', 'yellow'],
      ['orange', 'orange', 'green', 'red'],
    );
    expect(scoreProfile(tiny, answers, [100, 100, 100]).flags).not.toContain('fast');
    expect(scoreProfile(tiny, answers, Array(11).fill(100)).flags).toContain('fast');
    expect(scoreProfile(tiny, answers, Array(11).fill(2000)).flags).not.toContain('fast');
  });

  test('When only one drive has contradicting reverse-keyed answers, then inconsistent is not flagged', () => {
    const answers = tinyAnswers(
      { purple: [5, 5, 5], red: [3, 3, 3], blue: [4, 4, 2], orange: [1, 1, 5], green: [2, 2, 4], yellow: [3, 4, 3] },
      ['purple', 'purple', 'blue', 'yellow'],
      ['orange', 'orange', 'green', 'red'],
    );
    expect(scoreProfile(tiny, answers).flags).not.toContain('inconsistent');
  });
});

describe('scoreProfile() properties', () => {
  const real = realContent().current;

  test.each([
    ['tiny model', tiny],
    ['real model', real],
  ])('On the %s, any complete answer set gives scores in range and a consistent ranking', (_name, index) => {
    fc.assert(
      fc.property(arbitraryAnswers(index), (answers) => {
        const p = scoreProfile(index, answers);
        for (const s of p.scores) {
          for (const v of [s.likert, s.choice, s.combined]) expect(v >= 0 && v <= 100).toBe(true);
          expect(s.relative >= -100 && s.relative <= 100).toBe(true);
        }
        expect([...p.ranking].sort()).toEqual([...p.scores.map((s) => s.drive)].sort());
        expect(p.primary).toEqual(p.top.band);
        expect([...p.top.band, ...p.top.near]).toEqual(p.ranking.slice(0, p.top.band.length + p.top.near.length));
        expect(p.top.band.length).toBeGreaterThanOrEqual(1);
        expect(p.lowest).toBe(p.ranking[5]);
        const combined = p.ranking.map((d) => p.scores.find((s) => s.drive === d)!.combined);
        expect(combined).toEqual([...combined].sort((a, b) => b - a));
        expect(Math.abs(p.scores.reduce((a, s) => a + s.relative, 0))).toBeLessThan(0.35);
      }),
      { numRuns: 300 },
    );
  });

  test("Raising an answer on a drive's non-reversed item never lowers that drive's likert score", () => {
    const straight = real.model.likert.items.filter((i) => !i.reverse);
    fc.assert(
      fc.property(arbitraryAnswers(real), fc.constantFrom(...straight), (answers, item) => {
        const before = scoreProfile(real, answers).scores.find((s) => s.drive === item.drive)!.likert;
        const raised = { ...answers, likert: { ...answers.likert, [item.id]: Math.min(5, answers.likert[item.id]! + 1) } };
        const after = scoreProfile(real, raised).scores.find((s) => s.drive === item.drive)!.likert;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  test('Scoring is deterministic: the same answers give the same profile', () => {
    fc.assert(
      fc.property(arbitraryAnswers(real), (answers) => {
        expect(scoreProfile(real, answers)).toEqual(scoreProfile(real, answers));
      }),
      { numRuns: 50 },
    );
  });
});
