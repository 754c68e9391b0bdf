import type { Answers } from '../../domain/answers';
import { ASSESSMENT_SQL, type AssessmentHotPaths, type StatusRow } from '../assessments';
import { toAssessment as toRecord, type AssessmentRow as Row } from '../rows';
import type { AssessmentRepo, StoredAnswers } from '../store';
import type { SqliteDb } from './open';
import { toSqlite, type SqliteSql } from './sql';

/**
 * SQLite's hot paths: saving answers and completing, each one synchronous better-sqlite3 transaction
 * (no await inside), over statements prepared once. They wait while an adapter transaction is open.
 */
export function createSqliteAssessmentHotPaths(db: SqliteDb, sql: SqliteSql): AssessmentHotPaths {
  const prepare = (text: string) => db.prepare(toSqlite(text));
  const byHash = prepare(ASSESSMENT_SQL.byHash);
  const statusByHash = prepare(ASSESSMENT_SQL.status);
  const answeredCount = prepare(ASSESSMENT_SQL.answered).pluck();
  const markComplete = prepare(ASSESSMENT_SQL.markComplete);
  const likertOf = db.prepare('SELECT item_id, value, duration_ms FROM likert_answers WHERE assessment_id = ?');
  const choiceOf = db.prepare('SELECT item_id, most, least, duration_ms FROM choice_answers WHERE assessment_id = ?');
  const upsertLikert = db.prepare(
    `INSERT INTO likert_answers (assessment_id, item_id, value, duration_ms, answered_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (assessment_id, item_id) DO UPDATE SET value = excluded.value,
       duration_ms = coalesce(excluded.duration_ms, duration_ms), answered_at = excluded.answered_at`,
  );
  const upsertChoice = db.prepare(
    `INSERT INTO choice_answers (assessment_id, item_id, most, least, duration_ms, answered_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (assessment_id, item_id) DO UPDATE SET most = excluded.most, least = excluded.least,
       duration_ms = coalesce(excluded.duration_ms, duration_ms), answered_at = excluded.answered_at`,
  );

  const readAnswers = (id: number): StoredAnswers => {
    const answers: Answers = { likert: {}, choice: {} };
    const durationsMs: number[] = [];
    for (const r of likertOf.all(id) as { item_id: string; value: number; duration_ms: number | null }[]) {
      answers.likert[r.item_id] = r.value;
      if (r.duration_ms !== null) durationsMs.push(r.duration_ms);
    }
    for (const r of choiceOf.all(id) as { item_id: string; most: string; least: string; duration_ms: number | null }[]) {
      answers.choice[r.item_id] = { most: r.most, least: r.least };
      if (r.duration_ms !== null) durationsMs.push(r.duration_ms);
    }
    return { answers, durationsMs };
  };
  const find = (hash: string) => (byHash.get({ 1: hash }) as Row | undefined) ?? null;

  type SaveArgs = Parameters<AssessmentRepo['saveAnswers']>;
  const saveTx = db.transaction((hash: string, patch: SaveArgs[1], now: string, check: SaveArgs[3]) => {
    const row = statusByHash.get({ 1: hash }) as StatusRow | undefined;
    if (!row) return { status: 'not_found' as const };
    if (row.completed_at) return { status: 'completed' as const };
    const errors = check(row.model_version);
    if (errors.length) return { status: 'invalid' as const, errors };
    const ms = (id: string) => patch.durations?.[id] ?? null;
    for (const [id, v] of Object.entries(patch.likert ?? {})) upsertLikert.run(row.id, id, v, ms(id), now);
    for (const [id, c] of Object.entries(patch.choice ?? {})) upsertChoice.run(row.id, id, c.most, c.least, ms(id), now);
    return { status: 'saved' as const, answered: answeredCount.get({ 1: row.id }) as number, workshopId: row.workshop_id };
  });

  const completeTx = db.transaction((hash: string, now: string, score: Parameters<AssessmentRepo['complete']>[2]) => {
    const row = find(hash);
    if (!row) return { status: 'not_found' as const };
    if (row.completed_at) return { status: 'already_completed' as const };
    const result = score(readAnswers(row.id), row.model_version);
    if ('missing' in result) return { status: 'incomplete' as const, missing: result.missing };
    const json = JSON.stringify(result);
    markComplete.run({ 1: now, 2: json, 3: row.id });
    return { status: 'completed' as const, record: toRecord({ ...row, completed_at: now, profile_json: json }) };
  });
  const withAnswersTx = db.transaction((hash: string) => {
    const row = find(hash);
    return row ? { record: toRecord(row), stored: readAnswers(row.id) } : null;
  });

  return {
    findWithAnswers: (hash) => sql.whenIdle(() => withAnswersTx(hash)),
    saveAnswers: (hash, patch, now, check) => sql.whenIdle(() => saveTx(hash, patch, now, check)),
    complete: (hash, now, score) => sql.whenIdle(() => completeTx(hash, now, score)),
  };
}
