import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { AppError } from '../errors';
import { cookiePolicy } from './cookies';

/**
 * Synchroniser-token CSRF protection for cookie-authenticated HTML forms: csrf-sync makes the token and
 * keeps it in the login session; we compare in constant time. JSON API requests are protected by
 * refuseCrossSite plus the JSON content type, which another site cannot send without a CORS preflight.
 */
const { generateToken, getTokenFromState } = csrfSync();

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const EXPIRED = 'This form has expired. Reload the page and try again.';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const sentToken = (req: Request): unknown => (req.body as { _csrf?: unknown } | undefined)?._csrf ?? req.get('x-csrf-token');

export const verifyFormToken: RequestHandler = (req: Request, _res, next) => {
  if (SAFE.has(req.method)) return next();
  const sent = sentToken(req);
  const stored = getTokenFromState(req);
  const ok = typeof sent === 'string' && typeof stored === 'string' && sameSecret(sent, stored);
  next(ok ? undefined : new AppError('forbidden', EXPIRED));
};

/** Puts a CSRF token on res.locals for forms (creates one in the session when needed). */
export const provideFormToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = generateToken(req);
  next();
};

const LOGIN_TOKEN_MS = 12 * 3600 * 1000;

/**
 * The login form has no login session yet, and a page view must store nothing on the server: its token is a
 * double-submit cookie, signed by cookie-parser with the session secret (cookieParser(secret) in app.ts) so
 * that nobody else can plant one, and __Host- prefixed in production so no subdomain can set it either.
 */
export function loginFormToken(secure: boolean) {
  const policy = cookiePolicy(secure);
  const name = policy.name('dv.login');
  const current = (req: Request): unknown => (req.signedCookies as Record<string, unknown> | undefined)?.[name];
  const provide: RequestHandler = (req, res, next) => {
    const kept = current(req);
    const token = typeof kept === 'string' && kept.length >= 32 ? kept : randomBytes(32).toString('base64url');
    res.cookie(name, token, { ...policy.options(LOGIN_TOKEN_MS), signed: true });
    res.locals.csrfToken = token;
    next();
  };
  const verify: RequestHandler = (req, _res, next) => {
    const sent = sentToken(req);
    const stored = current(req);
    const ok = typeof sent === 'string' && typeof stored === 'string' && sameSecret(sent, stored);
    next(ok ? undefined : new AppError('forbidden', EXPIRED));
  };
  return { provide, verify };
}
