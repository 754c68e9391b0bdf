import type { Pool } from 'pg';
import { DRIVE_IDS, type DriveId } from '../domain/drives';
import type { Answers } from '../domain/answers';
import type { ScoredProfile } from '../domain/scoring';
import { changed, inTransaction, row, rows } from './pg';
import { toNorm, type NormRow } from './rows';
import type { CompletedRow, StatsRepo } from './store';

/** Statistics reads and norm tables over PostgreSQL; the same results as sqlite-stats.ts. */
export function createPgStatsRepo(pool: Pool): StatsRepo {
  return {
    async completed(version, ownerId) {
      // REPEATABLE READ: the profiles and the answers come from one snapshot.
      return inTransaction(pool, async (c) => {
        await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        type R = { id: number; user_id: number | null; completed_at: string; profile_json: string };
        const list =
          ownerId === null
            ? await rows<R>(c, 'SELECT id, user_id, completed_at, profile_json FROM assessments WHERE model_version = $1 AND completed_at IS NOT NULL ORDER BY id', [version])
            : await rows<R>(
                c,
                `SELECT a.id, a.user_id, a.completed_at, a.profile_json FROM assessments a JOIN workshops w ON w.id = a.workshop_id
                 WHERE a.model_version = $1 AND a.completed_at IS NOT NULL AND w.owner_id = $2 ORDER BY a.id`,
                [version, ownerId],
              );
        const byId = new Map<number, CompletedRow>(
          list.map((r) => [r.id, { id: r.id, userId: r.user_id, completedAt: r.completed_at, answers: { likert: {}, choice: {} } as Answers, profile: JSON.parse(r.profile_json) as ScoredProfile }]),
        );
        const likert = await rows<{ assessment_id: number; item_id: string; value: number }>(
          c,
          `SELECT l.assessment_id, l.item_id, l.value FROM likert_answers l JOIN assessments a ON a.id = l.assessment_id
           WHERE a.model_version = $1 AND a.completed_at IS NOT NULL`,
          [version],
        );
        for (const a of likert) {
          const r = byId.get(a.assessment_id);
          if (r) r.answers.likert[a.item_id] = a.value;
        }
        const choice = await rows<{ assessment_id: number; item_id: string; most: string; least: string }>(
          c,
          `SELECT c.assessment_id, c.item_id, c.most, c.least FROM choice_answers c JOIN assessments a ON a.id = c.assessment_id
           WHERE a.model_version = $1 AND a.completed_at IS NOT NULL`,
          [version],
        );
        for (const a of choice) {
          const r = byId.get(a.assessment_id);
          if (r) r.answers.choice[a.item_id] = { most: a.most, least: a.least };
        }
        return [...byId.values()];
      });
    },
    async stamp(version) {
      const r = await row<{ s: string }>(
        pool,
        `SELECT count(*)::text || ':' || coalesce(max(completed_at), '') || ':' || coalesce(sum(id), 0)::text AS s
         FROM assessments WHERE model_version = $1 AND completed_at IS NOT NULL`,
        [version],
      );
      return r!.s;
    },
    async combinedScores(version) {
      const scores = Object.fromEntries(DRIVE_IDS.map((d) => [d, [] as number[]])) as Record<DriveId, number[]>;
      const all = await rows<{ profile_json: string; completed_at: string }>(
        pool,
        'SELECT profile_json, completed_at FROM assessments WHERE model_version = $1 AND completed_at IS NOT NULL',
        [version],
      );
      let last: string | null = null;
      for (const r of all) {
        for (const s of (JSON.parse(r.profile_json) as ScoredProfile).scores) scores[s.drive].push(s.combined);
        if (last === null || r.completed_at > last) last = r.completed_at;
      }
      for (const d of DRIVE_IDS) scores[d].sort((a, b) => a - b);
      return { n: all.length, last, scores };
    },
    async createNormTable(version, n, scores, now) {
      const r = await row<NormRow>(pool, 'INSERT INTO norm_tables (model_version, created_at, n, scores_json) VALUES ($1, $2, $3, $4) RETURNING *', [version, now, n, JSON.stringify(scores)]);
      return toNorm(r!);
    },
    async normTables(version) {
      return (await rows<NormRow>(pool, 'SELECT * FROM norm_tables WHERE model_version = $1 ORDER BY id DESC', [version])).map(toNorm);
    },
    async activateNormTable(version, id) {
      return inTransaction(pool, async (c) => {
        await c.query('UPDATE norm_tables SET active = 0 WHERE model_version = $1', [version]);
        return id === null ? true : (await changed(c, 'UPDATE norm_tables SET active = 1 WHERE id = $1 AND model_version = $2', [id, version])) > 0;
      });
    },
  };
}
