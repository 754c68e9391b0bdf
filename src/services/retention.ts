import type { Store } from '../db/store';
import { createAuditService, type AuditService } from './audit';

const DAY_MS = 86_400_000;

export type RetentionPolicy = { unfinishedDays: number; workshopDays: number; surveyDays?: number; auditDays?: number };

/**
 * Deletes what is past its retention period: unfinished assessments after `unfinishedDays`, workshops
 * (with their participants) after `workshopDays` unless the trainer kept them longer, closed pulse surveys (with
 * their responses) `surveyDays` after closing, and audit records after `auditDays` (when given). Each run is an
 * audit event itself, with the counts only. `now` is a parameter so tests can move the clock; `actor` says who
 * started it (the server's timer or the command line).
 */
export async function purgeExpired(
  store: Store,
  retention: RetentionPolicy,
  now: Date = new Date(),
  { actor = 'system', audit = createAuditService(store, { now: () => now }) }: { actor?: 'system' | 'cli'; audit?: AuditService } = {},
) {
  const iso = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const workshops = await store.workshops.purgeExpired(iso(retention.workshopDays), now.toISOString());
  const unfinished = await store.assessments.purgeUnfinished(iso(retention.unfinishedDays));
  const surveys = retention.surveyDays === undefined ? 0 : await store.surveys.purgeClosed(iso(retention.surveyDays));
  const auditRows = retention.auditDays === undefined ? undefined : await store.audit.purge(iso(retention.auditDays));
  await store.rateLimits.prune(now.getTime()); // counters whose window has ended
  if (workshops + unfinished + surveys > 0) await store.scrub(); // the deleted data leaves the database's files too
  const counts = { workshops, unfinished, surveys, ...(auditRows === undefined ? {} : { audit: auditRows }) };
  await audit.recordAfter({ actor, action: 'retention.purge', detail: counts });
  return counts;
}

/** How often ended rate-limit counters are deleted: the privacy page promises within the hour. */
export const RATE_LIMIT_PRUNE_EVERY_MS = 3_600_000;

/**
 * Deletes ended rate-limit counters every hour, for a running server (server.ts starts it; the daily purge
 * alone would keep them up to a day). Returns the function that stops it. `now` and `everyMs` for tests.
 */
export function startRateLimitPruning(
  store: Store,
  options: { everyMs?: number; now?: () => number; onPruned?: (count: number) => void; onError?: (err: unknown) => void } = {},
): () => void {
  const now = options.now ?? Date.now;
  const timer = setInterval(() => {
    store.rateLimits.prune(now()).then(options.onPruned, options.onError ?? (() => undefined));
  }, options.everyMs ?? RATE_LIMIT_PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
