import { Router, type Request, type RequestHandler, type Response } from 'express';
import { AppError } from '../../errors';
import { insecureLogin } from '../../http/auth';
import { SsoCallbackError, type SsoRefusal, type SsoService } from '../../services/sso';
import { home, logIn, safeNext } from './routes';

/*
 * GET /login/sso → the provider → GET /login/sso/callback. The state, nonce and PKCE verifier wait in the login
 * session (server-side, at most 10 minutes, see http/session.ts) and are removed at the first callback, so a
 * replayed or forged callback finds nothing to match.
 */
const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
const save = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((e) => (e ? reject(asError(e)) : resolve())));
/** Removes the started login: from a login session, or with the whole session when it held nothing else. */
const forgetPending = (req: Request) => {
  delete req.session.ssoPending;
  if (req.session.userId) return save(req);
  return new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(asError(e)) : resolve())));
};

const isDown = (e: unknown) => e instanceof AppError && e.code === 'unavailable';
type Problem = { status: 400 | 403 | 503; kind: 'callback' | 'insecure' | 'unavailable' | SsoRefusal; email?: string | null };
const problemPage = (res: Response, { status, kind, email = null }: Problem) => {
  // The callback cannot be loaded twice: the language switch goes to the login page instead of back here.
  res.locals.switchLang = { nl: '/login?lang=nl', en: '/login?lang=en' };
  res.status(status).render('sso-problem', { kind, email });
};

export function ssoPages(sso: SsoService, limits: RequestHandler[], isProduction: boolean): Router {
  const router = Router({ caseSensitive: true });
  // The secure login cookie cannot be set over plain HTTP in production: say so before going to the provider.
  const secureOnly: RequestHandler = (req, res, next) =>
    insecureLogin(isProduction, req) ? void problemPage(res, { status: 403, kind: 'insecure' }) : next();

  router.get('/login/sso', secureOnly, ...limits, async (req, res) => {
    const started = await sso.start().catch((e: unknown) => (isDown(e) ? null : Promise.reject(asError(e))));
    if (!started) return problemPage(res, { status: 503, kind: 'unavailable' });
    const { url, pending } = started;
    const next = safeNext(typeof req.query.next === 'string' ? req.query.next : undefined);
    req.session.ssoPending = { ...pending, next, startedAt: Date.now() };
    await save(req);
    res.redirect(303, url);
  });

  // Not rate-limited: without a started login it writes nothing; with one, the start was counted.
  router.get('/login/sso/callback', secureOnly, async (req, res) => {
    const pending = req.session.ssoPending;
    if (!pending) return problemPage(res, { status: 400, kind: 'callback' });
    // One-time, before anything else can fail: this state is never accepted again.
    await forgetPending(req);
    const at = req.originalUrl.indexOf('?');
    let result;
    try {
      result = await sso.finish(at < 0 ? '' : req.originalUrl.slice(at), pending);
    } catch (e) {
      if (e instanceof SsoCallbackError) return problemPage(res, { status: 400, kind: 'callback' });
      if (isDown(e)) return problemPage(res, { status: 503, kind: 'unavailable' });
      throw e;
    }
    if (result.status === 'refused') return problemPage(res, { status: 403, kind: result.reason, email: result.email });
    await logIn(req, result.user, 'sso');
    res.redirect(303, safeNext(pending.next, home(result.user)));
  });
  return router;
}
