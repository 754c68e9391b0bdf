import { DRIVE_IDS, type DriveId } from './drives';
import { chanceThreshold } from './chance';
import { SCORING_VERSION, combinedScore, rankingOf, type DriveScore, type ScoredProfile } from './scoring';

/** Every profile stored before scoring version 2 was taken with model v1, which has 12 situations. */
const V1_SITUATIONS = 12;
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A stored profile as today's scoring reads it. Profiles stored before scoring version 2 kept `relative`
 * and `choice` per drive, so their combined score, ranking and top band are worked out again from those;
 * their attraction/rejection labels stay only where the net count (most − least, from `choice`) alone
 * reaches the chance threshold, as the separate counts were not stored: stricter, never looser.
 */
export function upgradeProfile(p: ScoredProfile): ScoredProfile {
  if (p.scoring === SCORING_VERSION) return p;
  // Something that is not a whole profile (a row written by hand, a test's stand-in) is left as it was stored.
  const whole =
    Array.isArray(p.scores) && p.scores.length === DRIVE_IDS.length && Array.isArray(p.attraction) && Array.isArray(p.rejection);
  if (!whole) return p;
  const scores: DriveScore[] = p.scores.map((s) => ({ ...s, combined: round1(combinedScore(s.relative, s.choice)) }));
  const k = chanceThreshold(V1_SITUATIONS);
  const net = (d: DriveId) => Math.round((scores.find((s) => s.drive === d)!.choice / 100) * 2 * V1_SITUATIONS - V1_SITUATIONS);
  const keep = (list: DriveId[], sign: 1 | -1) => list.filter((d) => DRIVE_IDS.includes(d) && sign * net(d) >= k);
  return {
    ...p,
    scores,
    ...rankingOf(scores),
    attraction: keep(p.attraction, 1),
    rejection: keep(p.rejection, -1),
    scoring: SCORING_VERSION,
  };
}

/** Parses a stored profile and brings it up to today's scoring. */
export function readProfile(json: string): ScoredProfile {
  return upgradeProfile(JSON.parse(json) as ScoredProfile);
}
