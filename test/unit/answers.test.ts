import { checkPatch, countAnswered, missingItems } from '../../src/domain/answers';
import { buildPages, pageOf } from '../../src/domain/pages';
import { tinyModel } from '../helpers/content';

const tiny = tinyModel();

describe('checkPatch()', () => {
  test('When every id and value is valid, then there are no errors', () => {
    expect(checkPatch(tiny, { likert: { L01: 1, L18: 5 }, choice: { S01: { most: 'S01a', least: 'S01f' } } })).toEqual([]);
  });

  test('When ids are unknown, values out of range, options of another situation or most equals least, then each is named', () => {
    const errors = checkPatch(tiny, {
      likert: { L99: 3, L02: 6, L03: 2.5 },
      choice: { S09: { most: 'S09a', least: 'S09b' }, S01: { most: 'S02a', least: 'S01b' }, S02: { most: 'S02c', least: 'S02c' } },
      durations: { X1: 5 },
    });
    expect(errors.map((e) => e.field)).toEqual([
      'likert.L99',
      'likert.L02',
      'likert.L03',
      'choice.S09',
      'choice.S01.most',
      'choice.S02.least',
      'durations.X1',
    ]);
  });
});

describe('progress helpers', () => {
  test('When some items are answered, then countAnswered counts likert items and situations together and missingItems lists the rest in order', () => {
    const answers = { likert: { L01: 3, L02: 4 }, choice: { S03: { most: 'S03a', least: 'S03b' } } };
    expect(countAnswered(tiny, answers)).toBe(3);
    const missing = missingItems(tiny, answers);
    expect(missing).toHaveLength(tiny.total - 3);
    expect(missing.slice(0, 2)).toEqual(['L03', 'L04']);
    expect(missing.slice(-3)).toEqual(['S01', 'S02', 'S04']);
  });

  test('When pages are built, then statements come 8 per page and situations 4 per page', () => {
    const pages = buildPages(tiny);
    expect(pages.map((p) => [p.kind, p.itemIds.length])).toEqual([
      ['likert', 8],
      ['likert', 8],
      ['likert', 2],
      ['choice', 4],
    ]);
    expect(pageOf(pages, ['S02', 'L17'])?.number).toBe(3);
    expect(pageOf(pages, [])).toBeNull();
  });
});
