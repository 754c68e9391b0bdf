import type { Pool, PoolClient } from 'pg';
import type { Answers } from '../domain/answers';
import { changed, inTransaction, row, rows } from './pg';
import { ASSESSMENT_COLUMNS as COLS, toAssessment as toRecord, type AssessmentRow as Row } from './rows';
import type { AssessmentRepo, StoredAnswers } from './store';

// Named statements are parsed once per connection. Saving an answer is three round trips without an
// explicit transaction: read the status (for the model-version check in JS), one statement that locks
// the row and upserts both kinds of answer (atomic on its own), and the count of answers afterwards.
const Q = {
  status: { name: 'dv_status', text: 'SELECT id, model_version, completed_at, workshop_id FROM assessments WHERE token_hash = $1' },
  save: {
    name: 'dv_save',
    // `target` is empty when the assessment was completed (or deleted) after the status read: nothing is written.
    text: `WITH target AS (SELECT id FROM assessments WHERE id = $1 AND completed_at IS NULL FOR UPDATE),
      l AS (
        INSERT INTO likert_answers (assessment_id, item_id, value, duration_ms, answered_at)
        SELECT t.id, i, v, d, $2 FROM target t, unnest($3::text[], $4::int[], $5::int[]) AS x(i, v, d)
        ON CONFLICT (assessment_id, item_id) DO UPDATE SET value = excluded.value,
          duration_ms = coalesce(excluded.duration_ms, likert_answers.duration_ms), answered_at = excluded.answered_at
        RETURNING 1),
      c AS (
        INSERT INTO choice_answers (assessment_id, item_id, most, least, duration_ms, answered_at)
        SELECT t.id, i, m, le, d, $2 FROM target t, unnest($6::text[], $7::text[], $8::text[], $9::int[]) AS y(i, m, le, d)
        ON CONFLICT (assessment_id, item_id) DO UPDATE SET most = excluded.most, least = excluded.least,
          duration_ms = coalesce(excluded.duration_ms, choice_answers.duration_ms), answered_at = excluded.answered_at
        RETURNING 1)
      SELECT (SELECT count(*) FROM target) AS open`,
  },
  answered: {
    name: 'dv_answered',
    text: 'SELECT (SELECT count(*) FROM likert_answers WHERE assessment_id = $1) + (SELECT count(*) FROM choice_answers WHERE assessment_id = $1) AS n',
  },
};

// The assessment with all its answers in one statement (one snapshot, one round trip), in item order.
const WITH_ANSWERS = `SELECT ${COLS},
    (SELECT coalesce(json_agg(json_build_array(l.item_id, l.value, l.duration_ms) ORDER BY l.item_id COLLATE "C"), '[]')
       FROM likert_answers l WHERE l.assessment_id = a.id) AS likert,
    (SELECT coalesce(json_agg(json_build_array(c.item_id, c.most, c.least, c.duration_ms) ORDER BY c.item_id COLLATE "C"), '[]')
       FROM choice_answers c WHERE c.assessment_id = a.id) AS choice
  FROM assessments a WHERE a.token_hash = $1`;
type WithAnswers = Row & { likert: [string, number, number | null][]; choice: [string, string, string, number | null][] };

function storedOf(r: WithAnswers): StoredAnswers {
  const answers: Answers = { likert: {}, choice: {} };
  const durationsMs: number[] = [];
  for (const [item, value, ms] of r.likert) {
    answers.likert[item] = value;
    if (ms !== null) durationsMs.push(ms);
  }
  for (const [item, most, least, ms] of r.choice) {
    answers.choice[item] = { most, least };
    if (ms !== null) durationsMs.push(ms);
  }
  return { answers, durationsMs };
}

/** Assessment storage over PostgreSQL; the same operations and results as sqlite-assessments.ts. */
export function createPgAssessmentRepo(pool: Pool): AssessmentRepo {
  const find = (db: Pool | PoolClient, hash: string) => row<Row>(db, `SELECT ${COLS} FROM assessments WHERE token_hash = $1`, [hash]);

  return {
    async create(input) {
      const r = await row<Row>(
        pool,
        `INSERT INTO assessments (token_hash, lang, name, model_version, consent_at, consent_version, created_at, workshop_id, user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8) RETURNING ${COLS}`,
        [input.tokenHash, input.lang, input.name, input.modelVersion, input.now, input.consentVersion, input.workshopId ?? null, input.userId ?? null],
      );
      return toRecord(r!);
    },
    async findByTokenHash(hash) {
      const r = await find(pool, hash);
      return r ? toRecord(r) : null;
    },
    async statusOf(hash) {
      const r = await row<{ model_version: string; completed_at: string | null }>(pool, 'SELECT model_version, completed_at FROM assessments WHERE token_hash = $1', [hash]);
      if (!r) return { status: 'missing' as const, modelVersion: null };
      return { status: r.completed_at ? ('completed' as const) : ('in_progress' as const), modelVersion: r.model_version };
    },
    async findWithAnswers(hash) {
      const r = await row<WithAnswers>(pool, WITH_ANSWERS, [hash]);
      return r ? { record: toRecord(r), stored: storedOf(r) } : null;
    },
    async saveAnswers(hash, patch, now, check) {
      type Status = { id: number; model_version: string; completed_at: string | null; workshop_id: number | null };
      const r = (await pool.query<Status>({ ...Q.status, values: [hash] })).rows[0];
      if (!r) return { status: 'not_found' as const };
      if (r.completed_at) return { status: 'completed' as const };
      const errors = check(r.model_version);
      if (errors.length) return { status: 'invalid' as const, errors };
      const ms = (id: string) => patch.durations?.[id] ?? null;
      const likert = Object.entries(patch.likert ?? {});
      const choice = Object.entries(patch.choice ?? {});
      const values = [
        r.id,
        now,
        likert.map(([id]) => id),
        likert.map(([, v]) => v),
        likert.map(([id]) => ms(id)),
        choice.map(([id]) => id),
        choice.map(([, x]) => x.most),
        choice.map(([, x]) => x.least),
        choice.map(([id]) => ms(id)),
      ];
      const { open } = (await pool.query<{ open: number }>({ ...Q.save, values })).rows[0]!;
      if (open === 0) return (await row(pool, 'SELECT 1 FROM assessments WHERE id = $1', [r.id])) ? { status: 'completed' as const } : { status: 'not_found' as const };
      const answered = (await pool.query<{ n: number }>({ ...Q.answered, values: [r.id] })).rows[0]!.n;
      return { status: 'saved' as const, answered, workshopId: r.workshop_id };
    },
    async complete(hash, now, score) {
      return inTransaction(pool, async (c) => {
        // Lock first, then read: the answers must come from a snapshot taken after the lock is ours, so a
        // save that held the lock and committed meanwhile is part of what gets scored (see Q.save).
        if (!(await row(c, 'SELECT 1 FROM assessments WHERE token_hash = $1 FOR UPDATE', [hash]))) return { status: 'not_found' as const };
        const r = await row<WithAnswers>(c, WITH_ANSWERS, [hash]);
        if (!r) return { status: 'not_found' as const };
        if (r.completed_at) return { status: 'already_completed' as const };
        const result = score(storedOf(r), r.model_version);
        if ('missing' in result) return { status: 'incomplete' as const, missing: result.missing };
        const json = JSON.stringify(result);
        await c.query('UPDATE assessments SET completed_at = $1, profile_json = $2 WHERE id = $3', [now, json, r.id]);
        return { status: 'completed' as const, record: toRecord({ ...r, completed_at: now, profile_json: json }) };
      });
    },
    async delete(hash) {
      return (await changed(pool, 'DELETE FROM assessments WHERE token_hash = $1', [hash])) > 0;
    },
    async linkToUser(hash, userId) {
      return inTransaction(pool, async (c) => {
        if ((await changed(c, 'UPDATE assessments SET user_id = $1 WHERE token_hash = $2 AND (user_id IS NULL OR user_id = $1)', [userId, hash])) > 0) return 'linked' as const;
        return (await row(c, 'SELECT 1 FROM assessments WHERE token_hash = $1', [hash])) ? ('taken' as const) : ('not_found' as const);
      });
    },
    async exportData(hash) {
      return inTransaction(pool, async (c) => {
        await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY'); // one snapshot for all reads
        const r = await find(c, hash);
        if (!r) return null;
        type L = { item_id: string; value: number; duration_ms: number | null; answered_at: string };
        type C = { item_id: string; most: string; least: string; duration_ms: number | null; answered_at: string };
        // COLLATE "C": the same byte order as SQLite's ORDER BY.
        const likert = await rows<L>(c, 'SELECT item_id, value, duration_ms, answered_at FROM likert_answers WHERE assessment_id = $1 ORDER BY item_id COLLATE "C"', [r.id]);
        const choice = await rows<C>(c, 'SELECT item_id, most, least, duration_ms, answered_at FROM choice_answers WHERE assessment_id = $1 ORDER BY item_id COLLATE "C"', [r.id]);
        const answers = [
          ...likert.map((x) => ({ itemId: x.item_id, kind: 'likert' as const, value: x.value, durationMs: x.duration_ms, answeredAt: x.answered_at })),
          ...choice.map((x) => ({ itemId: x.item_id, kind: 'choice' as const, most: x.most, least: x.least, durationMs: x.duration_ms, answeredAt: x.answered_at })),
        ];
        const title = r.workshop_id === null ? null : ((await row<{ title: string }>(c, 'SELECT title FROM workshops WHERE id = $1', [r.workshop_id]))?.title ?? null);
        return { record: toRecord(r), answers, workshopTitle: title };
      });
    },
    async purgeUnfinished(before) {
      return changed(pool, 'DELETE FROM assessments WHERE completed_at IS NULL AND created_at < $1', [before]);
    },
    async listByUser(userId) {
      return (
        await rows<Row>(pool, `SELECT ${COLS} FROM assessments WHERE user_id = $1 ORDER BY coalesce(completed_at, created_at) DESC, id DESC`, [userId])
      ).map(toRecord);
    },
  };
}
