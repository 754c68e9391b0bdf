import { createHmac, hkdfSync } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator, type Options, type Store } from 'express-rate-limit';
import type { Config } from '../config';
import type { RateLimitRepo } from '../db/store';
import { AppError } from '../errors';
import { cookiePolicy } from './cookies';
import { bodyText } from './validate';
import { onErrorResponse } from './error-hooks';

/*
 * Rate limits count in the database (rate_limits), so several instances share them and a restart
 * does not reset them. Joins are keyed on session code + address + browser, so a whole room behind
 * one NAT address can join while one client cannot flood a session; a ceiling per code + address
 * stops a cookie-dropping bot.
 */

/**
 * The key for the counters' names, derived from SESSION_SECRET: every instance on one database has the same
 * secret, so their counters meet. A plain digest of an IPv4 address can be reversed by trying all 2^32
 * addresses; without this key nobody can. (In development the session secret is random per start, so the
 * counters start over with the server: harmless there.)
 */
export function rateLimitKey(config: Config): Buffer {
  return Buffer.from(hkdfSync('sha256', config.sessionSecret(), 'drijfveer', 'rate-limit keys', 32));
}

/**
 * express-rate-limit's store over our repository; one per limiter, told apart by `prefix`. Keys are
 * stored as an HMAC-SHA256 with the server's secret (rateLimitKey): no e-mail address or IP address in
 * the table, none that can be worked back, and no request-made string (any length, any character)
 * reaches the database as a key.
 */
export function dbStore(repo: RateLimitRepo, prefix: string, secret: Buffer): Store {
  let windowMs = MINUTE;
  const stored = (key: string) => prefix + createHmac('sha256', secret).update(key).digest('base64url');
  return {
    prefix,
    localKeys: false,
    init: (options: Options) => void (windowMs = options.windowMs),
    async increment(key) {
      const { hits, resetAt } = await repo.hit(stored(key), windowMs, Date.now());
      return { totalHits: hits, resetTime: new Date(resetAt) };
    },
    decrement: (key) => repo.undo(stored(key), Date.now()),
    resetKey: (key) => repo.reset(stored(key)),
  };
}
const MINUTE = 60 * 1000;
const tooMany =
  (message: string): RequestHandler =>
  (_req, _res, next) =>
    next(new AppError('too_many_requests', message));
const ip = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
export const CLIENT_COOKIE = 'dv.client';

export function loginLimits(config: Config, repo: RateLimitRepo): RequestHandler[] {
  const message = 'Too many login attempts. Wait a few minutes and try again.';
  const secret = rateLimitKey(config);
  return [
    rateLimit({
      windowMs: 15 * MINUTE,
      limit: config.rateLimits.loginPerIp,
      keyGenerator: ip,
      handler: tooMany(message),
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store: dbStore(repo, 'login-ip:', secret),
    }),
    rateLimit({
      store: dbStore(repo, 'login-email:', secret),
      windowMs: 15 * MINUTE,
      limit: config.rateLimits.loginPerEmail,
      skipSuccessfulRequests: true,
      keyGenerator: (req) => `email:${bodyText(req.body, 'email').trim().toLowerCase()}`,
      handler: tooMany(message),
      standardHeaders: 'draft-8',
      legacyHeaders: false,
    }),
  ];
}

/**
 * The join limits of one route, given how it finds the session code (and which requests are not joins);
 * `codeLookups` alone for routes that only look a code up (the join page).
 */
export type JoinLimits = ((codeOf: (req: Request) => string, skip?: (req: Request) => boolean) => RequestHandler[]) & {
  codeLookups: RequestHandler;
};

/**
 * Unknown session codes per client address: the join limits count per code, so without this one address
 * could try code after code. Only failed look-ups (404) count, and they count when they have failed: a room
 * of 300 behind one address joining at once must not be refused for the look-ups still in flight (which
 * express-rate-limit's skipSuccessfulRequests counts until they end). Past the limit every look-up from that
 * address is refused, as a known code must not answer differently from an unknown one. (Parallel guesses can
 * pass the limit by as many as are in flight at once; against 31^6 codes that buys nothing.)
 */
export function codeLookupLimit(config: Config, repo: RateLimitRepo): RequestHandler {
  const secret = rateLimitKey(config);
  const windowMs = 10 * MINUTE;
  const limit = config.rateLimits.codeLookupsPerAddress;
  const message = 'Too many unknown session codes from this address. Wait a few minutes and check the code with your trainer.';
  const keyOf = (req: Request) => `code-lookup:${createHmac('sha256', secret).update(ip(req)).digest('base64url')}`;
  return (req, res, next) => {
    const key = keyOf(req);
    repo.peek(key, Date.now()).then((hits) => {
      if (hits >= limit) return next(new AppError('too_many_requests', message, undefined, { retryAfterSeconds: windowMs / 1000 }));
      // Counted before the 404 goes out (see errorHandler), so the next guess already sees it.
      onErrorResponse(res, (status) =>
        status === 404
          ? repo.hit(key, windowMs, Date.now()).then(
              () => undefined,
              () => undefined,
            )
          : undefined,
      );
      next();
    }, next);
  };
}

/** One set of join limits for the app: the join page, the join API and code look-ups share the counts. */
export function createJoinLimits(config: Config, repo: RateLimitRepo): JoinLimits {
  const codeLookups = codeLookupLimit(config, repo);
  const make = (codeOf: (req: Request) => string, skip: (req: Request) => boolean = () => false): RequestHandler[] => [
    (req, res, next) => (skip(req) ? next() : codeLookups(req, res, next)),
    ...joinLimits(config, repo, codeOf, skip),
  ];
  return Object.assign(make, { codeLookups });
}

export function joinLimits(
  config: Config,
  repo: RateLimitRepo,
  codeOf: (req: Request) => string,
  skip: (req: Request) => boolean = () => false,
): RequestHandler[] {
  const message = 'Too many joins from this device. Wait a few minutes and try again.';
  const common = { windowMs: 10 * MINUTE, handler: tooMany(message), standardHeaders: 'draft-8' as const, legacyHeaders: false, skip };
  const cookie = cookiePolicy(config.isProduction).name(CLIENT_COOKIE);
  const secret = rateLimitKey(config);
  const client = (req: Request) => String((req.cookies as Record<string, string> | undefined)?.[cookie] ?? 'none').slice(0, 64);
  return [
    rateLimit({
      ...common,
      store: dbStore(repo, 'join-client:', secret),
      limit: config.rateLimits.joinPerClient,
      keyGenerator: (req) => `${codeOf(req)}|${ip(req)}|${client(req)}`,
    }),
    rateLimit({
      ...common,
      store: dbStore(repo, 'join-address:', secret),
      limit: config.rateLimits.joinPerAddress,
      keyGenerator: (req) => `${codeOf(req)}|${ip(req)}`,
    }),
  ];
}

/**
 * New self-assessments per client address, shared by the API and the start form. It skips nothing itself:
 * the API passes joins (with a session code) to the join limits instead; the start form never joins.
 */
export function assessmentLimit(config: Config, repo: RateLimitRepo): RequestHandler {
  return rateLimit({
    store: dbStore(repo, 'create:', rateLimitKey(config)),
    windowMs: 10 * MINUTE,
    limit: config.rateLimits.assessmentsPerIp,
    keyGenerator: ip,
    handler: tooMany('Too many new questionnaires from this address. Wait a few minutes and try again.'),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
  });
}

/**
 * Pulse survey responses per survey code and client address (req.ip: a forged X-Forwarded-For only counts where
 * TRUST_PROXY trusts it). Generous, as a whole office may answer from one address; it stops a script flooding a survey.
 */
export function surveyResponseLimit(config: Config, repo: RateLimitRepo, codeOf: (req: Request) => string): RequestHandler {
  return rateLimit({
    store: dbStore(repo, 'survey:', rateLimitKey(config)),
    windowMs: 60 * MINUTE,
    limit: config.rateLimits.surveyResponsesPerAddress,
    keyGenerator: (req) => `${codeOf(req).toUpperCase().slice(0, 20)}|${ip(req)}`,
    handler: tooMany('Too many responses from this address. Wait a while and try again.'),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
  });
}
