import type { DriveId } from '../drives';
import { SECOND_DRIVE_SHARE } from './advice';
import { meanReading, type Reading } from './read';

/** What is kept of a reading with a logged remark: the drives it found, strongest first. */
export type KeptReading = { drives: { drive: DriveId; score: number }[] };

/** Drives below this score (in whole percents) are noise in one remark and are not kept. */
export const KEPT_MIN_SCORE = 5;

/** The drives of a reading worth keeping, or null when the text held nothing the reader knows (a guess). */
export function keptReading(r: Reading): KeptReading | null {
  if (!r.signal) return null;
  return { drives: r.drives.filter((d) => d.score >= KEPT_MIN_SCORE).map((d) => ({ drive: d.drive, score: d.score })) };
}

/** The mean of the kept readings (each remark counts once; a drive left out of one counts as 0 there), strongest first. */
export function meanOfKept(readings: readonly KeptReading[]): KeptReading['drives'] {
  if (!readings.length) return [];
  const asChances = readings.map((r) => ({ drives: r.drives.map((d) => ({ drive: d.drive, probability: d.score / 100 })) }));
  return meanReading(asChances).filter((d) => d.score >= KEPT_MIN_SCORE);
}

/**
 * A person's likely drives from everything they said: the strongest of the mean reading, and the second when it holds a
 * quarter or more, as the advice does. None without readings.
 */
export function likelyDrives(readings: readonly KeptReading[]): DriveId[] {
  return meanOfKept(readings)
    .filter((d, i) => i === 0 || (i === 1 && d.score >= SECOND_DRIVE_SHARE))
    .map((d) => d.drive);
}
