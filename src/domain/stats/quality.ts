import { DRIVE_IDS, type DriveId } from '../drives';
import type { Answers } from '../answers';
import type { ModelIndex } from '../model-index';
import type { ScoredProfile } from '../scoring';
import { correlation, round, sd } from './basic';
import { LOW_ITEM_TOTAL, alphaIfDeleted, correctedItemTotal, cronbachAlpha, feldtInterval, itemStats } from './reliability';

/** Item flags ("rewrite or replace") are firm from this many people... */
export const ITEM_FLAGS_MIN = 100;
/** ...provisional from this many, and not given below it: with equally good items, chance alone flags 18% at n = 10. */
export const ITEM_FLAGS_PROVISIONAL_MIN = 30;
/** Alpha's confidence interval is shown from this many people. */
export const ALPHA_CI_MIN = 10;
/** The reliable change index needs a reference group at least this large (its alpha and SD). */
export const RCI_MIN_GROUP = 100;

export type ScaleQuality = {
  drive: DriveId;
  n: number;
  k: number;
  alpha: number | null;
  alphaCi: { lower: number; upper: number } | null;
  items: {
    id: string;
    reverse: boolean;
    mean: number;
    sd: number;
    itemTotal: number | null;
    alphaIfDeleted: number | null;
    flagged: boolean;
  }[];
};
export type Quality = {
  modelVersion: string;
  n: number;
  /** Whether item flags are given at all (n ≥ ITEM_FLAGS_PROVISIONAL_MIN) and whether they are still provisional (n < ITEM_FLAGS_MIN). */
  itemFlags: 'none' | 'provisional' | 'firm';
  scales: ScaleQuality[];
  /** Pearson correlations between the six likert scale scores, in the fixed drive order. */
  scaleCorrelations: (number | null)[][];
  /** Per drive: the spread (SD) of the likert score, which the reliable change index needs. */
  likertSd: Record<DriveId, number | null>;
  /** Per drive: the likert score against the choice score of the same drive (convergent validity). */
  convergent: { drive: DriveId; r: number | null }[];
  /** How often each option of each situation was picked most and least. */
  choices: { id: string; options: { id: string; drive: DriveId; most: number; least: number }[] }[];
};

const val = (x: number, digits = 3) => (Number.isFinite(x) ? round(x, digits) : null);

/** Every statistic of the quality page for one model version, from the completed answer sets. */
export function questionnaireQuality(index: ModelIndex, people: { answers: Answers; profile: ScoredProfile }[]): Quality {
  const { min, max } = index.model.likert.scale;
  const n = people.length;
  const scales = DRIVE_IDS.map((drive): ScaleQuality => {
    const items = index.model.likert.items.filter((i) => i.drive === drive);
    // Rows: people; columns: items, reverse-keyed ones flipped, as the scoring does.
    const matrix = people.map((p) => items.map((it) => (it.reverse ? min + max - p.answers.likert[it.id]! : p.answers.likert[it.id]!)));
    const enough = n >= 3;
    const alpha = enough ? cronbachAlpha(matrix) : NaN;
    const itemTotals = enough ? correctedItemTotal(matrix) : items.map(() => NaN);
    const deleted = enough ? alphaIfDeleted(matrix) : items.map(() => NaN);
    const stats = n ? itemStats(matrix) : items.map(() => ({ mean: NaN, sd: NaN }));
    return {
      drive,
      n,
      k: items.length,
      alpha: val(alpha),
      alphaCi: Number.isFinite(alpha) && n >= ALPHA_CI_MIN ? mapCi(feldtInterval(alpha, n, items.length)) : null,
      items: items.map((it, j) => ({
        id: it.id,
        reverse: it.reverse,
        mean: val(stats[j]!.mean, 2) ?? NaN,
        sd: val(stats[j]!.sd, 2) ?? NaN,
        itemTotal: val(itemTotals[j]!),
        alphaIfDeleted: val(deleted[j]!),
        flagged: n >= ITEM_FLAGS_PROVISIONAL_MIN && Number.isFinite(itemTotals[j]!) && itemTotals[j]! < LOW_ITEM_TOTAL,
      })),
    };
  });

  const score = (p: ScoredProfile, d: DriveId, key: 'likert' | 'choice') => p.scores.find((s) => s.drive === d)![key];
  const likertColumns = DRIVE_IDS.map((d) => people.map((p) => score(p.profile, d, 'likert')));
  const scaleCorrelations = DRIVE_IDS.map((_, i) =>
    DRIVE_IDS.map((__, j) => (i === j ? 1 : val(correlation(likertColumns[i]!, likertColumns[j]!)))),
  );
  const convergent = DRIVE_IDS.map((d, i) => ({
    drive: d,
    r: val(
      correlation(
        likertColumns[i]!,
        people.map((p) => score(p.profile, d, 'choice')),
      ),
    ),
  }));

  const choices = index.model.choice.items.map((s) => ({
    id: s.id,
    options: s.options.map((o) => ({
      id: o.id,
      drive: o.drive,
      most: people.filter((p) => p.answers.choice[s.id]?.most === o.id).length,
      least: people.filter((p) => p.answers.choice[s.id]?.least === o.id).length,
    })),
  }));
  const likertSd = Object.fromEntries(DRIVE_IDS.map((d, i) => [d, val(sd(likertColumns[i]!), 2)])) as Record<DriveId, number | null>;
  const itemFlags = n >= ITEM_FLAGS_MIN ? 'firm' : n >= ITEM_FLAGS_PROVISIONAL_MIN ? 'provisional' : 'none';
  return { modelVersion: index.model.version, n, itemFlags, scales, scaleCorrelations, likertSd, convergent, choices };
}

/** Alpha is at most 1; far below 0 it only says "no consistency", so the interval is kept within [−1, 1]. */
function mapCi(ci: { lower: number; upper: number }) {
  const clamp = (x: number) => round(Math.max(-1, Math.min(1, x)), 3);
  return Number.isFinite(ci.lower) && Number.isFinite(ci.upper) ? { lower: clamp(ci.lower), upper: clamp(ci.upper) } : null;
}

/** Test–retest: per drive the correlation between people's first and second profile of the same version. */
export function testRetest(pairs: { first: ScoredProfile; second: ScoredProfile; days: number }[]) {
  const combined = (p: ScoredProfile, d: DriveId) => p.scores.find((s) => s.drive === d)!.combined;
  const days = pairs.map((p) => p.days).sort((a, b) => a - b);
  return {
    n: pairs.length,
    intervalDays: pairs.length ? { median: days[days.length >> 1]!, min: days[0]!, max: days[days.length - 1]! } : null,
    drives: DRIVE_IDS.map((d) => ({
      drive: d,
      r:
        pairs.length >= 3
          ? val(
              correlation(
                pairs.map((p) => combined(p.first, d)),
                pairs.map((p) => combined(p.second, d)),
              ),
            )
          : null,
    })),
  };
}
