import { DRIVE_IDS, type DriveId } from '../drives';
import { COMBINED_SD, DEFAULT_RELIABILITY, type ScoredProfile } from '../scoring';
import { BAND_Z, seDifference } from '../top-band';
import type { DriveStats } from '../team';

/** A member's name as the caller knows it; null when the session stored none. */
export type MemberName = string | null;
export type DiversityCell = { first: DriveId; second: DriveId; count: number; members?: MemberName[] };
export type Centre = { x: number; y: number; angleDeg: number; strength: number; nearest: DriveId };
export type Side = 'self' | 'group' | 'balanced';
export type Orientation = { self: number; group: number; balanced: number; members?: { name: MemberName; side: Side }[] };

export const SELF_DRIVES: readonly DriveId[] = ['red', 'orange', 'yellow'];
export const GROUP_DRIVES: readonly DriveId[] = ['purple', 'blue', 'green'];

/**
 * A member leans to one side only when the gap between the mean combined score of the self drives and that of
 * the group drives is reliable by the same standard as the top band (BAND_Z = 1.96, p < .05). Each combined score
 * has SEM = SD·√(1 − r); the gap between two means of three has SE = SEdiff/√3 = 19·√0.4/√3 = 6.9, so the bar is
 * 1.96 · 6.9 = 13.6 points. The six combined scores are centred (they sum to about 300), which ties the two means
 * together, but with independent raw errors the SE of the gap comes out the same. In simulated respondents
 * (model v1, reliability .8) about half the people fall within it: the measurement cannot tell more of them.
 */
export const BALANCED_GAP = (BAND_Z * seDifference(COMBINED_SD, DEFAULT_RELIABILITY, DEFAULT_RELIABILITY)) / Math.sqrt(3);

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const order = (d: DriveId) => DRIVE_IDS.indexOf(d);
const combinedOf = (p: ScoredProfile, d: DriveId) => p.scores.find((s) => s.drive === d)!.combined;
const meanOf = (p: ScoredProfile, ds: readonly DriveId[]) => ds.reduce((a, d) => a + combinedOf(p, d), 0) / ds.length;

/**
 * Every member in the cell of the first and second drive of their ranking. That is the order of the scores, not a
 * reliable difference: the first two are often within error of each other (see the top band), so a cell says
 * "this mix", not "this type". Fullest cells first, then in the fixed drive order; names in the order given.
 */
export function diversity(members: { name: MemberName; profile: ScoredProfile }[], withNames: boolean): DiversityCell[] {
  const cells = new Map<string, { first: DriveId; second: DriveId; names: MemberName[] }>();
  for (const m of members) {
    const [first, second] = m.profile.ranking as [DriveId, DriveId];
    const key = `${first}/${second}`;
    const cell = cells.get(key) ?? { first, second, names: [] };
    cell.names.push(m.name);
    cells.set(key, cell);
  }
  return [...cells.values()]
    .sort((a, b) => b.names.length - a.names.length || order(a.first) - order(b.first) || order(a.second) - order(b.second))
    .map((c) => ({ first: c.first, second: c.second, count: c.names.length, ...(withNames ? { members: c.names } : {}) }));
}

/**
 * The team's centre of gravity on the circle of the six drives in the fixed order, purple at 0° and each next drive
 * 60° further (counter-clockwise, y up; a view turns or mirrors it as it likes): the mean combined scores as weights.
 * Their sum is about 300 and the six directions cancel, so strength is 0 for an even team and 1 only when all
 * weight sits on one drive; real teams lie near 0.1–0.2. x, y and strength to 2 decimals, the angle to 1.
 * Null for a team without members (or, in theory, with every score 0): there is no centre to show.
 */
export function centre(stats: DriveStats[]): Centre | null {
  const total = stats.reduce((a, s) => a + s.mean, 0);
  if (!stats.length || total <= 0) return null;
  let x = 0;
  let y = 0;
  for (const s of stats) {
    const rad = (order(s.drive) * Math.PI) / 3;
    x += (s.mean * Math.cos(rad)) / total;
    y += (s.mean * Math.sin(rad)) / total;
  }
  const angle = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  const gap = (d: DriveId) => {
    const g = Math.abs(angle - order(d) * 60) % 360;
    return Math.min(g, 360 - g);
  };
  // Halfway between two drives the earlier one in the fixed order is named (reduce keeps the first minimum).
  const nearest = DRIVE_IDS.reduce((best, d) => (gap(d) < gap(best) ? d : best));
  return { x: round2(x), y: round2(y), angleDeg: round1(angle) % 360, strength: round2(Math.hypot(x, y)), nearest };
}

/** Per member the side their drives lean to: mean combined of red, orange, yellow against purple, blue, green. */
export function sideOf(profile: ScoredProfile): Side {
  const gap = meanOf(profile, SELF_DRIVES) - meanOf(profile, GROUP_DRIVES);
  if (Math.abs(gap) < BALANCED_GAP) return 'balanced';
  return gap > 0 ? 'self' : 'group';
}

export function orientation(members: { name: MemberName; profile: ScoredProfile }[], withNames: boolean): Orientation {
  const sides = members.map((m) => ({ name: m.name, side: sideOf(m.profile) }));
  const count = (side: Side) => sides.filter((s) => s.side === side).length;
  return { self: count('self'), group: count('group'), balanced: count('balanced'), ...(withNames ? { members: sides } : {}) };
}
