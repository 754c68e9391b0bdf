import fc from 'fast-check';
import { membershipDifference, parseMembership, publication, statsSlice } from '../../src/domain/disclosure';

const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `p${from + i}`);

describe('publication of an anonymous group aggregate', () => {
  test('When fewer than the minimum group have completed, then nothing is shown and the first version comes at the minimum', () => {
    expect(publication(ids(2), null, 3)).toEqual({ shown: null, publish: null, nextAt: 3 });
  });

  test('When the minimum is reached, then everyone who completed is published, and the next version comes one step later', () => {
    expect(publication(ids(4), null, 3)).toEqual({ shown: ids(4), publish: ids(4), nextAt: 7 });
  });

  test('When fewer than a step of newcomers have completed, then the published set stays as it was', () => {
    // Published p1..p4; p5 and p6 complete: a difference of 2 < 3.
    expect(publication(ids(6), ids(4), 3)).toEqual({ shown: ids(4), publish: null, nextAt: 7 });
  });

  test('When a step of newcomers have completed, then the next version covers everyone', () => {
    expect(publication(ids(7), ids(4), 3)).toEqual({ shown: ids(7), publish: ids(7), nextAt: 10 });
  });

  test('When a published member is removed, then nothing is shown until the difference is a full step', () => {
    // p2 removed from {p1..p4}: showing {p1,p3,p4} would differ by one person.
    const now = ['p1', 'p3', 'p4'];
    expect(publication(now, ids(4), 3)).toEqual({ shown: null, publish: null, nextAt: 5 });
    // p5 completes: {p1,p3,p4,p5} against {p1..p4} differs by p2 and p5, two people: still hidden.
    expect(publication([...now, 'p5'], ids(4), 3)).toEqual({ shown: null, publish: null, nextAt: 5 });
    // p6 completes: p2, p5, p6 differ: three people, a full step.
    expect(publication([...now, 'p5', 'p6'], ids(4), 3)).toEqual({ shown: [...now, 'p5', 'p6'], publish: [...now, 'p5', 'p6'], nextAt: 8 });
  });

  test('When someone who was not yet published is removed, then the published set is still shown', () => {
    expect(publication(['p1', 'p2', 'p3', 'p5'], ids(3), 3)).toEqual({ shown: ids(3), publish: null, nextAt: 6 });
  });

  test('When the group shrinks below the minimum, then nothing is shown even after a full step of change', () => {
    expect(publication(['p1'], ids(4), 3)).toEqual({ shown: null, publish: null, nextAt: 3 });
  });

  test('When the stored membership cannot be read, then it counts as an empty set, which only a full step can follow', () => {
    expect(parseMembership('{broken')).toEqual([]);
    expect(parseMembership('[1]')).toEqual([]);
    expect(parseMembership(null)).toBeNull();
    expect(publication(ids(2), parseMembership('{broken'), 3).shown).toBeNull();
  });

  test('For any sequence of completions and removals, two consecutive shown versions differ by at least the step (or not at all)', () => {
    const op = fc.oneof(
      fc.constant({ kind: 'complete' as const, pick: 0 }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(1000) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 80 }), (step, ops) => {
        let completed: string[] = [];
        let stored: string[] | null = null;
        let lastShown: string[] | null = null;
        let next = 1;
        for (const o of ops) {
          if (o.kind === 'complete') completed = [...completed, `p${next++}`];
          else if (completed.length) completed = completed.filter((_, i) => i !== o.pick % completed.length);
          const p = publication(completed, stored, step);
          if (p.publish) stored = p.publish;
          if (p.shown) {
            expect(p.shown.length).toBeGreaterThanOrEqual(step);
            expect(p.shown.every((x) => completed.includes(x))).toBe(true);
            if (lastShown) {
              const d = membershipDifference(p.shown, lastShown);
              expect(d === 0 || d >= step).toBe(true);
            }
            lastShown = p.shown;
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a slice of a growing pool for statistics', () => {
  test('Below the minimum nothing; then the largest multiple of the minimum reached', () => {
    expect([0, 9, 10, 19, 20, 44].map((n) => statsSlice(n, 10))).toEqual([0, 0, 10, 10, 20, 40]);
  });
});
