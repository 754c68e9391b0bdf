import type { Request, RequestHandler, Response } from 'express';
import type { Role, UserRecord } from '../db/store';
import { AppError } from '../errors';
import type { UserService } from '../services/users';

export const currentUser = (res: Response): UserRecord => res.locals.user as UserRecord;

/**
 * Requires a logged-in user with one of the roles. The API answers 401/403; pages send
 * people without a login to /login and back.
 */
export function requireUser(users: UserService, roles: readonly Role[]): RequestHandler {
  return async (req: Request, res, next) => {
    const id = req.session?.userId;
    const found = id ? await users.byId(id) : null;
    // A deactivated user is logged out everywhere at once; should a login session survive, it opens nothing.
    const user = found?.status === 'active' ? found : null;
    if (!user) {
      if (req.originalUrl.startsWith('/api/')) return next(new AppError('unauthorized', 'Log in first.'));
      return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
    }
    if (!roles.includes(user.role)) return next(new AppError('forbidden', 'Your role does not allow this.'));
    res.locals.user = user;
    next();
  };
}

export const HTTPS_REQUIRED =
  'Logging in needs HTTPS: this request came over plain HTTP, so the browser would not keep the secure login cookie. ' +
  'Run the app behind a TLS proxy (HTTPS) and set TRUST_PROXY so the app sees the secure connection (see docs/deploy.md).';

/** In production the login cookie is Secure; over plain HTTP a login would "succeed" without one, so say why instead. */
export const insecureLogin = (isProduction: boolean, req: Request): boolean => isProduction && !req.secure;
