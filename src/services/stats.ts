import type { Content } from '../content/load';
import { byUser, createAuditService, type AuditService } from './audit';
import type { NormTable, Store, UserRecord } from '../db/store';
import { DRIVE_IDS, type DriveId } from '../domain/drives';
import { SCORING_VERSION, type ScoredProfile } from '../domain/scoring';
import { RCI_MIN_GROUP, questionnaireQuality, testRetest, type Quality } from '../domain/stats/quality';
import { MIN_NORM_GROUP, band, percentileRank } from '../domain/stats/norms';
import { reliableChange } from '../domain/stats/reliability';
import { AppError } from '../errors';
import { MIN_STATS_GROUP, statsSlice } from '../domain/disclosure';

const DAY_MS = 86_400_000;
export const NORMS_TTL_MS = 10_000;
type Norms = { n: number; asOf: string; frozen: boolean; scores: Record<DriveId, number[]> };

/**
 * Measurement quality, norms and change. Results are cached per model version and scope until the
 * version's completed profiles change (a "stamp" from the database), so pages stay cheap.
 */
export function createStatsService(store: Store, content: Content, audit: AuditService = createAuditService(store)) {
  const repo = store.stats;
  const cache = new Map<string, { stamp: string; value: unknown }>();
  async function cached<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const stamp = `${await repo.stamp(version)}|${(await repo.normTables(version)).map((t) => `${t.id}${t.active ? '*' : ''}`).join(',')}`;
    const hit = cache.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = await compute();
    cache.set(key, { stamp, value });
    return value;
  }
  const indexOf = (version: string | undefined) => {
    const index = content.models.get(version ?? content.current.model.version);
    if (!index) throw new AppError('not_found', `No model version "${version}".`);
    return index;
  };

  /** Quality over the completed profiles in scope (owner null: all), every one of them: for internal use only. */
  async function allQuality(v: string, owner: number | null): Promise<Quality> {
    return cached(`quality-all|${v}|${owner ?? 'all'}`, v, async () => questionnaireQuality(indexOf(v), await repo.completed(v, owner)));
  }

  /**
   * What a user is shown. Item statistics of a handful of people give away their answers (and reading
   * them before and after one more completion gives away that person's), so: below MIN_STATS_GROUP only
   * the count; from there on over the first multiple of MIN_STATS_GROUP, in order of completion, so each
   * new version adds at least that many people.
   */
  async function quality(user: UserRecord, version?: string): Promise<ShownQuality> {
    const index = indexOf(version);
    const v = index.model.version;
    const owner = user.role === 'admin' ? null : user.id;
    const scope = owner === null ? ('all' as const) : ('own sessions' as const);
    return cached(`quality|${v}|${owner ?? 'all'}`, v, async () => {
      const rows = [...(await repo.completed(v, owner))].sort((a, b) => a.completedAt.localeCompare(b.completedAt) || a.id - b.id);
      const used = statsSlice(rows.length, MIN_STATS_GROUP);
      const common = { modelVersion: v, completed: rows.length, minGroup: MIN_STATS_GROUP, nextAt: used + MIN_STATS_GROUP, scope };
      if (used === 0) return { ...common, n: 0, withheld: true as const };
      return { ...common, ...questionnaireQuality(index, rows.slice(0, used)), withheld: false as const };
    });
  }

  /**
   * The norm group in use: an active frozen table, else all completed profiles once there are enough.
   * Profile pages ask for it on every view, so it is kept for NORMS_TTL_MS: live norms may lag that long.
   */
  const normsCache = new Map<string, { at: number; value: Norms | null }>();
  async function norms(version: string): Promise<Norms | null> {
    const hit = normsCache.get(version);
    if (hit && Date.now() - hit.at < NORMS_TTL_MS) return hit.value;
    const frozen = (await repo.normTables(version)).find((t) => t.active && t.scoring === SCORING_VERSION);
    let value: Norms | null;
    if (frozen) value = { n: frozen.n, asOf: frozen.createdAt, frozen: true, scores: frozen.scores };
    else {
      const live = await repo.combinedScores(version);
      value = live.n >= MIN_NORM_GROUP ? { n: live.n, asOf: live.last!, frozen: false, scores: live.scores } : null;
    }
    normsCache.set(version, { at: Date.now(), value });
    return value;
  }

  return {
    quality,
    norms,
    /** Forgets the cached norm group of a version (a profile was completed or deleted in this process). */
    forgetNorms: (version: string) => void normsCache.delete(version),
    /** Changes when the norm group of a version changes: part of the cache key of profile pages. */
    async normsStamp(version: string): Promise<string> {
      const group = await norms(version);
      return group ? `${group.frozen ? 'f' : 'l'}${group.n}|${group.asOf}` : '-';
    },
    /** Where a profile's scores stand: percentile and band per drive, or null while there are too few profiles. */
    async profileNorms(profile: ScoredProfile) {
      const group = await norms(profile.modelVersion);
      if (!group) return null;
      return {
        n: group.n,
        asOf: group.asOf,
        frozen: group.frozen,
        modelVersion: profile.modelVersion,
        scores: profile.scores.map((s) => {
          const percentile = percentileRank(group.scores[s.drive], s.combined);
          return { drive: s.drive, percentile, band: band(percentile) };
        }),
      };
    },

    async freeze(version: string | undefined, by: UserRecord): Promise<NormTable> {
      const v = indexOf(version).model.version;
      const live = await repo.combinedScores(v);
      if (live.n < MIN_NORM_GROUP)
        throw new AppError('conflict', `A norm table needs at least ${MIN_NORM_GROUP} completed profiles (now ${live.n}).`);
      const table = await repo.createNormTable(v, live.n, live.scores, new Date().toISOString());
      await audit.recordAfter({ ...byUser(by), action: 'norms.freeze', target: String(table.id), detail: { modelVersion: v, n: live.n } });
      return table;
    },
    tables: (version?: string) => repo.normTables(indexOf(version).model.version),
    async activate(version: string | undefined, id: number | null, by: UserRecord): Promise<void> {
      const v = indexOf(version).model.version;
      if (!(await repo.activateNormTable(v, id)))
        throw new AppError(
          'not_found',
          'No such norm table made with the current scoring (tables frozen before it are kept but not used).',
        );
      normsCache.delete(v);
      await audit.recordAfter({
        ...byUser(by),
        action: 'norms.activate',
        target: id === null ? null : String(id),
        detail: { modelVersion: v, live: id === null },
      });
    },

    /** First and second profile of everyone who took the same version twice (linked to their account). */
    async retest(version?: string) {
      const v = indexOf(version).model.version;
      return cached(`retest|${v}`, v, async () => {
        const byUser = new Map<number, { completedAt: string; profile: ScoredProfile }[]>();
        for (const r of await repo.completed(v, null)) if (r.userId !== null) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
        const pairs = [...byUser.values()]
          .filter((list) => list.length >= 2)
          .map((list) => {
            const [first, second] = [...list].sort((a, b) => a.completedAt.localeCompare(b.completedAt));
            return {
              first: first!.profile,
              second: second!.profile,
              days: Math.round((Date.parse(second!.completedAt) - Date.parse(first!.completedAt)) / DAY_MS),
            };
          });
        return testRetest(pairs);
      });
    },

    /**
     * The change per drive between two profiles, with whether it exceeds measurement error (reliable change
     * index on the likert score, with the scale's alpha and SD in all completed profiles of the version).
     */
    /** How many completed profiles the reliable change index of a version would be based on. */
    async referenceGroup(version: string) {
      return { n: (await allQuality(indexOf(version).model.version, null)).n, min: RCI_MIN_GROUP };
    },
    async changes(a: ScoredProfile, b: ScoredProfile) {
      const q = await allQuality(indexOf(a.modelVersion).model.version, null);
      // Below RCI_MIN_GROUP the group's alpha and SD are too unsure to judge one person's change by.
      const enough = q.n >= RCI_MIN_GROUP;
      return DRIVE_IDS.map((drive) => {
        const x1 = a.scores.find((s) => s.drive === drive)!;
        const x2 = b.scores.find((s) => s.drive === drive)!;
        const alpha = q.scales.find((s) => s.drive === drive)!.alpha;
        const spread = q.likertSd[drive];
        const rc =
          enough && alpha !== null && spread !== null && a.modelVersion === b.modelVersion
            ? reliableChange(x1.likert, x2.likert, spread, alpha)
            : null;
        return {
          drive,
          combined: Math.round((x2.combined - x1.combined) * 10) / 10,
          likert: Math.round((x2.likert - x1.likert) * 10) / 10,
          rci: rc && Number.isFinite(rc.rci) ? Math.round(rc.rci * 100) / 100 : null,
          reliable: rc && Number.isFinite(rc.rci) ? rc.reliable : null,
        };
      });
    },
  };
}

type Shown = { modelVersion: string; n: number; completed: number; minGroup: number; nextAt: number; scope: 'all' | 'own sessions' };
/** The quality statistics as shown: withheld (the counts only) below the minimum group. */
export type ShownQuality = (Shown & { withheld: true }) | (Shown & Quality & { withheld: false });
export type StatsService = ReturnType<typeof createStatsService>;
