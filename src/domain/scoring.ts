import { DRIVE_IDS, type DriveId } from './drives';
import type { Answers } from './answers';
import type { ModelIndex } from './model-index';

export type DriveScore = { drive: DriveId; likert: number; choice: number; combined: number; relative: number };
export const FLAG_CODES = ['flat', 'acquiescence', 'inconsistent', 'fast'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** A scored profile; it holds no language, so it is stored once and rendered in any language. */
export type ScoredProfile = {
  modelVersion: string;
  scores: DriveScore[]; // in the fixed drive order
  ranking: DriveId[];
  primary: DriveId[];
  lowest: DriveId;
  attraction: DriveId[];
  rejection: DriveId[];
  flags: FlagCode[];
};

// Thresholds of the quality flags; documented in the README.
export const FLAT_SPAN = 15;
export const ACQUIESCENCE_SHARE = 0.8;
export const INCONSISTENT_GAP = 2;
export const INCONSISTENT_DRIVES = 2;
export const FAST_MEDIAN_MS = 1500;

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Scores a complete answer set (the caller checks completeness first).
 * durationsMs: the recorded time per item, where the client sent it.
 */
export function scoreProfile(index: ModelIndex, answers: Answers, durationsMs: number[] = []): ScoredProfile {
  const { min, max } = index.model.likert.scale;
  const scored = new Map<DriveId, number[]>(DRIVE_IDS.map((d) => [d, []]));
  for (const item of index.model.likert.items) {
    const raw = answers.likert[item.id];
    if (raw === undefined) throw new Error(`missing answer ${item.id}`);
    scored.get(item.drive)!.push(item.reverse ? min + max - raw : raw);
  }

  const n = index.model.choice.items.length;
  const most = new Map<DriveId, number>(DRIVE_IDS.map((d) => [d, 0]));
  const least = new Map<DriveId, number>(DRIVE_IDS.map((d) => [d, 0]));
  for (const s of index.model.choice.items) {
    const a = answers.choice[s.id];
    if (!a) throw new Error(`missing answer ${s.id}`);
    const m = index.optionById.get(a.most)!.drive;
    const l = index.optionById.get(a.least)!.drive;
    most.set(m, most.get(m)! + 1);
    least.set(l, least.get(l)! + 1);
  }

  const likertRaw = DRIVE_IDS.map((d) => ((mean(scored.get(d)!) - min) / (max - min)) * 100);
  const likertMean = mean(likertRaw);
  const scores: DriveScore[] = DRIVE_IDS.map((drive, i) => {
    const likert = likertRaw[i]!;
    const choice = ((most.get(drive)! - least.get(drive)! + n) / (2 * n)) * 100;
    return {
      drive,
      likert: round1(likert),
      choice: round1(choice),
      combined: round1((likert + choice) / 2),
      relative: round1(likert - likertMean),
    };
  });

  const ranking = [...scores]
    .sort((a, b) => b.combined - a.combined || b.choice - a.choice || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive))
    .map((s) => s.drive);

  return {
    modelVersion: index.model.version,
    scores,
    ranking,
    primary: ranking.slice(0, 2),
    lowest: ranking[ranking.length - 1]!,
    attraction: frequentDrives(most, n),
    rejection: frequentDrives(least, n),
    flags: qualityFlags(index, answers, likertRaw, durationsMs),
  };
}

/** Drives picked at least a quarter of the time, most often first (ties in the fixed order). */
function frequentDrives(counts: Map<DriveId, number>, n: number): DriveId[] {
  return DRIVE_IDS.filter((d) => counts.get(d)! >= n / 4).sort((a, b) => counts.get(b)! - counts.get(a)!);
}

function qualityFlags(index: ModelIndex, answers: Answers, likertScores: number[], durationsMs: number[]): FlagCode[] {
  const flags: FlagCode[] = [];
  if (Math.max(...likertScores) - Math.min(...likertScores) < FLAT_SPAN) flags.push('flat');

  const items = index.model.likert.items;
  const agreeing = items.filter((it) => answers.likert[it.id]! >= 4).length;
  if (agreeing >= ACQUIESCENCE_SHARE * items.length) flags.push('acquiescence');

  if (inconsistentDrives(index, answers).length >= INCONSISTENT_DRIVES) flags.push('inconsistent');

  // Only judged when most items carry a time: a few timings say little about a whole session.
  if (durationsMs.length >= index.total / 2 && median(durationsMs) < FAST_MEDIAN_MS) flags.push('fast');
  return flags;
}

/** Drives whose reverse-keyed answers (after flipping) sit ≥ INCONSISTENT_GAP scale points from their other items. */
export function inconsistentDrives(index: ModelIndex, answers: Answers): DriveId[] {
  const { min, max } = index.model.likert.scale;
  return DRIVE_IDS.filter((drive) => {
    const items = index.model.likert.items.filter((it) => it.drive === drive);
    const straight = items.filter((it) => !it.reverse).map((it) => answers.likert[it.id]!);
    const reversed = items.filter((it) => it.reverse).map((it) => min + max - answers.likert[it.id]!);
    if (!straight.length || !reversed.length) return false;
    return Math.abs(mean(straight) - mean(reversed)) >= INCONSISTENT_GAP;
  });
}
