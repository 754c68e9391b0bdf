import { DRIVE_IDS, type DriveId } from './drives';
import type { Answers } from './answers';
import type { ModelIndex } from './model-index';
import { chanceThreshold } from './chance';
import { seDifference, topBand, type TopBand } from './top-band';
import { isCareless } from './careless';

export type DriveScore = { drive: DriveId; likert: number; choice: number; combined: number; relative: number };
export const FLAG_CODES = ['flat', 'acquiescence', 'inconsistent', 'fast', 'careless'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** A scored profile; it holds no language, so it is stored once and rendered in any language. */
export type ScoredProfile = {
  modelVersion: string;
  scores: DriveScore[]; // in the fixed drive order
  ranking: DriveId[];
  /** The strongest drive(s) within measurement error of each other, and those close behind (scoring 2). */
  top: TopBand;
  /** The drives of top.band (kept for the pages and the API that read "primary"). */
  primary: DriveId[];
  lowest: DriveId;
  attraction: DriveId[];
  rejection: DriveId[];
  flags: FlagCode[];
  /** 2: centred, standardised combined score, labels beyond chance; absent on profiles stored before. */
  scoring?: number;
};
export const SCORING_VERSION = 2;

/**
 * Between-person SDs of the two centred parts (statement score minus the person's own mean; choice score
 * minus 50, its mean by construction), from the simulator (model v1, reliability .8, N = 20,000, seed 1).
 * Each part is divided by its SD, so both weigh the same; COMBINED_SPREAD puts the result back on a 0–100
 * scale around 50. README ("Scoring") has the figures; replace them with pilot figures when there are.
 */
export const PART_SD = { likert: 20, choice: 18 };
export const COMBINED_SPREAD = 20;
/** Between-person SD of the combined score and the reliability assumed for it (no sample is at hand when scoring). */
export const COMBINED_SD = 19;
export const DEFAULT_RELIABILITY = 0.8;

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
      combined: round1(combinedScore(likert - likertMean, choice)),
      relative: round1(likert - likertMean),
    };
  });

  const flags = qualityFlags(index, answers, likertRaw, durationsMs);
  if (isCareless(index, answers)) flags.push('careless');
  return {
    modelVersion: index.model.version,
    scores,
    ...rankingOf(scores),
    attraction: frequentDrives(most, n),
    rejection: frequentDrives(least, n),
    flags,
    scoring: SCORING_VERSION,
  };
}

/** Combined score from the centred parts: each part in SD units, averaged, on a 0–100 scale around 50. */
export function combinedScore(relative: number, choice: number): number {
  const z = (relative / PART_SD.likert + (choice - 50) / PART_SD.choice) / 2;
  return Math.max(0, Math.min(100, 50 + COMBINED_SPREAD * z));
}

/** Ranking (ties: higher choice score, then the fixed order), the top band and the weakest drive. */
export function rankingOf(scores: DriveScore[]): Pick<ScoredProfile, 'ranking' | 'top' | 'primary' | 'lowest'> {
  const sorted = [...scores].sort(
    (a, b) => b.combined - a.combined || b.choice - a.choice || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive),
  );
  const seDiff = () => seDifference(COMBINED_SD, DEFAULT_RELIABILITY, DEFAULT_RELIABILITY);
  const top = topBand(
    sorted.map((s) => ({ drive: s.drive, score: s.combined })),
    seDiff,
  );
  const ranking = sorted.map((s) => s.drive);
  return { ranking, top, primary: top.band, lowest: ranking[ranking.length - 1]! };
}

/**
 * Drives picked (as most, or as least) clearly more often than chance: at least chanceThreshold(n) times
 * (5 of 12), most often first (ties in the fixed order).
 */
function frequentDrives(counts: Map<DriveId, number>, n: number): DriveId[] {
  const k = chanceThreshold(n);
  return DRIVE_IDS.filter((d) => counts.get(d)! >= k).sort((a, b) => counts.get(b)! - counts.get(a)!);
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
