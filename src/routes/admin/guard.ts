import type { RequestHandler } from 'express';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';

/**
 * Admin areas answer a trainer or consultant with a 404, not a 403: they need not learn that the page exists.
 * Mounted after requireUser (any role), so a visitor without a login is still sent to the login.
 */
export const adminOnly: RequestHandler = (_req, res, next) =>
  next(currentUser(res).role === 'admin' ? undefined : new AppError('not_found', 'Not found.'));
