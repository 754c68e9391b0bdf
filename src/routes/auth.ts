import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { UserRecord } from '../db/store';
import { AppError } from '../errors';
import { provideFormToken, verifyFormToken } from '../http/csrf';
import { parse } from '../http/validate';
import type { UserService } from '../services/users';

export const credentials = z.strictObject({ email: z.string().max(254), password: z.string().max(200) });
export const loginForm = z.object({ email: z.string().max(254).default(''), password: z.string().max(200).default(''), next: z.string().optional() });
const GENERIC = 'E-mail address or password is not correct.';

/** Only our own paths: never an open redirect to another site. */
const safeNext = (next: string | undefined, fallback = '') => (next && /^\/(?![/\\])/.test(next) ? next : fallback);
/** Where a login lands without a "next": trainers at their sessions, consultants at the drive reader. */
const home = (user: UserRecord) => (user.role === 'consultant' ? '/reader' : '/trainer');

/** A new session id at login (no fixation), holding only the user id. */
function logIn(req: Request, user: UserRecord): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.userId = user.id;
      req.session.save((e) => (e ? reject(e) : resolve()));
    }),
  );
}
const logOut = (req: Request) => new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
const publicUser = (u: UserRecord) => ({ email: u.email, name: u.name, role: u.role });

/** POST /api/login and /api/logout. */
export function authApi(users: UserService, limits: RequestHandler[]): Router {
  const router = Router({ caseSensitive: true });

  router.post('/api/login', ...limits, async (req, res) => {
    const { email, password } = parse(credentials, req.body ?? {});
    const user = await users.authenticate(email, password);
    if (!user) throw new AppError('unauthorized', GENERIC);
    await logIn(req, user);
    res.json({ user: publicUser(user) });
  });

  router.post('/api/logout', async (req, res) => {
    await logOut(req);
    res.status(204).end();
  });

  return router;
}

/** The login form and the logout button. */
export function authPages(users: UserService, limits: RequestHandler[]): Router {
  const router = Router({ caseSensitive: true });

  router.get('/login', provideFormToken, (req, res) => {
    res.render('login', { values: { email: '' }, next: safeNext(typeof req.query.next === 'string' ? req.query.next : undefined), failed: false });
  });

  router.post('/login', ...limits, verifyFormToken, async (req, res) => {
    const form = loginForm.safeParse(req.body ?? {});
    const email = form.success ? form.data.email : '';
    const user = form.success ? await users.authenticate(form.data.email, form.data.password) : null;
    if (!user) {
      provideFormToken(req, res, () => undefined);
      return res.status(401).render('login', { values: { email }, next: safeNext(form.success ? form.data.next : undefined), failed: true });
    }
    await logIn(req, user);
    res.redirect(303, safeNext(form.data!.next, home(user)));
  });

  router.post('/logout', verifyFormToken, async (req, res) => {
    await logOut(req);
    res.redirect(303, '/login');
  });
  return router;
}
