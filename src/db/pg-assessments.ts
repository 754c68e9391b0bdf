import type { Pool, PoolClient } from 'pg';
import type { Answers } from '../domain/answers';
import { changed, inTransaction, row, rows } from './pg';
import { ASSESSMENT_COLUMNS as COLS, toAssessment as toRecord, type AssessmentRow as Row } from './rows';
import type { AssessmentRepo, StoredAnswers } from './store';

// Named statements are parsed once per connection; these run on every saved answer.
const Q = {
  lockForSave: { name: 'dv_lock_for_save', text: 'SELECT id, model_version, completed_at, workshop_id FROM assessments WHERE token_hash = $1 FOR UPDATE' },
  upsertLikert: {
    name: 'dv_upsert_likert',
    text: `INSERT INTO likert_answers (assessment_id, item_id, value, duration_ms, answered_at)
      SELECT $1, i, v, d, $5 FROM unnest($2::text[], $3::int[], $4::int[]) AS t(i, v, d)
      ON CONFLICT (assessment_id, item_id) DO UPDATE SET value = excluded.value,
        duration_ms = coalesce(excluded.duration_ms, likert_answers.duration_ms), answered_at = excluded.answered_at`,
  },
  upsertChoice: {
    name: 'dv_upsert_choice',
    text: `INSERT INTO choice_answers (assessment_id, item_id, most, least, duration_ms, answered_at)
      SELECT $1, i, m, l, d, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS t(i, m, l, d)
      ON CONFLICT (assessment_id, item_id) DO UPDATE SET most = excluded.most, least = excluded.least,
        duration_ms = coalesce(excluded.duration_ms, choice_answers.duration_ms), answered_at = excluded.answered_at`,
  },
  answered: {
    name: 'dv_answered',
    text: 'SELECT (SELECT count(*) FROM likert_answers WHERE assessment_id = $1) + (SELECT count(*) FROM choice_answers WHERE assessment_id = $1) AS n',
  },
};

/** Assessment storage over PostgreSQL; the same operations and results as sqlite-assessments.ts. */
export function createPgAssessmentRepo(pool: Pool): AssessmentRepo {
  const find = (db: Pool | PoolClient, hash: string, lock = false) =>
    row<Row>(db, `SELECT ${COLS} FROM assessments WHERE token_hash = $1${lock ? ' FOR UPDATE' : ''}`, [hash]);

  async function readAnswers(db: PoolClient, id: number): Promise<StoredAnswers> {
    const answers: Answers = { likert: {}, choice: {} };
    const durationsMs: number[] = [];
    for (const r of await rows<{ item_id: string; value: number; duration_ms: number | null }>(db, 'SELECT item_id, value, duration_ms FROM likert_answers WHERE assessment_id = $1', [id])) {
      answers.likert[r.item_id] = r.value;
      if (r.duration_ms !== null) durationsMs.push(r.duration_ms);
    }
    for (const r of await rows<{ item_id: string; most: string; least: string; duration_ms: number | null }>(
      db,
      'SELECT item_id, most, least, duration_ms FROM choice_answers WHERE assessment_id = $1',
      [id],
    )) {
      answers.choice[r.item_id] = { most: r.most, least: r.least };
      if (r.duration_ms !== null) durationsMs.push(r.duration_ms);
    }
    return { answers, durationsMs };
  }

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
      return inTransaction(pool, async (c) => {
        const r = await find(c, hash);
        return r ? { record: toRecord(r), stored: await readAnswers(c, r.id) } : null;
      });
    },
    async saveAnswers(hash, patch, now, check) {
      return inTransaction(pool, async (c) => {
        // The row lock orders this save against a concurrent completion of the same assessment.
        const r = (await c.query<{ id: number; model_version: string; completed_at: string | null; workshop_id: number | null }>({ ...Q.lockForSave, values: [hash] })).rows[0];
        if (!r) return { status: 'not_found' as const };
        if (r.completed_at) return { status: 'completed' as const };
        const errors = check(r.model_version);
        if (errors.length) return { status: 'invalid' as const, errors };
        const ms = (id: string) => patch.durations?.[id] ?? null;
        const likert = Object.entries(patch.likert ?? {});
        if (likert.length) await c.query({ ...Q.upsertLikert, values: [r.id, likert.map(([id]) => id), likert.map(([, v]) => v), likert.map(([id]) => ms(id)), now] });
        const choice = Object.entries(patch.choice ?? {});
        if (choice.length) {
          await c.query({ ...Q.upsertChoice, values: [r.id, choice.map(([id]) => id), choice.map(([, x]) => x.most), choice.map(([, x]) => x.least), choice.map(([id]) => ms(id)), now] });
        }
        const answered = (await c.query<{ n: number }>({ ...Q.answered, values: [r.id] })).rows[0]!.n;
        return { status: 'saved' as const, answered, workshopId: r.workshop_id };
      });
    },
    async complete(hash, now, score) {
      return inTransaction(pool, async (c) => {
        const r = await find(c, hash, true);
        if (!r) return { status: 'not_found' as const };
        if (r.completed_at) return { status: 'already_completed' as const };
        const result = score(await readAnswers(c, r.id), r.model_version);
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
