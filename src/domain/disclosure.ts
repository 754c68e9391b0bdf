/**
 * When a group aggregate may be shown. Principle: a published aggregate of an anonymous group never
 * changes by fewer than `step` (the session's minimum group size) people, so comparing two versions
 * of it never isolates one person (or two: a removal plus a completion).
 *
 * The published membership is remembered (as opaque keys, one per completed participant), not derived
 * from counts alone: after a removal, the remaining participants plus one newcomer would otherwise make
 * a set that differs from the previous one by only two people. So:
 * - nothing published yet: publish everyone who completed, once there are at least `step`;
 * - the membership of the published set differs from who completed now by at least `step`: publish
 *   everyone now (the next version);
 * - otherwise, all published members are still there: keep showing the published set (only newcomers
 *   differ; they wait for the next step);
 * - otherwise (a published member was removed or deleted their data): show nothing until the
 *   difference reaches `step`. Showing the rest would differ by the one removed person.
 */
export type Publication = {
  /** The keys of the members the shown aggregate covers; null: nothing may be shown now. */
  shown: string[] | null;
  /** The membership to store when it changed (a new version is published), else null. */
  publish: string[] | null;
  /** The number of completed participants at which the next version will be published. */
  nextAt: number;
};

/** Members in one set but not the other. */
export function membershipDifference(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let d = 0;
  for (const x of sa) if (!sb.has(x)) d++;
  for (const x of sb) if (!sa.has(x)) d++;
  return d;
}

export function publication(completed: readonly string[], published: readonly string[] | null, step: number): Publication {
  const k = Math.max(1, step);
  const now = [...new Set(completed)];
  const before = published ?? []; // nothing published yet: as if an empty set was
  const diff = membershipDifference(now, before);
  // Each further completion adds one to the difference.
  const nextAt = Math.max(k, now.length + k - diff);
  if (diff >= k && now.length >= k) return { shown: now, publish: now, nextAt: now.length + k };
  const present = new Set(now);
  if (before.length >= k && before.every((x) => present.has(x))) return { shown: [...before], publish: null, nextAt };
  return { shown: null, publish: null, nextAt };
}

/** Parses a stored membership; anything unreadable reads as an empty set, which only a full step can follow. */
export function parseMembership(stored: string | null): string[] | null {
  if (stored === null) return null;
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) && value.every((x) => typeof x === 'string') ? value : [];
  } catch {
    return [];
  }
}

/** Item statistics shown to a trainer or admin come from at least this many completed participants. */
export const MIN_STATS_GROUP = 10;

/**
 * Statistics over a growing pool (a trainer's quality page): below `min` only the count; from there on,
 * over the first multiple of `min` reached, in order of completion, so each new version adds `min` people.
 */
export function statsSlice(n: number, min: number): number {
  return n < min ? 0 : Math.floor(n / min) * min;
}
