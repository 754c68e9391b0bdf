import { dayFirst, parseDayDate } from '../../src/domain/day-date';

describe('parseDayDate()', () => {
  test.each([
    ['1-12-2026', '2026-12-01'],
    ['01.12.2026', '2026-12-01'],
    [' 29/2/2028 ', '2028-02-29'],
    ['2026-12-01', '2026-12-01'],
    ['2026-1-5', '2026-01-05'],
  ])('returns the ISO date when the text is %s', (text, iso) => {
    expect(parseDayDate(text)).toBe(iso);
  });

  test.each(['', '31-02-2026', '29-02-2027', '12/31/2026', '2026-13-01', '1-12-26', 'morgen', '1-12-2026x', '01-01-1800'])(
    'returns null when the text is %p',
    (text) => {
      expect(parseDayDate(text)).toBeNull();
    },
  );

  test('dayFirst() writes an ISO date day first, as the form shows it', () => {
    expect(dayFirst('2026-12-01')).toBe('01-12-2026');
  });
});
