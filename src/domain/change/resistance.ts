import { DRIVE_IDS, type DriveId } from '../drives';
import type { DriveImpact } from './impact';

/** How strong each drive is for a person or a department, on any non-negative scale (the reader's shares, 2/1 for likely drives). */
export type DriveScore = { drive: DriveId; score: number };
export type ResistanceLevel = 'low' | 'medium' | 'high';

export type Resistance = {
  level: ResistanceLevel;
  /** The threat the person's strong drives carry, weighted by their share (below); in the units of the impact score. */
  pressure: number;
  /** The strong drives the change threatens, the largest part of the pressure first. */
  drivers: DriveId[];
  /** What helps to say, per driver in the order of `drivers`. */
  messages: { drive: DriveId; text: string }[];
};

/**
 * The levels, on the pressure (see `expectedResistance`). Medium starts at 2, the bar at which a single drive
 * counts as threatened (THREAT_AT): someone whose drives all point one way reaches it as soon as that drive is
 * threatened, someone with half of their drive picture on it when that drive scores −4. High starts at twice
 * that, 4: a drive that carries everything at −4, or half of it at −8 (for example two dimensions shown clearly
 * that threaten it strongly). Below 2 the threat is small or falls on drives that matter little to the person.
 */
export const MEDIUM_AT = 2;
export const HIGH_AT = 4;

const rank = (d: DriveId) => DRIVE_IDS.indexOf(d);

/**
 * The resistance to expect from a person or department, from the change's impact and their drive scores.
 *
 *   share(d)  = their score for d / the sum of their scores (negative and missing scores count as 0)
 *   strong(d) = share(d) ≥ 1/6, at least an even split of the six drives
 *   pressure  = Σ over strong drives of share(d) × max(0, −impact score(d))
 *
 * Only threats count: a gain for one drive does not take away the worry about another. Only strong drives
 * count, and in proportion to their share, so a change that hits a drive the person hardly has stays quiet.
 * Shares make the scale of the input irrelevant. No drive scores at all: nothing is known, so nothing is
 * expected (low, no drivers).
 */
export function expectedResistance(impact: readonly DriveImpact[], drives: readonly DriveScore[]): Resistance {
  const strength = new Map<DriveId, number>();
  for (const { drive, score } of drives) if (Number.isFinite(score) && score > 0) strength.set(drive, (strength.get(drive) ?? 0) + score);
  const total = [...strength.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return { level: 'low', pressure: 0, drivers: [], messages: [] };

  let weighted = 0;
  const parts: { impact: DriveImpact; part: number }[] = [];
  for (const i of impact) {
    const s = strength.get(i.drive) ?? 0;
    if (s * DRIVE_IDS.length < total) continue; // not a strong drive
    const part = s * Math.max(0, -i.score);
    weighted += part;
    if (i.threatened) parts.push({ impact: i, part });
  }
  // Divided once at the end, so whole-number inputs that land on a threshold land on it exactly.
  const pressure = weighted / total;
  parts.sort((a, b) => b.part - a.part || rank(a.impact.drive) - rank(b.impact.drive));
  return {
    level: pressure >= HIGH_AT ? 'high' : pressure >= MEDIUM_AT ? 'medium' : 'low',
    pressure: Math.round(pressure * 100) / 100,
    drivers: parts.map((p) => p.impact.drive),
    messages: parts.flatMap((p) => p.impact.messages.map((text) => ({ drive: p.impact.drive, text }))),
  };
}

export type ResistanceRow = { id: string; label: string; drives: readonly DriveScore[] };

/** Expected resistance per stakeholder or department, in the order of `rows`; each row depends only on itself. */
export function resistanceMatrix(
  impact: readonly DriveImpact[],
  rows: readonly ResistanceRow[],
): ({ id: string; label: string } & Resistance)[] {
  return rows.map((r) => ({ id: r.id, label: r.label, ...expectedResistance(impact, r.drives) }));
}
