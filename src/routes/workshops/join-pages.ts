import { bodyText } from '../../http/validate';
import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { CLIENT_COOKIE, type JoinLimits } from '../../http/rate-limits';
import { qrSvg } from '../../http/qr';
import type { AssessmentService } from '../../services/assessments';
import type { ParticipantStudio } from '../../services/studio-participant';
import { isWellFormedToken } from '../../services/tokens';
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode, type WorkshopService } from '../../services/workshops';
import { isInvisibleIssue, nameField } from '../fields';
import { cookiePolicy } from '../../http/cookies';
import { preferLanguage } from '../../http/lang';
import { joinUrlFor } from './api';

const codePattern = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
export const joinForm = z.object({ name: z.string().optional().default('').pipe(nameField), consent: z.literal('yes') });
const MONTH_MS = 30 * 24 * 3600 * 1000;

/** Participants join a workshop with its code: no account; a cookie and the private link bring them back. */
export function joinPages(
  workshops: WorkshopService,
  assessments: AssessmentService,
  config: Config,
  joinLimits: JoinLimits,
  studio: Pick<ParticipantStudio, 'hasExercises'>,
): Router {
  const router = Router({ caseSensitive: true });
  // A session with exercises is followed on the workshop screen (which leads to the questionnaire); else the questionnaire.
  const landing = async (workshopId: number | null, token: string) =>
    workshopId !== null && (await studio.hasExercises(workshopId)) ? `/w/${token}` : `/a/${token}`;
  const cookies = cookiePolicy(config.isProduction);
  const clientCookie = cookies.name(CLIENT_COOKIE);
  const resumeCookie = (code: string) => cookies.name(`dv.join.${code}`);

  // Each browser gets a random id, so join limits can tell the people behind one address apart.
  const ensureClientId = (req: Request, res: Response) => {
    if (!req.cookies?.[clientCookie]) res.cookie(clientCookie, randomBytes(12).toString('base64url'), cookies.options(MONTH_MS));
  };
  const codeParam = (req: Request) => {
    const code = normaliseCode(String(req.params.code ?? ''));
    if (!codePattern.test(code)) throw new AppError('not_found', 'There is no session with this code.');
    return code;
  };

  router.get('/join', (req, res) => {
    ensureClientId(req, res);
    res.render('join-code', { code: typeof req.query.code === 'string' ? req.query.code.slice(0, 12) : '', error: null });
  });

  router.post('/join', (req, res) => {
    const code = normaliseCode(bodyText(req.body, 'code').slice(0, 20));
    if (!codePattern.test(code)) return res.status(400).render('join-code', { code, error: 'join.errorCode' });
    res.redirect(303, `/join/${code}`);
  });

  router.get('/join/:code/qr.svg', async (req, res) => {
    const svg = await qrSvg(joinUrlFor(config, req, codeParam(req)));
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=3600').send(svg);
  });

  router.get('/join/:code', joinLimits.codeLookups, async (req, res) => {
    const code = codeParam(req);
    ensureClientId(req, res);
    // Back again (refresh, closed tab): continue where they were.
    const token = (req.cookies as Record<string, unknown> | undefined)?.[resumeCookie(code)];
    if (typeof token === 'string' && isWellFormedToken(token)) {
      const record = await assessments.load(token).catch(() => null);
      if (record) return res.redirect(303, await landing(record.workshopId, token));
    }
    const w = await workshops.joinable(code);
    preferLanguage(res, w.lang);
    res.render('join', { w: { code: w.code, title: w.title, anonymous: w.anonymous }, values: { name: '' }, errors: {} });
  });

  router.post('/join/:code', ...joinLimits((req) => normaliseCode(String(req.params.code ?? ''))), async (req, res) => {
    const code = codeParam(req);
    const w = await workshops.joinable(code);
    // The session's language, unless the participant chose one.
    preferLanguage(res, w.lang);
    const parsed = joinForm.safeParse(req.body ?? {});
    const name = parsed.success ? (parsed.data.name ?? null) : null;
    const errors: Record<string, string> = {};
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        errors[String(i.path[0])] =
          i.path[0] === 'consent' ? 'join.errorConsent' : isInvisibleIssue(i) ? 'names.errorInvisible' : 'start.errorName';
    } else if (!w.anonymous && !name) errors.name = 'join.errorName';
    if (Object.keys(errors).length) {
      const typed = bodyText(req.body, 'name');
      return res
        .status(400)
        .render('join', { w: { code: w.code, title: w.title, anonymous: w.anonymous }, values: { name: typed }, errors });
    }
    const { token, workshop } = await workshops.join(code, { name, lang: res.locals.lang as Lang });
    res.cookie(resumeCookie(code), token, cookies.options(MONTH_MS));
    preferLanguage(res, w.lang, { remember: true }); // so the questionnaire that follows speaks it too
    res.redirect(303, await landing(workshop.id, token));
  });
  return router;
}
