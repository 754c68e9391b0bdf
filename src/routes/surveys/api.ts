import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Config } from '../../config';
import type { SurveyRecord } from '../../db/store';
import { currentUser } from '../../http/auth';
import { parse } from '../../http/validate';
import type { SurveyService } from '../../services/surveys';
import { surveyUrl } from './links';
import { newSurveyBody } from './schemas';

export const surveyJson = (s: SurveyRecord, url: string) => ({
  id: s.publicId,
  code: s.code,
  url,
  title: s.title,
  departments: s.departments,
  lang: s.lang,
  round: s.round,
  status: s.status,
  closedAt: s.closedAt,
  createdAt: s.createdAt,
});
const roundQuery = z.strictObject({ round: z.coerce.number().int().min(1).optional() });

/** A project's pulse surveys for its consultant(s). Mounted at /api behind requireUser; projects.get decides access. */
export function surveysApi(surveys: SurveyService, config: Config): Router {
  const router = Router({ caseSensitive: true });
  const json = (req: Request, s: SurveyRecord) => surveyJson(s, surveyUrl(config, req, s.code));
  const ids = (req: Request) => [String(req.params.id), String(req.params.sid)] as const;

  router.post('/projects/:id/surveys', async (req, res) => {
    const body = parse(newSurveyBody, req.body ?? {});
    res.status(201).json(json(req, await surveys.create(currentUser(res), req.params.id, body)));
  });
  router.get('/projects/:id/surveys', async (req, res) => {
    res.json((await surveys.list(currentUser(res), req.params.id)).map((s) => json(req, s)));
  });
  router.get('/projects/:id/surveys/:sid', async (req, res) => {
    res.json(json(req, (await surveys.get(currentUser(res), ...ids(req))).survey));
  });
  /*
   * Per department of the round: `n` the responses its figures cover (a multiple of 5; null when suppressed),
   * items, drives, themes, answers and a trend over all rounds. `responses` adds up the shown departments only.
   */
  router.get('/projects/:id/surveys/:sid/results', async (req, res) => {
    const { round } = parse(roundQuery, req.query);
    const r = await surveys.results(currentUser(res), ...ids(req), round);
    res.set('Cache-Control', 'no-store').json({
      round: r.round,
      rounds: r.rounds,
      responses: r.responses,
      departments: r.departments.map((d) =>
        d.suppressed
          ? { department: d.department, n: null, suppressed: true, trend: d.trend }
          : {
              department: d.department,
              n: d.n,
              suppressed: false,
              items: d.items,
              drives: d.drives,
              themes: d.themes,
              answers: d.answers,
              trend: d.trend,
            },
      ),
    });
  });
  router.post('/projects/:id/surveys/:sid/rounds', async (req, res) => {
    res.status(201).json(json(req, await surveys.newRound(currentUser(res), ...ids(req))));
  });
  router.post('/projects/:id/surveys/:sid/close', async (req, res) => {
    res.json(json(req, await surveys.close(currentUser(res), ...ids(req))));
  });
  router.delete('/projects/:id/surveys/:sid', async (req, res) => {
    await surveys.remove(currentUser(res), ...ids(req));
    res.status(204).end();
  });
  return router;
}
