import { DRIVE_IDS, type DriveId, type Lang } from '../drives';
import type { AdviceFile } from '../reader/advice';
import type { Remark } from '../studio/remarks';
import type { ScoredProfile } from '../scoring';
import type { DriveStats } from '../team';

export type EnergyDrive = { drive: DriveId; count: number; share: number };
export type FrictionDrive = { drive: DriveId; count: number };
export type BlindSpot = { drive: DriveId; sounds: string[]; risk: string; helps: string[]; need: string };

/** Drives in a blind spot have a team mean below this: the mean of a person's six combined scores is 50 by construction. */
export const WEAK_MEAN = 50;
export const MAX_BLIND_SPOTS = 3;
export const SOUNDS_PER_DRIVE = 3;

/**
 * A drive is shared by the team when at least two members hold it (one person is not "the team") and at least a
 * third of the team does (in a team of 30, two is not the team either): max(2, ⌈n/3⌉).
 */
export function sharedBy(n: number): number {
  return Math.max(2, Math.ceil(n / 3));
}

/** Drives counted over the members' lists, those shared by the team, most members first, ties in the fixed order. */
function sharedDrives(lists: DriveId[][]): FrictionDrive[] {
  const min = sharedBy(lists.length);
  return DRIVE_IDS.map((drive) => ({ drive, count: lists.filter((l) => l.includes(drive)).length }))
    .filter((d) => d.count >= min)
    .sort((a, b) => b.count - a.count || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive));
}

/** What gives the team energy together: drives in the top band (primary) of enough members; share 0–1, 2 decimals. */
export function energy(profiles: ScoredProfile[]): EnergyDrive[] {
  return sharedDrives(profiles.map((p) => p.primary)).map((d) => ({ ...d, share: Math.round((d.count / profiles.length) * 100) / 100 }));
}

/**
 * What the team tends to push away: drives enough members chose least often, by the same rule. `rejection` holds a
 * drive only when it was picked "least" beyond chance (chance.ts), so this is about choices, not about irritation.
 */
export function friction(profiles: ScoredProfile[]): FrictionDrive[] {
  return sharedDrives(profiles.map((p) => p.rejection));
}

/**
 * Remarks of the drive in `lang`, by id; the clear ones (no second drive in `also`) first, as they show the drive
 * best. The same bank gives the same remarks every time.
 */
function soundsOf(drive: DriveId, lang: Lang, remarks: readonly Remark[]): string[] {
  const mine = remarks
    .filter((r) => r.drive === drive && r.lang === lang)
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return [...mine.filter((r) => !r.also.length), ...mine.filter((r) => r.also.length)].slice(0, SOUNDS_PER_DRIVE).map((r) => r.text);
}

/**
 * Drives the team is likely to miss in clients. Weak means both: in nobody's top band (teamInsights' noStrength, so
 * nobody has it among their reliably strongest drives) and a team mean below WEAK_MEAN. Weakest first (lowest mean,
 * ties in the fixed order), at most MAX_BLIND_SPOTS. risk is the advice's first "don't" for that drive: what a team
 * without the drive tends to do; helps are its "do"s.
 */
export function blindSpots(
  noStrength: DriveId[],
  stats: DriveStats[],
  options: { lang: Lang; advice: AdviceFile; remarks: readonly Remark[] },
): BlindSpot[] {
  const { lang, advice, remarks } = options;
  return stats
    .filter((s) => noStrength.includes(s.drive) && s.mean < WEAK_MEAN)
    .sort((a, b) => a.mean - b.mean || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive))
    .slice(0, MAX_BLIND_SPOTS)
    .map(({ drive }) => {
      const a = advice.drives[drive];
      return { drive, sounds: soundsOf(drive, lang, remarks), risk: a.dont[lang][0]!, helps: a.do[lang], need: a.need[lang] };
    });
}
