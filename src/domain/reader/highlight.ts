import type { DriveId } from '../drives';

export type Segment = { text: string; drive: DriveId | null };

/**
 * Cuts the text into plain and highlighted pieces, from the text evidence of a reading. Where matches
 * of several drives overlap, the drive that ranks higher keeps the words.
 */
export function highlight(text: string, ranked: { drive: DriveId; evidence: { start?: number; end?: number }[] }[]): Segment[] {
  const owner = new Array<DriveId | null>(text.length).fill(null);
  for (const r of [...ranked].reverse()) {
    for (const e of r.evidence) {
      if (e.start === undefined || e.end === undefined) continue;
      for (let i = e.start; i < e.end; i++) owner[i] = r.drive;
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length;) {
    let j = i;
    while (j < text.length && owner[j] === owner[i]) j++;
    segments.push({ text: text.slice(i, j), drive: owner[i]! });
    i = j;
  }
  return segments;
}
