import { amsterdamTime, dayIn } from '../../src/domain/dutch-time';
import { formatter } from '../../src/presenters/format';

describe('Dutch time', () => {
  test('When it is 23:30 UTC in winter, then it is already the next day in the Netherlands (UTC+1)', () => {
    expect(dayIn(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(dayIn(new Date('2026-12-01T22:59:59Z'))).toBe('2026-12-01');
  });

  test('When it is 22:30 UTC in summer, then it is the next day in the Netherlands (UTC+2)', () => {
    expect(dayIn(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });

  test('A moment is written as local time with its offset, winter and summer', () => {
    expect(amsterdamTime('2026-12-01T13:03:22.500Z')).toBe('2026-12-01 14:03:22 +01:00');
    expect(amsterdamTime('2026-07-01T13:03:22Z')).toBe('2026-07-01 15:03:22 +02:00');
  });
});

describe('the page formatter', () => {
  test('When two moments fall in one minute, then secondsDateTime tells them apart, in Dutch time', () => {
    const nl = formatter('nl');
    expect(nl.secondsDateTime('2026-12-01T13:05:09Z')).toMatch(/^1 dec\.? 2026.* 14:05:09$/);
    expect(nl.secondsDateTime('2026-12-01T13:05:10Z')).not.toBe(nl.secondsDateTime('2026-12-01T13:05:09Z'));
  });

  test('A list is joined by the language: "en" in Dutch, "and" in English', () => {
    expect(formatter('nl').list(['Structuur', 'Harmonie', 'Inzicht'])).toBe('Structuur, Harmonie en Inzicht');
    expect(formatter('en').list(['Order', 'Harmony', 'Insight'])).toBe('Order, Harmony and Insight');
  });
});
