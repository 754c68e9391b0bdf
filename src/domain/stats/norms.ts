// Norm-referenced interpretation: where a score sits within a norm group.

/** Below this many respondents a norm group is too small to report percentiles. */
export const MIN_NORM_GROUP = 50;

/** Index of the first element for which `before` is false (array sorted ascending). */
function lowerBound(sorted: number[], before: (value: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid] as number)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mid-rank percentile (0–100, whole number): ties count half, so equal scores get the same rank. */
export function percentileRank(sortedScores: number[], x: number): number {
  const n = sortedScores.length;
  if (n === 0) return NaN;
  const below = lowerBound(sortedScores, (v) => v < x);
  const belowOrEqual = lowerBound(sortedScores, (v) => v <= x);
  return Math.round(((below + 0.5 * (belowOrEqual - below)) / n) * 100);
}

/** Tertile band of a percentile. */
export function band(percentile: number): 'low' | 'average' | 'high' {
  if (percentile < 100 / 3) return 'low';
  if (percentile >= 200 / 3) return 'high';
  return 'average';
}
