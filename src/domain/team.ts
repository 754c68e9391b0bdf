import { DRIVE_IDS, type DriveId } from './drives';
import type { DriveScore, ScoredProfile } from './scoring';

export type MemberStatus = 'joined' | 'busy' | 'completed';
export type MemberInput = { name: string; answered: number; total: number; profile: ScoredProfile | null };
export type DriveStats = { drive: DriveId; mean: number; sd: number; min: number; max: number; topCount: number };
export type TeamInsights = {
  dominant: DriveId[];
  noStrength: DriveId[];
  contrasts: { a: string; b: string; distance: number }[];
};

const round1 = (x: number) => Math.round(x * 10) / 10;

export function memberStatus(m: Pick<MemberInput, 'answered' | 'profile'>): MemberStatus {
  if (m.profile) return 'completed';
  return m.answered > 0 ? 'busy' : 'joined';
}

/**
 * Per drive over the completed members' combined scores: mean, population SD (this group, not an
 * estimate for a wider one), min, max, and how many have the drive at the top of their ranking.
 */
export function driveStats(profiles: ScoredProfile[]): DriveStats[] {
  return DRIVE_IDS.map((drive) => {
    const xs = profiles.map((p) => p.scores.find((s) => s.drive === drive)!.combined);
    const n = xs.length;
    const mean = n ? xs.reduce((a, b) => a + b, 0) / n : 0;
    const sd = n ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / n) : 0;
    return {
      drive,
      mean: round1(mean),
      sd: round1(sd),
      min: n ? Math.min(...xs) : 0,
      max: n ? Math.max(...xs) : 0,
      topCount: profiles.filter((p) => p.ranking[0] === drive).length,
    };
  });
}

const vector = (scores: DriveScore[]) => DRIVE_IDS.map((d) => scores.find((s) => s.drive === d)!.combined);

/** The `k` largest items by `key`, without sorting them all (a session of 300 has 44,850 pairs). */
function topK<T>(items: Iterable<T>, k: number, key: (x: T) => number): T[] {
  const best: T[] = [];
  for (const x of items) {
    if (best.length === k && key(x) <= key(best[k - 1]!)) continue;
    let i = best.length;
    while (i > 0 && key(best[i - 1]!) < key(x)) i--;
    best.splice(i, 0, x);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Words for the trainer: the strongest drives, drives no one has as a strength, the most contrasting pairs. */
export function teamInsights(members: { name: string; profile: ScoredProfile }[], stats: DriveStats[], maxPairs = 3): TeamInsights {
  const dominant = [...stats]
    .sort((a, b) => b.mean - a.mean || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive))
    .slice(0, 2)
    .map((s) => s.drive);
  const strengths = new Set(members.flatMap((m) => m.profile.primary));
  const noStrength = DRIVE_IDS.filter((d) => !strengths.has(d));
  const vectors = members.map((m) => vector(m.profile.scores));
  function* pairs() {
    for (let i = 0; i < vectors.length; i++) {
      for (let j = i + 1; j < vectors.length; j++) {
        const a = vectors[i]!;
        const b = vectors[j]!;
        let sum = 0;
        for (let k = 0; k < a.length; k++) sum += (a[k]! - b[k]!) ** 2;
        yield { i, j, d2: sum };
      }
    }
  }
  // Pairs at equal distance keep the order in which they joined.
  const contrasts = topK(pairs(), maxPairs, (p) => p.d2).map((p) => ({
    a: members[p.i]!.name,
    b: members[p.j]!.name,
    distance: round1(Math.sqrt(p.d2)),
  }));
  return { dominant, noStrength, contrasts };
}
