import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import type { RateLimitRepo } from '../db/store';
import { AppError } from '../errors';
import { dbStore, rateLimitKey } from './rate-limits';
import { bodyText } from './validate';

const HOUR = 3600 * 1000;
const MESSAGE = 'Too many e-mails asked for. Wait an hour and try again.';

/**
 * Mails that visitors can ask for (password resets, private links) cost a relay's reputation: at most so many per
 * client address (req.ip, which honours TRUST_PROXY only: a forged X-Forwarded-For does not change it) and per
 * target (the e-mail address, or the private link), in the database so every instance counts together.
 */
export function mailLimits(config: Config, repo: RateLimitRepo, prefix: string, targetOf: (req: Request) => string): RequestHandler[] {
  const secret = rateLimitKey(config);
  const common = {
    windowMs: HOUR,
    handler: ((_req, _res, next) =>
      next(new AppError('too_many_requests', MESSAGE, undefined, { retryAfterSeconds: 3600 }))) as RequestHandler,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
  };
  return [
    rateLimit({
      ...common,
      store: dbStore(repo, `${prefix}-ip:`, secret),
      limit: config.rateLimits.mailPerIp,
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    }),
    rateLimit({
      ...common,
      store: dbStore(repo, `${prefix}-target:`, secret),
      limit: config.rateLimits.mailPerEmail,
      keyGenerator: targetOf,
    }),
  ];
}

/** The e-mail field of a form or JSON body, as the limits count it. */
export const emailTarget = (req: Request): string => `email:${bodyText(req.body, 'email').trim().toLowerCase()}`;
