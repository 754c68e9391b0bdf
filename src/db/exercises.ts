import type { DriveId } from '../domain/drives';
import type { ExerciseStatus } from '../domain/studio/steps';
import type { ExerciseAnswer, ExerciseKind, ExerciseRecord, ExerciseRepo, OwnRemarkRecord, RemarkRepo } from './exercise-types';
import type { Sql } from './sql';

type ExerciseRow = {
  id: number;
  public_id: string;
  workshop_id: number;
  position: number;
  kind: ExerciseKind;
  prompt: string;
  remark_id: string | null;
  drive: DriveId | null;
  also: string;
  explanation: string | null;
  options: string;
  status: ExerciseStatus;
  closes_at: string | null;
  created_at: string;
};
const toExercise = (r: ExerciseRow): ExerciseRecord => ({
  id: r.id,
  publicId: r.public_id,
  workshopId: r.workshop_id,
  position: r.position,
  kind: r.kind,
  prompt: r.prompt,
  remarkId: r.remark_id,
  drive: r.drive,
  also: JSON.parse(r.also) as DriveId[],
  explanation: r.explanation,
  options: JSON.parse(r.options) as string[],
  status: r.status,
  closesAt: r.closes_at,
  createdAt: r.created_at,
});
type AnswerRow = { id: number; assessment_id: number; value: string; hidden: number | boolean; votes: number; answered_at: string };
const toAnswer = (r: AnswerRow): ExerciseAnswer => ({
  id: r.id,
  assessmentId: r.assessment_id,
  value: r.value,
  hidden: Boolean(r.hidden),
  votes: r.votes,
  answeredAt: r.answered_at,
});
const ANSWERS = `SELECT a.id, a.assessment_id, a.value, a.hidden, a.answered_at,
    (SELECT count(*) FROM exercise_votes v WHERE v.answer_id = a.id) AS votes
  FROM exercise_answers a WHERE a.exercise_id = $1`;
// Written once for both: a round is open at $now when its status says so and its timer (if any) has not run out.
const OPEN_AT = (id: string, now: string) => `EXISTS (SELECT 1 FROM exercises e WHERE e.id = ${id} AND e.status = 'open'
  AND (e.closes_at IS NULL OR e.closes_at > ${now}))`;

/** Exercises of workshop sessions with their answers and votes, on either backend. */
export function createExerciseRepo(sql: Sql): ExerciseRepo {
  return {
    async create(workshopId, x) {
      const row = await sql.first<ExerciseRow>(
        `INSERT INTO exercises (public_id, workshop_id, position, kind, prompt, remark_id, drive, also, explanation, options, created_at)
         SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10 FROM exercises WHERE workshop_id = $2
         RETURNING *`,
        [
          x.publicId,
          workshopId,
          x.kind,
          x.prompt,
          x.remarkId,
          x.drive,
          JSON.stringify(x.also),
          x.explanation,
          JSON.stringify(x.options),
          x.createdAt,
        ],
      );
      return toExercise(row!);
    },
    async list(workshopId) {
      return (await sql.all<ExerciseRow>('SELECT * FROM exercises WHERE workshop_id = $1 ORDER BY position, id', [workshopId])).map(
        toExercise,
      );
    },
    async find(workshopId, publicId) {
      const row = await sql.first<ExerciseRow>('SELECT * FROM exercises WHERE workshop_id = $1 AND public_id = $2', [workshopId, publicId]);
      return row ? toExercise(row) : null;
    },
    async remove(workshopId, exerciseId) {
      await sql.transaction(async (tx) => {
        await tx.run(`UPDATE workshops SET step = 'lobby' WHERE id = $1 AND step = (SELECT public_id FROM exercises WHERE id = $2)`, [
          workshopId,
          exerciseId,
        ]);
        await tx.run('DELETE FROM exercises WHERE id = $1 AND workshop_id = $2', [exerciseId, workshopId]);
      });
    },
    async goTo(workshopId, step, open, from) {
      return sql.transaction(async (tx) => {
        // The step first: on PostgreSQL a second move waits here for the first one's row lock, then sees its step.
        const moved =
          from === undefined
            ? await tx.run('UPDATE workshops SET step = $2 WHERE id = $1', [workshopId, step])
            : await tx.run('UPDATE workshops SET step = $2 WHERE id = $1 AND step = $3', [workshopId, step, from]);
        if (moved === 0) return false;
        await tx.run(`UPDATE exercises SET status = 'closed' WHERE workshop_id = $1 AND status = 'open'`, [workshopId]);
        if (open) await tx.run(`UPDATE exercises SET status = 'open', closes_at = $2 WHERE id = $1`, [open.exerciseId, open.closesAt]);
        return true;
      });
    },
    async setStatus(exerciseId, status) {
      await sql.run(`UPDATE exercises SET status = CASE WHEN status = 'revealed' THEN status ELSE $2 END, closes_at = NULL WHERE id = $1`, [
        exerciseId,
        status,
      ]);
    },
    async answer(exerciseId, assessmentId, value, now) {
      const stored = await sql.run(
        `INSERT INTO exercise_answers (exercise_id, assessment_id, value, answered_at)
         SELECT $1, $2, $3, $4 WHERE ${OPEN_AT('$1', '$4')}
         ON CONFLICT (exercise_id, assessment_id) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at, hidden = FALSE`,
        [exerciseId, assessmentId, value, now],
      );
      return stored > 0 ? 'saved' : 'not_open';
    },
    async answers(exerciseId) {
      return (await sql.all<AnswerRow>(`${ANSWERS} ORDER BY a.id`, [exerciseId])).map(toAnswer);
    },
    async countAnswers(exerciseId) {
      return (await sql.first<{ n: number }>('SELECT count(*) AS n FROM exercise_answers WHERE exercise_id = $1', [exerciseId]))!.n;
    },
    async own(exerciseId, assessmentId) {
      const answer = await sql.first<AnswerRow>(`${ANSWERS} AND a.assessment_id = $2`, [exerciseId, assessmentId]);
      const votes = await sql.all<{ answer_id: number }>(
        `SELECT v.answer_id FROM exercise_votes v JOIN exercise_answers a ON a.id = v.answer_id
         WHERE a.exercise_id = $1 AND v.assessment_id = $2 ORDER BY v.answer_id`,
        [exerciseId, assessmentId],
      );
      return { answer: answer ? toAnswer(answer) : null, votes: votes.map((v) => v.answer_id) };
    },
    async vote(exerciseId, answerId, assessmentId, now) {
      return sql.transaction(async (tx) => {
        const target = await tx.first<{ assessment_id: number; hidden: number | boolean }>(
          'SELECT assessment_id, hidden FROM exercise_answers WHERE id = $1 AND exercise_id = $2',
          [answerId, exerciseId],
        );
        if (!target || target.hidden) return 'not_found';
        if (target.assessment_id === assessmentId) return 'own';
        const open = await tx.first<{ open: number | boolean }>(`SELECT ${OPEN_AT('$1', '$2')} AS open`, [exerciseId, now]);
        if (!open?.open) return 'not_open';
        await tx.run('INSERT INTO exercise_votes (answer_id, assessment_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          answerId,
          assessmentId,
        ]);
        return 'voted';
      });
    },
    async hide(exerciseId, answerId, hidden) {
      return (
        (await sql.run('UPDATE exercise_answers SET hidden = $3 WHERE id = $2 AND exercise_id = $1', [exerciseId, answerId, hidden])) > 0
      );
    },
    async roundAnswers(workshopId) {
      const rows = await sql.all<{ assessment_id: number; name: string | null; value: string; drive: DriveId | null; also: string }>(
        `SELECT a.assessment_id, s.name, a.value, e.drive, e.also FROM exercise_answers a
         JOIN exercises e ON e.id = a.exercise_id JOIN assessments s ON s.id = a.assessment_id
         WHERE e.workshop_id = $1 AND e.kind = 'recognize' AND e.status = 'revealed' ORDER BY a.id`,
        [workshopId],
      );
      return rows.map((r) => ({
        assessmentId: r.assessment_id,
        name: r.name,
        value: r.value,
        drive: r.drive,
        also: JSON.parse(r.also) as DriveId[],
      }));
    },
    async votesOf(assessmentId) {
      const rows = await sql.all<{ public_id: string; value: string }>(
        `SELECT e.public_id, a.value FROM exercise_votes v JOIN exercise_answers a ON a.id = v.answer_id
         JOIN exercises e ON e.id = a.exercise_id WHERE v.assessment_id = $1 ORDER BY a.id`,
        [assessmentId],
      );
      return rows.map((r) => ({ exercise: r.public_id, answer: r.value }));
    },
    async answersOf(assessmentId) {
      const rows = await sql.all<{ public_id: string; kind: ExerciseKind; prompt: string; value: string; answered_at: string }>(
        `SELECT e.public_id, e.kind, e.prompt, a.value, a.answered_at FROM exercise_answers a JOIN exercises e ON e.id = a.exercise_id
         WHERE a.assessment_id = $1 ORDER BY a.id`,
        [assessmentId],
      );
      return rows.map((r) => ({ exercise: r.public_id, kind: r.kind, prompt: r.prompt, value: r.value, answeredAt: r.answered_at }));
    },
  };
}

type RemarkRow = {
  id: number;
  public_id: string;
  owner_id: number;
  lang: OwnRemarkRecord['lang'];
  text: string;
  drive: DriveId | null;
  also: string;
  explanation: string;
  created_at: string;
};
const toRemark = (r: RemarkRow): OwnRemarkRecord => ({
  id: r.id,
  publicId: r.public_id,
  ownerId: r.owner_id,
  lang: r.lang,
  text: r.text,
  drive: r.drive,
  also: JSON.parse(r.also) as DriveId[],
  explanation: r.explanation,
  createdAt: r.created_at,
});

/** Trainers' own remarks for recognise rounds: private to their owner. */
export function createRemarkRepo(sql: Sql): RemarkRepo {
  return {
    async create(x) {
      const row = await sql.first<RemarkRow>(
        `INSERT INTO remarks (public_id, owner_id, lang, text, drive, also, explanation, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [x.publicId, x.ownerId, x.lang, x.text, x.drive, JSON.stringify(x.also), x.explanation, x.createdAt],
      );
      return toRemark(row!);
    },
    async list(ownerId, lang) {
      const rows = await sql.all<RemarkRow>('SELECT * FROM remarks WHERE owner_id = $1 AND lang = $2 ORDER BY created_at, id', [
        ownerId,
        lang,
      ]);
      return rows.map(toRemark);
    },
    async find(ownerId, publicId) {
      const row = await sql.first<RemarkRow>('SELECT * FROM remarks WHERE owner_id = $1 AND public_id = $2', [ownerId, publicId]);
      return row ? toRemark(row) : null;
    },
  };
}
