import type { Request, Response } from 'express';
import type { SurveyRecord } from '../../db/store';
import { cookiePolicy } from '../../http/cookies';

const YEAR_MS = 365 * 86_400_000;

/**
 * What stops a double submission, and nothing more: after a response the browser keeps a cookie per survey
 * holding the round it answered (a number, no id, nothing stored on our side). The same browser cannot answer
 * that round again; a new round may be answered. Someone who clears cookies can answer twice: a pulse survey
 * without accounts cannot prevent that, the rate limit per address bounds it.
 */
export function answeredCookie(secure: boolean) {
  const policy = cookiePolicy(secure);
  const name = (s: SurveyRecord) => policy.name(`dv.survey.${s.code}`);
  return {
    answered: (req: Request, s: SurveyRecord) => (req.cookies as Record<string, unknown> | undefined)?.[name(s)] === String(s.round),
    remember: (res: Response, s: SurveyRecord, round: number) => res.cookie(name(s), String(round), policy.options(YEAR_MS)),
  };
}
