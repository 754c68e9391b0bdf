import type { Store } from '../db/store';

const DAY_MS = 86_400_000;

/**
 * Deletes what is past its retention period: unfinished assessments after `unfinishedDays`, sessions
 * (with their participants) after `sessionDays` unless the trainer kept them longer. `now` is a parameter
 * so tests can move the clock.
 */
export async function purgeExpired(store: Store, retention: { unfinishedDays: number; sessionDays: number }, now: Date = new Date()) {
  const iso = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const sessions = await store.workshops.purgeExpired(iso(retention.sessionDays), now.toISOString());
  const unfinished = await store.assessments.purgeUnfinished(iso(retention.unfinishedDays));
  await store.rateLimits.prune(now.getTime()); // counters whose window has ended
  if (sessions + unfinished > 0) await store.scrub(); // the deleted data leaves the database's files too
  return { sessions, unfinished };
}
