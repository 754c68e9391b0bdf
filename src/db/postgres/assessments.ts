import type { Pool, PoolClient } from 'pg';
import type { Answers } from '../../domain/answers';
import { ASSESSMENT_SQL, type AssessmentHotPaths, type StatusRow } from '../assessments';
import { ASSESSMENT_COLUMNS as COLS, toAssessment as toRecord, type AssessmentRow as Row } from '../rows';
import type { StoredAnswers } from '../store';
import { inTransaction } from './pool';

// Named statements are parsed once per connection. Saving an answer is three round trips without an
// explicit transaction: read the status (for the model-version check in JS), one statement that locks
// the row and upserts both kinds of answer (atomic on its own), and the count of answers afterwards.
const Q = {
  status: { name: 'dv_status', text: ASSESSMENT_SQL.status },
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
  answered: { name: 'dv_answered', text: ASSESSMENT_SQL.answered },
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

/**
 * PostgreSQL's hot paths: saving in three round trips without an explicit transaction, the questionnaire
 * with its answers in one statement, and completion that locks the row before it reads.
 */
export function createPgAssessmentHotPaths(pool: Pool): AssessmentHotPaths {
  const first = async <T>(db: Pool | PoolClient, text: string, values: unknown[]) =>
    ((await db.query(text, values)).rows[0] as T | undefined) ?? null;
  return {
    async findWithAnswers(hash) {
      const r = await first<WithAnswers>(pool, WITH_ANSWERS, [hash]);
      return r ? { record: toRecord(r), stored: storedOf(r) } : null;
    },
    async saveAnswers(hash, patch, now, check) {
      const r = (await pool.query<StatusRow>({ ...Q.status, values: [hash] })).rows[0];
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
      if (open === 0)
        return (await first(pool, 'SELECT 1 FROM assessments WHERE id = $1', [r.id]))
          ? { status: 'completed' as const }
          : { status: 'not_found' as const };
      const answered = (await pool.query<{ n: number }>({ ...Q.answered, values: [r.id] })).rows[0]!.n;
      return { status: 'saved' as const, answered, workshopId: r.workshop_id };
    },
    async complete(hash, now, score) {
      return inTransaction(pool, async (c) => {
        // Lock first, then read: the answers must come from a snapshot taken after the lock is ours, so a
        // save that held the lock and committed meanwhile is part of what gets scored (see Q.save).
        if (!(await first(c, 'SELECT 1 FROM assessments WHERE token_hash = $1 FOR UPDATE', [hash])))
          return { status: 'not_found' as const };
        const r = await first<WithAnswers>(c, WITH_ANSWERS, [hash]);
        if (!r) return { status: 'not_found' as const };
        if (r.completed_at) return { status: 'already_completed' as const };
        const result = score(storedOf(r), r.model_version);
        if ('missing' in result) return { status: 'incomplete' as const, missing: result.missing };
        const json = JSON.stringify(result);
        await c.query(ASSESSMENT_SQL.markComplete, [now, json, r.id]);
        return { status: 'completed' as const, record: toRecord({ ...r, completed_at: now, profile_json: json }) };
      });
    },
  };
}
