import type { DriveId } from '../drives';
import type { DriveScore, ResistanceRow } from './resistance';

/**
 * The one place where a stakeholder's likely drives (a list, strongest first, no scores) become drive scores for the
 * resistance matrix: the first drive counts 2, every later one 1. So two drives give shares of 2/3 and 1/3: the
 * first clearly leads, the second still counts as strong (a share of at least 1/6). With many drives named, only the
 * first stays strong (2 of 7 with six drives), which is what a list without scores can say. A guess about a person,
 * not a measurement: the page says so.
 */
export const FIRST_DRIVE = 2;
export const LATER_DRIVE = 1;

export function scoresFromList(drives: readonly DriveId[]): DriveScore[] {
  return drives.map((drive, i) => ({ drive, score: i === 0 ? FIRST_DRIVE : LATER_DRIVE }));
}

export type PersonDrives = { id: string; name: string; department: string; drives: readonly DriveId[] };

/** One row per person with known drives, in the given order; people without drives say nothing and are left out. */
export function personRows(people: readonly PersonDrives[]): ResistanceRow[] {
  return people.filter((p) => p.drives.length > 0).map((p) => ({ id: p.id, label: p.name, drives: scoresFromList(p.drives) }));
}

/**
 * One row per department (in order of first appearance), from its people with known drives: each person's scores are
 * made into shares first, so every person weighs the same whatever the length of their list. `none` labels people
 * without a department.
 */
export function departmentRows(people: readonly PersonDrives[], none: string): ResistanceRow[] {
  const byDept = new Map<string, Map<DriveId, number>>();
  for (const p of people) {
    if (!p.drives.length) continue;
    const key = p.department.trim();
    const sums = byDept.get(key) ?? new Map<DriveId, number>();
    byDept.set(key, sums);
    const scores = scoresFromList(p.drives);
    const total = scores.reduce((a, s) => a + s.score, 0);
    for (const s of scores) sums.set(s.drive, (sums.get(s.drive) ?? 0) + s.score / total);
  }
  return [...byDept].map(([dept, sums]) => ({
    id: dept,
    label: dept || none,
    drives: [...sums].map(([drive, score]) => ({ drive, score })),
  }));
}
