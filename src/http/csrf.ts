import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { AppError } from '../errors';

/**
 * Synchroniser-token CSRF protection for cookie-authenticated HTML forms: csrf-sync makes the token and
 * keeps it in the login session; we compare in constant time. JSON API requests are protected by
 * refuseCrossSite plus the JSON content type, which another site cannot send without a CORS preflight.
 */
const { generateToken, getTokenFromState } = csrfSync();

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const verifyFormToken: RequestHandler = (req: Request, _res, next) => {
  if (SAFE.has(req.method)) return next();
  const sent = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? req.get('x-csrf-token');
  const stored = getTokenFromState(req);
  const ok = typeof sent === 'string' && typeof stored === 'string' && sameSecret(sent, stored);
  next(ok ? undefined : new AppError('forbidden', 'This form has expired. Reload the page and try again.'));
};

/** Puts a CSRF token on res.locals for forms (creates one in the session when needed). */
export const provideFormToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = generateToken(req);
  next();
};
