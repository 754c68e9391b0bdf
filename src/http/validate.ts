import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors';

export type FieldErrors = { field: string; message: string }[];

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

/** Parses input with a zod schema or throws a 400 naming each bad field. */
/** A text field of a parsed body as typed, or '' when it is missing or not text (for echoing a form back). */
export function bodyText(body: unknown, key: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '';
}

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('validation_failed', 'The request is not valid.', { fields: zodFieldErrors(result.error) });
  return result.data;
}

/** API writes with a body must be JSON; a form or text body gets a clear 415 instead of a confusing 400. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody =
    req.get('content-length') !== undefined ? Number(req.get('content-length')) > 0 : req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    return next(new AppError('unsupported_media_type', 'Send the request body as application/json.'));
  }
  next();
};
