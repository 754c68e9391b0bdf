import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { UserRecord } from '../../db/store';
import { AppError } from '../../errors';
import { HTTPS_REQUIRED, insecureLogin } from '../../http/auth';
import { loginFormToken, verifyFormToken } from '../../http/csrf';
import { parse } from '../../http/validate';
import type { LiveHub } from '../../services/live';
import type { SsoService } from '../../services/sso';
import type { UserService } from '../../services/users';

export const credentials = z.strictObject({ email: z.string().max(254), password: z.string().max(200) });
export const loginForm = z.object({
  email: z.string().max(254).default(''),
  password: z.string().max(200).default(''),
  next: z.string().optional(),
});
const GENERIC = 'E-mail address or password is not correct.';

const PASSWORD_OFF = 'Logging in with a password is switched off here. Log in with your organisation account at /login/sso.';

/**
 * What login and logout need besides the users: live streams end at logout; production needs HTTPS; whether the
 * password login is on; single sign-on (null: not configured).
 */
export type AuthDeps = { live: LiveHub; isProduction: boolean; passwordLogin: boolean; sso: SsoService | null };

/** Only our own paths: never an open redirect to another site. */
export const safeNext = (next: string | undefined, fallback = '') => (next && /^\/(?![/\\])/.test(next) ? next : fallback);
/** Where a login lands without a "next": trainers at their sessions, consultants at the drive reader. */
export const home = (user: UserRecord) => (user.role === 'consultant' ? '/reader' : '/trainer');

/** A new session id at login (no fixation), holding the user id and the login time (absolute lifetime). */
const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

export function logIn(req: Request, user: UserRecord, via: 'password' | 'sso' = 'password'): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((err) => {
      if (err) return reject(asError(err));
      req.session.userId = user.id;
      req.session.loginAt = Date.now();
      if (via === 'sso') req.session.sso = true;
      req.session.save((e) => (e ? reject(asError(e)) : resolve()));
    }),
  );
}
/** Ends the login session and, at once, its live streams on this instance (other instances notice on their heartbeat). */
function logOut(req: Request, live: LiveHub): Promise<void> {
  live.closeLogin(req.sessionID);
  return new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(asError(err)) : resolve())));
}
const publicUser = (u: UserRecord) => ({ email: u.email, name: u.name, role: u.role });

/** POST /api/login and /api/logout. */
export function authApi(users: UserService, limits: RequestHandler[], { live, isProduction, passwordLogin }: AuthDeps): Router {
  const router = Router({ caseSensitive: true });
  const secureOnly: RequestHandler = (req, _res, next) =>
    next(insecureLogin(isProduction, req) ? new AppError('https_required', HTTPS_REQUIRED) : undefined);
  const passwordOn: RequestHandler = (_req, _res, next) => next(passwordLogin ? undefined : new AppError('forbidden', PASSWORD_OFF));

  router.post('/api/login', passwordOn, secureOnly, ...limits, async (req, res) => {
    const { email, password } = parse(credentials, req.body ?? {});
    const user = await users.authenticate(email, password);
    if (!user) throw new AppError('unauthorized', GENERIC);
    await logIn(req, user);
    res.json({ user: publicUser(user) });
  });

  router.post('/api/logout', async (req, res) => {
    await logOut(req, live);
    res.status(204).end();
  });

  return router;
}

/** The login form and the logout button. */
export function authPages(users: UserService, limits: RequestHandler[], { live, isProduction, passwordLogin, sso }: AuthDeps): Router {
  const router = Router({ caseSensitive: true });
  // A page view stores nothing on the server: the form's CSRF token is a signed cookie, not a session.
  const token = loginFormToken(isProduction);
  type Extra = { passwordOff?: boolean; providerLogout?: string | null };
  const render = (
    req: Request,
    res: Response,
    status: number,
    values: { email: string },
    next: string | undefined,
    failed: boolean,
    extra: Extra = {},
  ) =>
    token.provide(req, res, () =>
      res.status(status).render('login', {
        values,
        next: safeNext(next),
        failed,
        insecure: insecureLogin(isProduction, req),
        passwordLogin,
        sso: Boolean(sso),
        passwordOff: extra.passwordOff ?? false,
        providerLogout: extra.providerLogout ?? null,
      }),
    );

  router.get('/login', async (req, res) => {
    // After logging out of a single sign-on login: offer to log out at the provider too (a link: the user decides).
    const providerLogout = req.query.out === 'sso' && sso ? await sso.endSessionUrl() : null;
    render(req, res, 200, { email: '' }, typeof req.query.next === 'string' ? req.query.next : undefined, false, { providerLogout });
  });

  // Password login switched off: the form is gone, and a post to it says so.
  router.post('/login', (req, res, next) => {
    if (passwordLogin) return next();
    const form = loginForm.safeParse(req.body ?? {});
    render(req, res, 403, { email: '' }, form.success ? form.data.next : undefined, false, { passwordOff: true });
  });

  // Over plain HTTP in production the form says why a login cannot work, before the (then missing) token is checked.
  const secureOnly: RequestHandler = (req, res, next) => {
    if (!insecureLogin(isProduction, req)) return next();
    const form = loginForm.safeParse(req.body ?? {});
    render(req, res, 403, { email: form.success ? form.data.email : '' }, form.success ? form.data.next : undefined, false);
  };

  router.post('/login', secureOnly, ...limits, token.verify, async (req, res) => {
    const form = loginForm.safeParse(req.body ?? {});
    const email = form.success ? form.data.email : '';
    const user = form.success ? await users.authenticate(form.data.email, form.data.password) : null;
    if (!user) return render(req, res, 401, { email }, form.success ? form.data.next : undefined, true);
    await logIn(req, user);
    res.redirect(303, safeNext(form.data!.next, home(user)));
  });

  router.post('/logout', verifyFormToken, async (req, res) => {
    const viaSso = req.session?.sso === true;
    await logOut(req, live);
    res.redirect(303, viaSso && sso ? '/login?out=sso' : '/login');
  });
  return router;
}
