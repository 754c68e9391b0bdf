import type { Request, RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { Config } from '../config';
import { AppError } from '../errors';
import { cookiePolicy } from './cookies';

/*
 * Rate limits live in memory, per app instance (documented in the README). Joins are keyed on
 * session code + address + browser, so a whole room behind one NAT address can join while one
 * client cannot flood a session; a ceiling per code + address stops a cookie-dropping bot.
 */
const MINUTE = 60 * 1000;
const tooMany = (message: string): RequestHandler => (_req, _res, next) => next(new AppError('too_many_requests', message));
const ip = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
export const CLIENT_COOKIE = 'dv.client';

export function loginLimits(config: Config): RequestHandler[] {
  const message = 'Too many login attempts. Wait a few minutes and try again.';
  return [
    rateLimit({ windowMs: 15 * MINUTE, limit: config.rateLimits.loginPerIp, keyGenerator: ip, handler: tooMany(message), standardHeaders: 'draft-8', legacyHeaders: false }),
    rateLimit({
      windowMs: 15 * MINUTE,
      limit: config.rateLimits.loginPerEmail,
      skipSuccessfulRequests: true,
      keyGenerator: (req) => `email:${String((req.body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase()}`,
      handler: tooMany(message),
      standardHeaders: 'draft-8',
      legacyHeaders: false,
    }),
  ];
}

export function joinLimits(config: Config, codeOf: (req: Request) => string, skip: (req: Request) => boolean = () => false): RequestHandler[] {
  const message = 'Too many joins from this device. Wait a few minutes and try again.';
  const common = { windowMs: 10 * MINUTE, handler: tooMany(message), standardHeaders: 'draft-8' as const, legacyHeaders: false, skip };
  const cookie = cookiePolicy(config.isProduction).name(CLIENT_COOKIE);
  const client = (req: Request) => String((req.cookies as Record<string, string> | undefined)?.[cookie] ?? 'none').slice(0, 64);
  return [
    rateLimit({ ...common, limit: config.rateLimits.joinPerClient, keyGenerator: (req) => `${codeOf(req)}|${ip(req)}|${client(req)}` }),
    rateLimit({ ...common, limit: config.rateLimits.joinPerAddress, keyGenerator: (req) => `${codeOf(req)}|${ip(req)}` }),
  ];
}

/** New self-assessments per client address, shared by the API and the start form; joins (with a session code) have their own limits. */
export function assessmentLimit(config: Config): RequestHandler {
  const skip = (req: Request) => Boolean((req.body as { sessionCode?: unknown } | undefined)?.sessionCode);
  return rateLimit({
    windowMs: 10 * MINUTE,
    limit: config.rateLimits.assessmentsPerIp,
    keyGenerator: ip,
    skip,
    handler: tooMany('Too many new questionnaires from this address. Wait a few minutes and try again.'),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
  });
}
