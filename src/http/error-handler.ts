import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError } from '../errors';
import { zodFieldErrors } from './validate';
import { DEFAULT_LANG } from '../domain/drives';
import { dbErrorKind, type WriteFailures } from '../db/errors';
import { beforeErrorResponse } from './error-hooks';

/** Maps body-parser and database errors to AppError; anything else is an internal error. */
function normalize(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; code?: string; limit?: number };
  if (err instanceof z.ZodError) return new AppError('validation_failed', 'The request is not valid.', { fields: zodFieldErrors(err) });
  if (e?.type === 'entity.too.large') {
    return new AppError('payload_too_large', `The request body is too large (at most ${Math.round((e.limit ?? 102_400) / 1024)} kB).`);
  }
  if (e?.type === 'entity.parse.failed') return new AppError('invalid_json', 'The request body is not valid JSON.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new AppError('unsupported_media_type', 'The request body has an unsupported encoding.');
  }
  const db = dbErrorKind(err);
  if (db === 'bad_text')
    return new AppError('validation_failed', 'The request contains a character that cannot be stored (such as a null character).');
  if (db === 'busy') return new AppError('unavailable', 'The database is busy. Nothing was lost; please try again in a moment.');
  if (db === 'cannot_write') {
    return new AppError(
      'unavailable',
      'The database cannot store anything right now (disk full, read-only or unreachable). What was saved before is safe; nothing from this request was saved. Please try again later.',
    );
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return new AppError('bad_request', 'The request could not be understood.');
  return new AppError('internal', 'Something went wrong on our side.');
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'This page does not exist.'));
};

/**
 * Logs a failure once. A database that is busy or cannot write is an expected condition, not a bug:
 * its code and message are enough (no stack trace, and a full disk is not filled further with them).
 * A 'cannot_write' error is also remembered for /healthz.
 */
export function logFailure(logger: Logger, failures: WriteFailures, err: unknown, msg: string): void {
  failures.note(err);
  const kind = dbErrorKind(err);
  if (kind === null) return logger.error({ err }, msg);
  const { name, code, message } = err as { name?: string; code?: unknown; message?: string };
  // Not under `err`: pino's error serializer would add an empty stack.
  logger[kind === 'busy' ? 'warn' : 'error']({ dbError: { type: name, code, message } }, msg);
}

/** The one error handler: JSON under /api, a friendly page elsewhere; never a stack trace. */
export function errorHandler(logger: Logger, failures: WriteFailures): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const error = normalize(err);
    if (error.status >= 500) logFailure(logger, failures, err, res.headersSent ? 'failed after the response was sent' : 'request failed');
    if (res.headersSent) return res.end();
    void beforeErrorResponse(res, error.status)
      .then(() => respond(error, req, res))
      .catch((failure: unknown) => {
        logFailure(logger, failures, failure, 'the error page failed');
        if (!res.headersSent) res.status(500).end();
      });
  };
}

function respond(error: AppError, req: Parameters<ErrorRequestHandler>[1], res: Parameters<ErrorRequestHandler>[2]): void {
  if (res.headersSent || res.writableEnded) return; // the client went away meanwhile
  res.status(error.status);
  if (error.options.retryAfterSeconds !== undefined) res.set('Retry-After', String(error.options.retryAfterSeconds));
  if (req.originalUrl.startsWith('/api/')) {
    res.json({ error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } });
    return;
  }
  res.set('Cache-Control', 'no-store');
  const locals = res.locals as { t?: (key: string) => string; lang?: string; switchLang?: Record<string, string> };
  const t = locals.t ?? ((k: string) => k);
  const known = [400, 403, 404, 409, 413, 429, 503].includes(error.status) ? error.status : 500;
  res.render('error', {
    lang: locals.lang ?? DEFAULT_LANG,
    t,
    switchLang: locals.switchLang ?? { nl: '/?lang=nl', en: '/?lang=en' },
    status: error.status,
    title: t(`errors.${known}.title`),
    message: t(`errors.${known}.message`),
  });
}
