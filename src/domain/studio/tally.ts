import { removeStopwords, eng, nld } from 'stopword';
import type { DriveId } from '../drives';

/** How many chose each key; every key is present, also with 0, so a chart shows every option. */
export function tally(values: readonly string[], keys: readonly string[]): Record<string, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
  for (const v of values) if (v in counts) counts[v]!++;
  return counts;
}

// Both languages' stop words, whatever the session's language: groups mix Dutch and English. A few words that
// every answer about clients holds say nothing either.
const STOP = new Set([...nld, ...eng, 'gewoon', 'echt', 'heel', 'even', 'wel', 'we', 'ze', 'je', 'jij', 'u', 'nee', 'ja', 'ok', 'oke']);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** The words of the group's answers for a word cloud: lower case, stop words out, each word once per answer. */
export function wordCounts(texts: readonly string[], limit = 40): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 1 && !/^\d+$/.test(w));
    for (const w of new Set(removeStopwords(words, [...STOP]))) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, limit);
}

/** Points for one recognise answer: 2 for the intended drive, 1 for an acceptable second drive. */
export function pointsFor(answer: string, intended: DriveId | null, also: readonly DriveId[]): number {
  if (!intended) return 0;
  if (answer === intended) return 2;
  return also.includes(answer as DriveId) ? 1 : 0;
}

export type ScoredAnswer = { participantId: number; alias: string; answer: string; intended: DriveId | null; also: readonly DriveId[] };

/** The leaderboard over revealed rounds: most points first, ties by alias; everyone who answered is on it. */
export function leaderboard(rows: readonly ScoredAnswer[], limit = 10): { alias: string; points: number }[] {
  const by = new Map<number, { alias: string; points: number }>();
  for (const r of rows) {
    const entry = by.get(r.participantId) ?? { alias: r.alias, points: 0 };
    entry.points += pointsFor(r.answer, r.intended, r.also);
    by.set(r.participantId, entry);
  }
  return [...by.values()].sort((a, b) => b.points - a.points || a.alias.localeCompare(b.alias)).slice(0, limit);
}
