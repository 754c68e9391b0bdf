import type { Answers } from '../domain/answers';
import { DRIVE_IDS, type DriveId } from '../domain/drives';
import { readResponses } from './responses';
import { readProfile } from '../domain/stored-profile';
import { SCORING_VERSION } from '../domain/scoring';
import { toNorm, type NormRow } from './rows';
import type { Sql } from './sql';
import type { CompletedRow, StatsRepo } from './store';

const COMPLETED = 'a.model_version = $1 AND a.completed_at IS NOT NULL';

/** Statistics reads and norm tables, on either backend. */
export function createStatsRepo(sql: Sql): StatsRepo {
  return {
    responses: (version) => readResponses(sql, version),
    async completed(version, ownerId) {
      // One snapshot: the profiles and the answers belong together.
      return sql.transaction(
        async (tx) => {
          type R = { id: number; user_id: number | null; completed_at: string; profile_json: string };
          const list =
            ownerId === null
              ? await tx.all<R>(
                  `SELECT a.id, a.user_id, a.completed_at, a.profile_json FROM assessments a WHERE ${COMPLETED} ORDER BY a.id`,
                  [version],
                )
              : await tx.all<R>(
                  `SELECT a.id, a.user_id, a.completed_at, a.profile_json FROM assessments a JOIN workshops w ON w.id = a.workshop_id
                   WHERE ${COMPLETED} AND w.owner_id = $2 ORDER BY a.id`,
                  [version, ownerId],
                );
          const answers = (): Answers => ({ likert: {}, choice: {} });
          const byId = new Map<number, CompletedRow>(
            list.map((r) => [
              r.id,
              {
                id: r.id,
                userId: r.user_id,
                completedAt: r.completed_at,
                answers: answers(),
                profile: readProfile(r.profile_json),
              },
            ]),
          );
          type L = { assessment_id: number; item_id: string; value: number };
          for (const a of await tx.all<L>(
            `SELECT l.assessment_id, l.item_id, l.value FROM likert_answers l JOIN assessments a ON a.id = l.assessment_id WHERE ${COMPLETED}`,
            [version],
          )) {
            const row = byId.get(a.assessment_id);
            if (row) row.answers.likert[a.item_id] = a.value;
          }
          type C = { assessment_id: number; item_id: string; most: string; least: string };
          for (const a of await tx.all<C>(
            `SELECT c.assessment_id, c.item_id, c.most, c.least FROM choice_answers c JOIN assessments a ON a.id = c.assessment_id WHERE ${COMPLETED}`,
            [version],
          )) {
            const row = byId.get(a.assessment_id);
            if (row) row.answers.choice[a.item_id] = { most: a.most, least: a.least };
          }
          return [...byId.values()];
        },
        { snapshot: true },
      );
    },
    async stamp(version) {
      const r = await sql.first<{ n: number; last: string | null; ids: number | null }>(
        `SELECT count(*) AS n, max(a.completed_at) AS last, sum(a.id) AS ids FROM assessments a WHERE ${COMPLETED}`,
        [version],
      );
      return `${r!.n}:${r!.last ?? ''}:${r!.ids ?? 0}`;
    },
    async combinedScores(version) {
      const scores = Object.fromEntries(DRIVE_IDS.map((d) => [d, [] as number[]])) as Record<DriveId, number[]>;
      const all = await sql.all<{ profile_json: string; completed_at: string }>(
        `SELECT a.profile_json, a.completed_at FROM assessments a WHERE ${COMPLETED}`,
        [version],
      );
      let last: string | null = null;
      for (const r of all) {
        for (const s of readProfile(r.profile_json).scores) scores[s.drive].push(s.combined);
        if (last === null || r.completed_at > last) last = r.completed_at;
      }
      for (const d of DRIVE_IDS) scores[d].sort((a, b) => a - b);
      return { n: all.length, last, scores };
    },
    async createNormTable(version, n, scores, now) {
      const row = await sql.first<NormRow>(
        'INSERT INTO norm_tables (model_version, created_at, n, scores_json, scoring) VALUES ($1, $2, $3, $4, $5) RETURNING *',
        [version, now, n, JSON.stringify(scores), SCORING_VERSION],
      );
      return toNorm(row!);
    },
    async normTables(version) {
      return (await sql.all<NormRow>('SELECT * FROM norm_tables WHERE model_version = $1 ORDER BY id DESC', [version])).map(toNorm);
    },
    async activateNormTable(version, id) {
      return sql.transaction(async (tx) => {
        await tx.run('UPDATE norm_tables SET active = FALSE WHERE model_version = $1', [version]);
        return id === null
          ? true
          : (await tx.run('UPDATE norm_tables SET active = TRUE WHERE id = $1 AND model_version = $2 AND scoring = $3', [
              id,
              version,
              SCORING_VERSION,
            ])) > 0;
      });
    },
  };
}
