import type { DriveId } from './drives';

/** The top of a profile: the strongest drive with those that cannot be told apart from it, and those close behind. */
export type TopBand = { band: DriveId[]; near: DriveId[] };

/** Two scores differ reliably (p < .05, two-sided) when their gap is at least this many standard errors. */
export const BAND_Z = 1.96;

/**
 * Standard error of the difference of two scale scores with spread `sd` and reliabilities r1, r2:
 * each score has SEM = sd·√(1 − r), and independent errors add: SEdiff = sd·√(2 − r1 − r2).
 */
export function seDifference(sd: number, r1: number, r2: number): number {
  return sd * Math.sqrt(Math.max(0, 2 - r1 - r2));
}

/**
 * ranked: drives with their scores, strongest first. band: the strongest drive and every drive whose gap to
 * it is below BAND_Z · SEdiff (not reliably weaker). near: the drives outside the band whose gap to the
 * weakest band member is below BAND_Z · SEdiff (reliably below the strongest, but not below the band's end).
 * So no drive within error of the band's drives goes unmentioned.
 */
export function topBand(ranked: { drive: DriveId; score: number }[], seDiff: (a: DriveId, b: DriveId) => number): TopBand {
  const [top] = ranked;
  if (!top) return { band: [], near: [] };
  const close = (a: { drive: DriveId; score: number }, b: { drive: DriveId; score: number }) =>
    a.score - b.score < BAND_Z * seDiff(a.drive, b.drive);
  const band = ranked.filter((d) => d === top || close(top, d));
  const last = band[band.length - 1]!;
  const near = ranked.filter((d) => !band.includes(d) && close(last, d));
  return { band: band.map((d) => d.drive), near: near.map((d) => d.drive) };
}
