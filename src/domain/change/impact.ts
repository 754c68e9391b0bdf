import { DEFAULT_LANG, DRIVE_IDS, type DriveId, type Lang } from '../drives';
import { INTENSITY_MAX, type ChangeFile, type ChangeProfile } from './schema';

/**
 * A drive counts as threatened when its score is at most −2, and as served when it is at least +2. Between
 * them (−1, 0, +1) it is hardly touched: a little (1) of something that threatens a drive somewhat (−1) is not
 * worth naming. The bar of 2 is one dimension shown clearly (2) at weight ±1, or a little (1) at weight ±2.
 */
export const THREAT_AT = 2;

export type ImpactReason = {
  dimension: string;
  /** How strongly the change shows the dimension (0–3). */
  intensity: number;
  /** The dimension's effect on the drive (−2 … +2). */
  weight: number;
  /** intensity × weight: this dimension's part of the score. */
  contribution: number;
  /** Why the dimension threatens or serves the drive; absent when the weight is 0. */
  text?: string;
};

export type DriveImpact = {
  drive: DriveId;
  score: number;
  threatened: boolean;
  served: boolean;
  /** Every dimension the change shows (intensity > 0), most threatening first. */
  reasons: ImpactReason[];
  /** What helps to say when the change threatens this drive. */
  messages: string[];
};

/** The intensities of a profile, checked against the dimensions of `data`: unknown ids and values outside 0–3 throw. */
function intensities(profile: ChangeProfile, data: ChangeFile): number[] {
  const known = new Set(data.dimensions.map((d) => d.id));
  for (const id of Object.keys(profile)) if (!known.has(id)) throw new RangeError(`unknown change dimension "${id}"`);
  return data.dimensions.map((d) => {
    const v = profile[d.id] ?? 0;
    if (!Number.isInteger(v) || v < 0 || v > INTENSITY_MAX)
      throw new RangeError(`${d.id}: intensity must be an integer 0–${INTENSITY_MAX}`);
    return v;
  });
}

/**
 * How a change threatens or serves each drive.
 *
 *   score(drive) = Σ over dimensions of intensity(dimension) × weight(dimension, drive)
 *
 * A plain sum, on purpose. Intensities and weights are judgements on short scales, not measurements, and
 * there are no data to fit anything finer to; a weighted or non-linear formula would suggest a precision
 * that is not there. A sum can be checked by hand, and every part of it is listed in `reasons`, so the
 * consultant sees which dimension pushes which way. Its price: a threat on one dimension and a gain on
 * another cancel out in the score, while people may well feel both; the reasons show both sides.
 *
 * Sorted most threatened first (lowest score), ties in the fixed drive order.
 */
export function changeImpact(profile: ChangeProfile, data: ChangeFile, lang: Lang = DEFAULT_LANG): DriveImpact[] {
  const levels = intensities(profile, data);
  const impact = DRIVE_IDS.map((drive): DriveImpact => {
    const reasons = data.dimensions.flatMap((d, i): ImpactReason[] => {
      const intensity = levels[i]!;
      if (intensity === 0) return [];
      const { weight, reason } = d.effects[drive];
      return [{ dimension: d.id, intensity, weight, contribution: intensity * weight, ...(reason ? { text: reason[lang] } : {}) }];
    });
    // Stable sort: equal contributions keep the file's order of dimensions.
    reasons.sort((a, b) => a.contribution - b.contribution);
    const score = reasons.reduce((sum, r) => sum + r.contribution, 0);
    return {
      drive,
      score,
      threatened: score <= -THREAT_AT,
      served: score >= THREAT_AT,
      reasons,
      messages: [...data.messages[drive][lang]],
    };
  });
  return impact.sort((a, b) => a.score - b.score || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive));
}
