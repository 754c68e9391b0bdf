import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';

/**
 * Synchroniser-token CSRF protection for cookie-authenticated HTML forms (csrf-sync, token in the
 * login session). JSON API requests are protected by refuseCrossSite plus the JSON content type,
 * which another site cannot send without a CORS preflight; they need no token.
 */
const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req: Request) => (req.body as { _csrf?: string } | undefined)?._csrf ?? req.get('x-csrf-token'),
});

export const verifyFormToken: RequestHandler = csrfSynchronisedProtection;

/** Puts a CSRF token on res.locals for forms (creates one in the session when needed). */
export const provideFormToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = generateToken(req);
  next();
};
