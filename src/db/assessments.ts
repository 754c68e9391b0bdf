import { ASSESSMENT_COLUMNS as COLS, toAssessment as toRecord, type AssessmentRow as Row } from './rows';
import type { Sql } from './sql';
import type { AssessmentRepo, StoredAnswerRow } from './store';

/** The operations each backend writes its own way: the hot paths and completion's locking (sqlite/, postgres/). */
export type AssessmentHotPaths = Pick<AssessmentRepo, 'findWithAnswers' | 'saveAnswers' | 'complete'>;

/** Statements the backends' hot paths share with each other. */
export const ASSESSMENT_SQL = {
  byHash: `SELECT ${COLS} FROM assessments WHERE token_hash = $1`,
  status: 'SELECT id, model_version, completed_at, workshop_id FROM assessments WHERE token_hash = $1',
  answered:
    'SELECT (SELECT count(*) FROM likert_answers WHERE assessment_id = $1) + (SELECT count(*) FROM choice_answers WHERE assessment_id = $1) AS n',
  markComplete: 'UPDATE assessments SET completed_at = $1, profile_json = $2 WHERE id = $3 AND completed_at IS NULL',
};
export type StatusRow = { id: number; model_version: string; completed_at: string | null; workshop_id: number | null };

/** Assessments on either backend; `hot` brings the backend's own hot paths. */
export function createAssessmentRepo(sql: Sql, hot: AssessmentHotPaths): AssessmentRepo {
  const find = async (db: Sql, hash: string) => db.first<Row>(ASSESSMENT_SQL.byHash, [hash]);
  return {
    ...hot,
    async create(input) {
      const row = await sql.first<Row>(
        `INSERT INTO assessments (token_hash, lang, name, model_version, consent_at, consent_version, created_at, workshop_id, user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8) RETURNING ${COLS}`,
        [
          input.tokenHash,
          input.lang,
          input.name,
          input.modelVersion,
          input.now,
          input.consentVersion,
          input.workshopId ?? null,
          input.userId ?? null,
        ],
      );
      return toRecord(row!);
    },
    async findByTokenHash(hash) {
      const row = await find(sql, hash);
      return row ? toRecord(row) : null;
    },
    async statusOf(hash) {
      const row = await sql.first<StatusRow>(ASSESSMENT_SQL.status, [hash]);
      if (!row) return { status: 'missing' as const, modelVersion: null };
      return { status: row.completed_at ? ('completed' as const) : ('in_progress' as const), modelVersion: row.model_version };
    },
    async delete(hash) {
      return (await sql.run('DELETE FROM assessments WHERE token_hash = $1', [hash])) > 0;
    },
    async linkToUser(hash, userId) {
      return sql.transaction(async (tx) => {
        if (
          (await tx.run('UPDATE assessments SET user_id = $1 WHERE token_hash = $2 AND (user_id IS NULL OR user_id = $1)', [
            userId,
            hash,
          ])) > 0
        )
          return 'linked' as const;
        return (await tx.first('SELECT 1 AS found FROM assessments WHERE token_hash = $1', [hash]))
          ? ('taken' as const)
          : ('not_found' as const);
      });
    },
    async exportData(hash) {
      return sql.transaction(
        async (tx) => {
          const row = await find(tx, hash);
          if (!row) return null;
          type L = { item_id: string; value: number; duration_ms: number | null; answered_at: string };
          type C = { item_id: string; most: string; least: string; duration_ms: number | null; answered_at: string };
          // COLLATE "C": byte order, as SQLite sorts.
          const likert = await tx.all<L>(
            'SELECT item_id, value, duration_ms, answered_at FROM likert_answers WHERE assessment_id = $1 ORDER BY item_id COLLATE "C"',
            [row.id],
          );
          const choice = await tx.all<C>(
            'SELECT item_id, most, least, duration_ms, answered_at FROM choice_answers WHERE assessment_id = $1 ORDER BY item_id COLLATE "C"',
            [row.id],
          );
          const answers: StoredAnswerRow[] = [
            ...likert.map((x) => ({
              itemId: x.item_id,
              kind: 'likert' as const,
              value: x.value,
              durationMs: x.duration_ms,
              answeredAt: x.answered_at,
            })),
            ...choice.map((x) => ({
              itemId: x.item_id,
              kind: 'choice' as const,
              most: x.most,
              least: x.least,
              durationMs: x.duration_ms,
              answeredAt: x.answered_at,
            })),
          ];
          const title =
            row.workshop_id === null
              ? null
              : ((await tx.first<{ title: string }>('SELECT title FROM workshops WHERE id = $1', [row.workshop_id]))?.title ?? null);
          return { record: toRecord(row), answers, workshopTitle: title };
        },
        { snapshot: true },
      );
    },
    async purgeUnfinished(before) {
      return sql.run('DELETE FROM assessments WHERE completed_at IS NULL AND created_at < $1', [before]);
    },
    async listByUser(userId) {
      const rows = await sql.all<Row>(
        `SELECT ${COLS} FROM assessments WHERE user_id = $1 ORDER BY coalesce(completed_at, created_at) DESC, id DESC`,
        [userId],
      );
      return rows.map(toRecord);
    },
  };
}
