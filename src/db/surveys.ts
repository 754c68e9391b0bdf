import type { Lang } from '../domain/drives';
import type { Sql } from './sql';

/** A pulse survey ("draagvlakmeting") of a project: a public code, the client's departments, the current round. */
export type SurveyRecord = {
  id: number;
  publicId: string;
  projectId: number;
  code: string;
  title: string;
  departments: string[];
  lang: Lang;
  round: number;
  status: 'open' | 'closed';
  closedAt: string | null;
  createdAt: string;
};
/** One anonymous response: no account, no name, no address; consent is kept as its time only. */
export type SurveyResponseRecord = {
  id: number;
  round: number;
  department: string;
  answers: Record<string, number>;
  worries: string | null;
  needs: string | null;
  consentAt: string;
  createdAt: string;
};
export type NewSurvey = Pick<SurveyRecord, 'publicId' | 'code' | 'title' | 'departments' | 'lang'> & { now: string };
export type NewSurveyResponse = Pick<SurveyResponseRecord, 'department' | 'answers' | 'worries' | 'needs'> & { now: string };

export interface SurveyRepo {
  create(projectId: number, input: NewSurvey): Promise<SurveyRecord>;
  /** A project's surveys, newest first. */
  list(projectId: number): Promise<SurveyRecord[]>;
  find(projectId: number, publicId: string): Promise<SurveyRecord | null>;
  findByCode(code: string): Promise<SurveyRecord | null>;
  /**
   * Stores a response in the survey's current round, in one statement that also checks the survey is still open
   * (a close in between cannot be overtaken). 'closed' when it is not open, 'gone' when it was deleted.
   */
  addResponse(surveyId: number, input: NewSurveyResponse): Promise<{ round: number } | 'closed' | 'gone'>;
  /** Every response of a survey, in order of arrival. */
  responses(surveyId: number): Promise<SurveyResponseRecord[]>;
  /** Starts the next round (and opens the survey again if it was closed). */
  newRound(surveyId: number): Promise<SurveyRecord | null>;
  close(surveyId: number, now: string): Promise<SurveyRecord | null>;
  remove(surveyId: number): Promise<boolean>;
  /** Deletes surveys (with their responses) closed before `before` (ISO time); returns how many. */
  purgeClosed(before: string): Promise<number>;
}

type Row = {
  id: number;
  public_id: string;
  project_id: number;
  code: string;
  title: string;
  departments: string;
  lang: Lang;
  round: number;
  status: 'open' | 'closed';
  closed_at: string | null;
  created_at: string;
};
type ResponseRow = {
  id: number;
  round: number;
  department: string;
  answers: string;
  worries: string | null;
  needs: string | null;
  consent_at: string;
  created_at: string;
};
const toSurvey = (r: Row): SurveyRecord => ({
  id: r.id,
  publicId: r.public_id,
  projectId: r.project_id,
  code: r.code,
  title: r.title,
  departments: JSON.parse(r.departments) as string[],
  lang: r.lang,
  round: r.round,
  status: r.status,
  closedAt: r.closed_at,
  createdAt: r.created_at,
});
const toResponse = (r: ResponseRow): SurveyResponseRecord => ({
  id: r.id,
  round: r.round,
  department: r.department,
  answers: JSON.parse(r.answers) as Record<string, number>,
  worries: r.worries,
  needs: r.needs,
  consentAt: r.consent_at,
  createdAt: r.created_at,
});
const one = (row: Row | null) => (row ? toSurvey(row) : null);

export function createSurveyRepo(sql: Sql): SurveyRepo {
  return {
    async create(projectId, input) {
      const row = await sql.first<Row>(
        `INSERT INTO surveys (public_id, project_id, code, title, departments, lang, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [input.publicId, projectId, input.code, input.title, JSON.stringify(input.departments), input.lang, input.now],
      );
      return toSurvey(row!);
    },
    async list(projectId) {
      return (await sql.all<Row>('SELECT * FROM surveys WHERE project_id = $1 ORDER BY created_at DESC, id DESC', [projectId])).map(
        toSurvey,
      );
    },
    find: async (projectId, publicId) =>
      one(await sql.first<Row>('SELECT * FROM surveys WHERE project_id = $1 AND public_id = $2', [projectId, publicId])),
    findByCode: async (code) => one(await sql.first<Row>('SELECT * FROM surveys WHERE code = $1', [code])),
    async addResponse(surveyId, input) {
      const row = await sql.first<{ round: number }>(
        `INSERT INTO survey_responses (survey_id, round, department, answers, worries, needs, consent_at, created_at)
         SELECT id, round, $2, $3, $4, $5, $6, $6 FROM surveys WHERE id = $1 AND status = 'open' RETURNING round`,
        [surveyId, input.department, JSON.stringify(input.answers), input.worries, input.needs, input.now],
      );
      if (row) return { round: row.round };
      return (await sql.first('SELECT 1 AS found FROM surveys WHERE id = $1', [surveyId])) ? 'closed' : 'gone';
    },
    async responses(surveyId) {
      return (await sql.all<ResponseRow>('SELECT * FROM survey_responses WHERE survey_id = $1 ORDER BY id', [surveyId])).map(toResponse);
    },
    newRound: async (surveyId) =>
      one(
        await sql.first<Row>(`UPDATE surveys SET round = round + 1, status = 'open', closed_at = NULL WHERE id = $1 RETURNING *`, [
          surveyId,
        ]),
      ),
    close: async (surveyId, now) =>
      one(
        await sql.first<Row>(
          // Closing twice keeps the first time, so the retention period does not start over.
          `UPDATE surveys SET status = 'closed', closed_at = COALESCE(closed_at, $2) WHERE id = $1 RETURNING *`,
          [surveyId, now],
        ),
      ),
    remove: async (surveyId) => (await sql.run('DELETE FROM surveys WHERE id = $1', [surveyId])) > 0,
    purgeClosed: (before) => sql.run(`DELETE FROM surveys WHERE status = 'closed' AND closed_at < $1`, [before]),
  };
}
