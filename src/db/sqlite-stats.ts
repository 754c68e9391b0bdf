import { DRIVE_IDS, type DriveId } from '../domain/drives';
import type { Answers } from '../domain/answers';
import type { ScoredProfile } from '../domain/scoring';
import { written, type SqliteDb } from './sqlite';
import { toNorm, type NormRow } from './rows';
import type { CompletedRow, StatsRepo } from './store';

export function createSqliteStatsRepo(db: SqliteDb): StatsRepo {
  const completedAll = db.prepare(
    `SELECT id, user_id, completed_at, profile_json FROM assessments WHERE model_version = ? AND completed_at IS NOT NULL ORDER BY id`,
  );
  const completedOfOwner = db.prepare(
    `SELECT a.id, a.user_id, a.completed_at, a.profile_json FROM assessments a JOIN workshops w ON w.id = a.workshop_id
     WHERE a.model_version = ? AND a.completed_at IS NOT NULL AND w.owner_id = ? ORDER BY a.id`,
  );
  const likert = db.prepare(
    `SELECT l.assessment_id, l.item_id, l.value FROM likert_answers l JOIN assessments a ON a.id = l.assessment_id
     WHERE a.model_version = ? AND a.completed_at IS NOT NULL`,
  );
  const choice = db.prepare(
    `SELECT c.assessment_id, c.item_id, c.most, c.least FROM choice_answers c JOIN assessments a ON a.id = c.assessment_id
     WHERE a.model_version = ? AND a.completed_at IS NOT NULL`,
  );
  const stamp = db.prepare(
    `SELECT count(*) || ':' || coalesce(max(completed_at), '') || ':' || coalesce(sum(id), 0) FROM assessments WHERE model_version = ? AND completed_at IS NOT NULL`,
  ).pluck();
  const profiles = db.prepare('SELECT profile_json FROM assessments WHERE model_version = ? AND completed_at IS NOT NULL').pluck();
  const lastCompleted = db.prepare('SELECT max(completed_at) FROM assessments WHERE model_version = ? AND completed_at IS NOT NULL').pluck();
  const insertNorm = db.prepare('INSERT INTO norm_tables (model_version, created_at, n, scores_json) VALUES (?, ?, ?, ?) RETURNING *');
  const normsOf = db.prepare('SELECT * FROM norm_tables WHERE model_version = ? ORDER BY id DESC');
  const clearActive = db.prepare('UPDATE norm_tables SET active = 0 WHERE model_version = ?');
  const setActive = db.prepare('UPDATE norm_tables SET active = 1 WHERE id = ? AND model_version = ?');

  return {
    async completed(version, ownerId) {
      return db.transaction(() => {
        type R = { id: number; user_id: number | null; completed_at: string; profile_json: string };
        const rows = (ownerId === null ? completedAll.all(version) : completedOfOwner.all(version, ownerId)) as R[];
        const byId = new Map<number, CompletedRow>(
          rows.map((r) => [r.id, { id: r.id, userId: r.user_id, completedAt: r.completed_at, answers: { likert: {}, choice: {} } as Answers, profile: JSON.parse(r.profile_json) as ScoredProfile }]),
        );
        for (const a of likert.iterate(version) as Iterable<{ assessment_id: number; item_id: string; value: number }>) {
          const row = byId.get(a.assessment_id);
          if (row) row.answers.likert[a.item_id] = a.value;
        }
        for (const a of choice.iterate(version) as Iterable<{ assessment_id: number; item_id: string; most: string; least: string }>) {
          const row = byId.get(a.assessment_id);
          if (row) row.answers.choice[a.item_id] = { most: a.most, least: a.least };
        }
        return [...byId.values()];
      })();
    },
    async stamp(version) {
      return stamp.get(version) as string;
    },
    async combinedScores(version) {
      const scores = Object.fromEntries(DRIVE_IDS.map((d) => [d, [] as number[]])) as Record<DriveId, number[]>;
      const all = profiles.all(version) as string[];
      for (const json of all) for (const s of (JSON.parse(json) as ScoredProfile).scores) scores[s.drive].push(s.combined);
      for (const d of DRIVE_IDS) scores[d].sort((a, b) => a - b);
      return { n: all.length, last: (lastCompleted.get(version) as string | null) ?? null, scores };
    },
    async createNormTable(version, n, scores, now) {
      return toNorm(written<NormRow>(insertNorm, version, now, n, JSON.stringify(scores))!);
    },
    async normTables(version) {
      return (normsOf.all(version) as NormRow[]).map(toNorm);
    },
    async activateNormTable(version, id) {
      return db.transaction(() => {
        clearActive.run(version);
        return id === null ? true : setActive.run(id, version).changes > 0;
      })();
    },
  };
}
