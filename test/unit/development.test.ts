import fc from 'fast-check';
import { SUGGESTED_KIND, suggestedKind, titleFromRemark } from '../../src/domain/development';
import { DRIVE_IDS } from '../../src/domain/drives';

describe('suggestedKind()', () => {
  test('When a concern speaks Order, Belonging or Harmony, then training and support is offered first; Power, Achievement and Insight: adapting', () => {
    expect(DRIVE_IDS.map((d) => [d, suggestedKind(d)])).toEqual([
      ['purple', 'train'],
      ['red', 'adapt'],
      ['blue', 'train'],
      ['orange', 'adapt'],
      ['green', 'train'],
      ['yellow', 'adapt'],
    ]);
  });
  test('When no drive is known, then training and support is offered first', () => {
    expect(suggestedKind(null)).toBe('train');
    expect(suggestedKind(undefined)).toBe('train');
  });
  test('Every drive has a suggestion, and both kinds are used by three drives each', () => {
    expect(Object.keys(SUGGESTED_KIND).sort()).toEqual([...DRIVE_IDS].sort());
    expect(Object.values(SUGGESTED_KIND).filter((k) => k === 'adapt')).toHaveLength(3);
  });
});

describe('titleFromRemark()', () => {
  test('When a remark is short, then it is the title as it is, with its spaces made single', () => {
    expect(titleFromRemark('  Wie  beslist\ndit?  ')).toBe('Wie beslist dit?');
  });
  test('When a remark is long, then it is cut at a word and ends in an ellipsis', () => {
    const remark = 'Het oude systeem werkte prima en niemand heeft ons gevraagd wat wij nodig hebben voor ons werk';
    expect(titleFromRemark(remark, 40)).toBe('Het oude systeem werkte prima en…');
  });
  test('A title is never longer than the maximum and never empty for a remark with a visible character', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), fc.integer({ min: 10, max: 200 }), (s, max) => {
        fc.pre(s.trim() !== '');
        const title = titleFromRemark(s, max);
        expect(title.length).toBeLessThanOrEqual(max);
        expect(title.length).toBeGreaterThan(0);
      }),
    );
  });
});
