import { Router, type Request, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import type { JoinLimits } from '../../http/rate-limits';
import { normaliseCode, type WorkshopService } from '../../services/workshops';
import { z } from 'zod';
import { LANGS, DEFAULT_LANG } from '../../domain/drives';
import type { AssessmentService } from '../../services/assessments';
import { AppError } from '../../errors';
import { bodyText, parse } from '../../http/validate';
import type { PageCache } from '../../http/page-cache';
import type { StatsService } from '../../services/stats';
import type { AssessmentRecord } from '../../db/store';
import { nameField } from '../fields';

export const createBody = z.strictObject({
  lang: z.enum(LANGS).optional(),
  name: nameField.optional(),
  consent: z.literal(true, { error: 'consent must be true' }),
  sessionCode: z.string().trim().min(1).max(20).optional(),
});
const joinCodeOf = (req: Request) => normaliseCode(bodyText(req.body, 'sessionCode').slice(0, 20));

const itemKey = z.string().max(20);
export const answersBody = z
  .strictObject({
    likert: z.record(itemKey, z.number().int().min(1).max(5)).optional(),
    choice: z.record(itemKey, z.strictObject({ most: z.string().max(20), least: z.string().max(20) })).optional(),
    durations: z.record(itemKey, z.number().int().min(0).max(86_400_000)).optional(),
  })
  .refine((b) => Object.keys(b.likert ?? {}).length + Object.keys(b.choice ?? {}).length > 0, {
    message: 'give at least one answer in likert or choice',
  });

/**
 * PUT /api/assessments/:token/answers, the hottest route (an answer every few seconds per participant):
 * app.ts registers it ahead of every other middleware, with only what it needs.
 */
export function saveAnswersHandler(service: AssessmentService): RequestHandler {
  return async (req, res) => {
    if (req.body === undefined) throw new AppError('validation_failed', 'Send the answers as a JSON object.');
    const patch = parse(answersBody, req.body);
    const body = JSON.stringify(await service.saveAnswers(String(req.params.token), patch));
    // Straight to Node's response: Express's send() machinery (type lookup, freshness) is not needed here.
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
  };
}

const links = (token: string) => ({ questionnaire: `/a/${token}`, profile: `/p/${token}` });

export function assessmentsApi(
  service: AssessmentService,
  workshops: WorkshopService,
  stats: StatsService,
  { creationLimit, joinLimits }: { creationLimit: RequestHandler; joinLimits: JoinLimits },
  profilePages: PageCache,
): Router {
  // The profile as JSON (409 while in progress), with where its scores stand against others (null while there are too few).
  const withNorms = async (record: AssessmentRecord) => {
    const profile = service.toApiProfile(record);
    return { ...profile, norms: await stats.profileNorms(record.profile!) };
  };
  const router = Router({ caseSensitive: true });
  // A request with a session code is a join (join and code look-up limits); any other creates a new questionnaire.
  const notJoin = (req: Request) => !(req.body as { sessionCode?: unknown } | undefined)?.sessionCode;
  const limits = joinLimits(joinCodeOf, notJoin);
  const newQuestionnaireLimit: RequestHandler = (req, res, next) => (notJoin(req) ? creationLimit(req, res, next) : next());

  router.post('/api/assessments', cookieParser(), ...limits, newQuestionnaireLimit, async (req, res) => {
    const body = parse(createBody, req.body ?? {});
    const { token } = body.sessionCode
      ? await workshops.join(body.sessionCode, { name: body.name ?? null, ...(body.lang ? { lang: body.lang } : {}) })
      : await service.create({ lang: body.lang ?? DEFAULT_LANG, name: body.name ?? null });
    res
      .status(201)
      .location(`/api/assessments/${token}`)
      .json({ token, links: links(token) });
  });

  router.get('/api/assessments/:token', async (req, res) => {
    const s = await service.state(req.params.token);
    res.json({
      status: s.record.completedAt ? 'completed' : 'in_progress',
      answered: s.answered,
      total: s.total,
      answers: s.answers,
      // A participant of a workshop also has a workshop screen (exercises, the current step).
      links: { ...links(req.params.token), ...(s.record.workshopId !== null ? { workshop: `/w/${req.params.token}` } : {}) },
    });
  });

  router.post('/api/assessments/:token/complete', async (req, res) => {
    const record = await service.complete(req.params.token);
    res.json(await withNorms(record));
  });

  router.get('/api/assessments/:token/profile', async (req, res) => {
    const record = await service.load(req.params.token);
    res.json(await withNorms(record));
  });

  router.get('/api/assessments/:token/export', async (req, res) => {
    const data = await service.exportData(req.params.token);
    res.set('Cache-Control', 'no-store').attachment('drijfveer-my-data.json').json(data);
  });

  router.delete('/api/assessments/:token', async (req, res) => {
    const { key } = await service.status(req.params.token);
    await service.remove(req.params.token);
    profilePages.dropPrefix(key);
    res.status(204).end();
  });
  return router;
}
