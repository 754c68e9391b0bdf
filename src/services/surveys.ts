import { randomBytes } from 'node:crypto';
import type { Content } from '../content/load';
import type { Store, SurveyRecord, UserRecord } from '../db/store';
import type { DriveId, Lang } from '../domain/drives';
import { meanReading } from '../domain/reader/read';
import { statementsIn } from '../domain/survey/statements';
import { surveyResults, type DepartmentResult } from '../domain/survey/results';
import { AppError } from '../errors';
import type { NewSurveyBody, ResponseBody } from '../routes/surveys/schemas';
import { byUser, createAuditService, type AuditService } from './audit';
import { ID, newId, type ProjectService } from './projects';
import { MAX_BATCH_CHARS, type ReaderService } from './reader';

/**
 * Public survey codes: 10 characters of base32 (RFC 4648: A–Z and 2–7, no 0 or 1), 50 random bits, read in any
 * letter case. A link is not a secret, but no one finds a survey by trying codes (unknown look-ups are limited too).
 */
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const SURVEY_CODE = /^[A-Z2-7]{10}$/;
export const newSurveyCode = () => [...randomBytes(10)].map((b) => CODE_ALPHABET[b & 31]).join('');
export const normaliseSurveyCode = (code: string) => code.trim().toUpperCase();

export type DepartmentView = DepartmentResult & { drives?: { drive: DriveId; score: number }[] };

const invalid = (fields: { field: string; message: string }[]) =>
  new AppError('validation_failed', 'The response is not valid.', { fields });

/** Pulse surveys of a project: made and read by whoever may open the project; answered anonymously by the client's staff. */
export function createSurveyService(
  store: Store,
  content: Content,
  projects: ProjectService,
  reader: ReaderService,
  audit: AuditService = createAuditService(store),
) {
  const repo = store.surveys;
  const itemIds = content.survey.statements.map((s) => s.id);
  const now = () => new Date().toISOString();

  async function get(user: UserRecord, projectId: string, sid: string) {
    const project = await projects.get(user, projectId);
    const survey = ID.test(sid) ? await repo.find(project.id, sid) : null;
    if (!survey) throw new AppError('not_found', 'No such survey.');
    return { project, survey };
  }
  const changed = (s: SurveyRecord | null) => {
    if (!s) throw new AppError('not_found', 'No such survey.');
    return s;
  };

  /** The department's mean reading of its open answers, each response counted once (batches of the reader's size). */
  async function drivesOf(texts: readonly string[], lang: Lang, user: UserRecord) {
    const items: Awaited<ReturnType<ReaderService['readMany']>>['items'] = [];
    let batch: string[] = [];
    let chars = 0;
    const flush = async () => {
      if (batch.length) items.push(...(await reader.readMany({ texts: batch, lang }, user)).items);
      batch = [];
      chars = 0;
    };
    for (const t of texts) {
      if (chars + t.length > MAX_BATCH_CHARS) await flush();
      batch.push(t);
      chars += t.length;
    }
    await flush();
    return meanReading(items.filter((i) => i.signal));
  }

  /** The public survey by its code: 404 for an unknown one. */
  async function byCode(code: string) {
    const c = normaliseSurveyCode(code);
    const survey = SURVEY_CODE.test(c) ? await repo.findByCode(c) : null;
    if (!survey) throw new AppError('not_found', 'No such survey.');
    return survey;
  }

  return {
    get,
    byCode,
    statements: (lang: Lang) => statementsIn(content.survey, lang),
    scale: (lang: Lang) => content.survey.scale[lang],
    async create(user: UserRecord, projectId: string, body: NewSurveyBody) {
      const project = await projects.get(user, projectId);
      return repo.create(project.id, { ...body, publicId: newId(), code: newSurveyCode(), now: now() });
    },
    async list(user: UserRecord, projectId: string) {
      return repo.list((await projects.get(user, projectId)).id);
    },
    /** The results of a round (default the current one), per department, with the drives in its open answers. */
    async results(user: UserRecord, projectId: string, sid: string, round?: number) {
      const { survey } = await get(user, projectId, sid);
      if (round !== undefined && (round < 1 || round > survey.round)) throw new AppError('not_found', 'No such round.');
      const r = surveyResults({
        responses: await repo.responses(survey.id),
        departments: survey.departments,
        itemIds,
        rounds: survey.round,
        ...(round ? { round } : {}),
      });
      const departments: DepartmentView[] = [];
      for (const d of r.departments) {
        departments.push(d.suppressed ? d : { ...d, drives: d.texts.length ? await drivesOf(d.texts, survey.lang, user) : [] });
      }
      return { survey, ...r, departments };
    },
    async newRound(user: UserRecord, projectId: string, sid: string) {
      return changed(await repo.newRound((await get(user, projectId, sid)).survey.id));
    },
    async close(user: UserRecord, projectId: string, sid: string) {
      return changed(await repo.close((await get(user, projectId, sid)).survey.id, now()));
    },
    async remove(user: UserRecord, projectId: string, sid: string) {
      const { project, survey } = await get(user, projectId, sid);
      await repo.remove(survey.id);
      await store.scrub(); // the open answers leave the database's files too
      await audit.recordAfter({
        ...byUser(user),
        action: 'delete.survey',
        target: project.publicId,
        detail: { survey: survey.publicId, round: survey.round },
      });
    },

    /**
     * Stores one anonymous response: the department must be one of the survey's, every statement answered
     * (and no other), the survey open. Returns the round it counted in (for the double-submission cookie).
     */
    async respond(code: string, body: ResponseBody) {
      const survey = await byCode(code);
      const errors: { field: string; message: string }[] = [];
      if (!survey.departments.includes(body.department))
        errors.push({ field: 'department', message: 'not one of the survey’s departments' });
      for (const id of Object.keys(body.answers))
        if (!itemIds.includes(id)) errors.push({ field: `answers.${id}`, message: 'unknown statement' });
      for (const id of itemIds) if (body.answers[id] === undefined) errors.push({ field: `answers.${id}`, message: 'required' });
      if (errors.length) throw invalid(errors);
      if (survey.status !== 'open') throw new AppError('conflict', 'This survey is closed.');
      const stored = await repo.addResponse(survey.id, {
        department: body.department,
        answers: body.answers,
        worries: body.worries || null,
        needs: body.needs || null,
        now: now(),
      });
      if (stored === 'gone') throw new AppError('not_found', 'No such survey.');
      if (stored === 'closed') throw new AppError('conflict', 'This survey is closed.');
      return { survey, round: stored.round };
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
