import type { Answers } from '../domain/answers';
import { written, type SqliteDb } from './sqlite';
import { ASSESSMENT_COLUMNS, toAssessment as toRecord, type AssessmentRow as Row } from './rows';
import type { AssessmentRepo, StoredAnswers } from './store';

/** Assessment storage over better-sqlite3; statements are prepared once. */
export function createSqliteAssessmentRepo(db: SqliteDb): AssessmentRepo {
  const cols = ASSESSMENT_COLUMNS;
  const insert = db.prepare(
    `INSERT INTO assessments (token_hash, lang, name, model_version, consent_at, consent_version, created_at, workshop_id, user_id)
     VALUES (@tokenHash, @lang, @name, @modelVersion, @now, @consentVersion, @now, @workshopId, @userId) RETURNING ${cols}`,
  );
  const byHash = db.prepare(`SELECT ${cols} FROM assessments WHERE token_hash = ?`);
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
  const markComplete = db.prepare(
    'UPDATE assessments SET completed_at = ?, profile_json = ? WHERE id = ? AND completed_at IS NULL',
  );
  const remove = db.prepare('DELETE FROM assessments WHERE token_hash = ?');
  const link = db.prepare('UPDATE assessments SET user_id = ? WHERE token_hash = ? AND (user_id IS NULL OR user_id = ?)');
  const exists = db.prepare('SELECT 1 FROM assessments WHERE token_hash = ?').pluck();
  const likertRows = db.prepare('SELECT item_id, value, duration_ms, answered_at FROM likert_answers WHERE assessment_id = ? ORDER BY item_id');
  const choiceRows = db.prepare('SELECT item_id, most, least, duration_ms, answered_at FROM choice_answers WHERE assessment_id = ? ORDER BY item_id');
  const workshopTitle = db.prepare('SELECT title FROM workshops WHERE id = ?').pluck();
  const purge = db.prepare('DELETE FROM assessments WHERE completed_at IS NULL AND created_at < ?');
  const ofUser = db.prepare(`SELECT ${cols} FROM assessments WHERE user_id = ? ORDER BY coalesce(completed_at, created_at) DESC, id DESC`);

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
  const find = (hash: string) => (byHash.get(hash) as Row | undefined) ?? null;

  // The few columns the hot paths need (saving an answer, serving a cached profile page).
  type StatusRow = { id: number; model_version: string; completed_at: string | null; workshop_id: number | null };
  const statusByHash = db.prepare('SELECT id, model_version, completed_at, workshop_id FROM assessments WHERE token_hash = ?');
  const answeredCount = db
    .prepare('SELECT (SELECT count(*) FROM likert_answers WHERE assessment_id = ?) + (SELECT count(*) FROM choice_answers WHERE assessment_id = ?)')
    .pluck();
  type SaveArgs = Parameters<AssessmentRepo['saveAnswers']>;
  const saveTx = db.transaction((hash: string, patch: SaveArgs[1], now: string, check: SaveArgs[3]) => {
    const row = statusByHash.get(hash) as StatusRow | undefined;
    if (!row) return { status: 'not_found' as const };
    if (row.completed_at) return { status: 'completed' as const };
    const errors = check(row.model_version);
    if (errors.length) return { status: 'invalid' as const, errors };
    const ms = (id: string) => patch.durations?.[id] ?? null;
    for (const [id, v] of Object.entries(patch.likert ?? {})) upsertLikert.run(row.id, id, v, ms(id), now);
    for (const [id, c] of Object.entries(patch.choice ?? {})) upsertChoice.run(row.id, id, c.most, c.least, ms(id), now);
    return { status: 'saved' as const, answered: answeredCount.get(row.id, row.id) as number, workshopId: row.workshop_id };
  });

  const completeTx = db.transaction((hash: string, now: string, score: Parameters<AssessmentRepo['complete']>[2]) => {
    const row = find(hash);
    if (!row) return { status: 'not_found' as const };
    if (row.completed_at) return { status: 'already_completed' as const };
    const result = score(readAnswers(row.id), row.model_version);
    if ('missing' in result) return { status: 'incomplete' as const, missing: result.missing };
    const json = JSON.stringify(result);
    markComplete.run(now, json, row.id);
    return { status: 'completed' as const, record: toRecord({ ...row, completed_at: now, profile_json: json }) };
  });

  return {
    async create(input) {
      return toRecord(written<Row>(insert, { ...input, workshopId: input.workshopId ?? null, userId: input.userId ?? null })!);
    },
    async findByTokenHash(hash) {
      const row = find(hash);
      return row ? toRecord(row) : null;
    },
    async statusOf(hash) {
      const row = statusByHash.get(hash) as StatusRow | undefined;
      if (!row) return { status: 'missing' as const, modelVersion: null };
      return { status: row.completed_at ? ('completed' as const) : ('in_progress' as const), modelVersion: row.model_version };
    },
    async findWithAnswers(hash) {
      return db.transaction(() => {
        const row = find(hash);
        return row ? { record: toRecord(row), stored: readAnswers(row.id) } : null;
      })();
    },
    async saveAnswers(hash, patch, now, check) {
      return saveTx(hash, patch, now, check);
    },
    async complete(hash, now, score) {
      return completeTx(hash, now, score);
    },
    async delete(hash) {
      return remove.run(hash).changes > 0;
    },
    async linkToUser(hash, userId) {
      return db.transaction(() => {
        if (link.run(userId, hash, userId).changes > 0) return 'linked' as const;
        return exists.get(hash) ? ('taken' as const) : ('not_found' as const);
      })();
    },
    async exportData(hash) {
      return db.transaction(() => {
        const row = find(hash);
        if (!row) return null;
        type L = { item_id: string; value: number; duration_ms: number | null; answered_at: string };
        type C = { item_id: string; most: string; least: string; duration_ms: number | null; answered_at: string };
        const answers = [
          ...(likertRows.all(row.id) as L[]).map((r) => ({ itemId: r.item_id, kind: 'likert' as const, value: r.value, durationMs: r.duration_ms, answeredAt: r.answered_at })),
          ...(choiceRows.all(row.id) as C[]).map((r) => ({ itemId: r.item_id, kind: 'choice' as const, most: r.most, least: r.least, durationMs: r.duration_ms, answeredAt: r.answered_at })),
        ];
        const title = row.workshop_id === null ? null : ((workshopTitle.get(row.workshop_id) as string | undefined) ?? null);
        return { record: toRecord(row), answers, workshopTitle: title };
      })();
    },
    async purgeUnfinished(before) {
      return purge.run(before).changes;
    },
    async listByUser(userId) {
      return (ofUser.all(userId) as Row[]).map(toRecord);
    },
  };
}
