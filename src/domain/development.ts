import type { DriveId } from './drives';

export type ActionKind = 'adapt' | 'train';

/**
 * Which kind of action a concern of each drive more often asks for, after the drive model's "what helps": Order
 * wants clear procedures and roles, Belonging and Harmony want the group involved and people supported at their pace
 * (training and support); Power wants a quick visible win and real choice, Achievement time saved, Insight logic
 * without needless steps (adapting the software). A starting point for the consultant, never a rule: the texts say so.
 */
export const SUGGESTED_KIND: Readonly<Record<DriveId, ActionKind>> = {
  purple: 'train',
  red: 'adapt',
  blue: 'train',
  orange: 'adapt',
  green: 'train',
  yellow: 'adapt',
};

/** The kind to offer first for a concern: the drive's usual one, or training when no drive is known (people first). */
export const suggestedKind = (drive: DriveId | null | undefined): ActionKind => (drive ? SUGGESTED_KIND[drive] : 'train');

/** A concern's words as an action's title: the remark itself, cut at a word before `max` characters. */
export function titleFromRemark(remark: string, max = 120): string {
  const flat = remark.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
