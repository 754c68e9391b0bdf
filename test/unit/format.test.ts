import { formatter } from '../../src/presenters/format';

// Dutch pages write numbers as Dutch readers expect: a decimal comma, no fixed decimals, and a plain 0.
describe('formatter(): zero and whole numbers', () => {
  test.each(['nl', 'en'] as const)(
    'When a standard deviation or score of 0 is written in %s, then it is "0", not "0,0" or "0.0"',
    (lang) => {
      const f = formatter(lang);
      expect(f.score(0)).toBe('0');
      expect(f.stat(0)).toBe('0');
      expect(f.count(0)).toBe('0');
      expect(f.signed(0)).toBe('0');
    },
  );

  test('When a value rounds to zero from below, then it is "0" without a minus sign', () => {
    const nl = formatter('nl');
    expect(nl.score(-0)).toBe('0');
    expect(nl.score(-0.04)).toBe('0');
    expect(nl.stat(-0.0004)).toBe('0');
    expect(nl.signed(-0.04)).toBe('0');
  });

  test('When a value rounds to a number that is not zero, then it keeps its sign and its one decimal', () => {
    const nl = formatter('nl');
    expect(nl.score(-0.06)).toBe('-0,1');
    expect(nl.score(0.05)).toBe('0,1');
    expect(nl.score(4.28)).toBe('4,3');
    expect(nl.score(87.5)).toBe('87,5');
    expect(nl.score(12.04)).toBe('12');
    expect(formatter('en').score(87.5)).toBe('87.5');
    expect(nl.stat(1.96)).toBe('1,96');
    expect(nl.stat(-0.0006)).toBe('-0,001');
  });
});
