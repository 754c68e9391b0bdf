import { DRIVE_IDS, type DriveId } from './drives';

export type StakeholderLike = { name: string; influence: number; support: number; drives: DriveId[] };

/** Who to talk to first: high influence and low support first (influence × (3 − support)), then influence, then name. */
export function priorityOf(s: Pick<StakeholderLike, 'influence' | 'support'>): number {
  return s.influence * (3 - s.support);
}

export function byPriority<T extends StakeholderLike>(list: T[]): T[] {
  return [...list].sort((a, b) => priorityOf(b) - priorityOf(a) || b.influence - a.influence || a.name.localeCompare(b.name));
}

/** How often each drive is a stakeholder's likely primary drive, and how often it is named at all. */
export function driveMix(list: StakeholderLike[]): { drive: DriveId; primary: number; named: number }[] {
  return DRIVE_IDS.map((drive) => ({
    drive,
    primary: list.filter((s) => s.drives[0] === drive).length,
    named: list.filter((s) => s.drives.includes(drive)).length,
  }));
}
