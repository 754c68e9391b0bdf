import type { RequestHandler } from 'express';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';

/** Admin routes are invisible to everyone else: a trainer or consultant gets the same 404 as for a page that does not exist. */
export const adminOnly: RequestHandler = (_req, res, next) =>
  next(currentUser(res).role === 'admin' ? undefined : new AppError('not_found', 'This page does not exist.'));
