import cookieParser from 'cookie-parser';
import { Router, type RequestHandler } from 'express';
import { AppError } from '../../errors';
import { parse } from '../../http/validate';
import type { SurveyService } from '../../services/surveys';
import { answeredCookie } from './answered-cookie';
import { responseBody } from './schemas';

/** The survey's public JSON routes (no login): its statements, and posting a response. */
export function surveyPublicApi(
  surveys: SurveyService,
  limits: { codeLookups: RequestHandler; responses: RequestHandler },
  secure: boolean,
): Router {
  const router = Router({ caseSensitive: true });
  const cookie = answeredCookie(secure);

  router.get('/api/surveys/:code', limits.codeLookups, async (req, res) => {
    const s = await surveys.byCode(String(req.params.code));
    res.set('Cache-Control', 'no-store').json({
      title: s.title,
      lang: s.lang,
      status: s.status,
      round: s.round,
      departments: s.departments,
      statements: surveys.statements(s.lang),
      scale: surveys.scale(s.lang),
    });
  });

  router.post('/api/surveys/:code/responses', limits.codeLookups, limits.responses, cookieParser(), async (req, res) => {
    const s = await surveys.byCode(String(req.params.code));
    const body = parse(responseBody, req.body ?? {});
    if (cookie.answered(req, s)) throw new AppError('conflict', 'This browser has already answered this round.');
    const { round } = await surveys.respond(String(req.params.code), body);
    cookie.remember(res, s, round);
    res.status(201).json({ round });
  });
  return router;
}
