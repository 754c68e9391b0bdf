import express, { type Express } from 'express';
import compression from 'compression';
import type { Logger } from 'pino';
import type { Config } from './config';
import { loadContent, type Content } from './content/load';
import type { Store } from './db/store';
import { writeFailures } from './db/errors';
import { createLogger } from './logger';
import { requestLog } from './http/request-log';
import { VIEWS_DIR } from './paths';
import { createServices } from './services';
import type { LiveClock, LiveHub } from './services/live';
import { createPasswords, type Passwords } from './services/passwords';
import { createSsoService } from './services/sso';
import { apiHeaders, securityHeaders, refuseCrossSite } from './http/security';
import { loginSession } from './http/session';
import { requireJsonBody } from './http/validate';
import { createPageCache } from './http/page-cache';
import { assessmentLimit, createJoinLimits, loginLimits, surveyResponseLimit } from './http/rate-limits';
import { errorHandler, logFailure, notFoundHandler } from './http/error-handler';
import { saveAnswersHandler } from './routes/assessments/api';
import type { Shared } from './routes/login-areas';
import { mountApi } from './routes/mount-api';
import { mountPages } from './routes/mount-pages';
import { createMailer } from './services/mail';
import { emailTarget, mailLimits } from './http/mail-limits';
import { createAdminUsers } from './services/admin-users';
import { createAccountLinks } from './services/account-links';

/**
 * `passwords`: the password hasher (default: as configured); tests pass one whose hashing they control.
 * `now`: the clock /healthz reads (tests move it on). `liveClock`: the live hub's time (tests move it on).
 */
export type AppDeps = {
  db: Store;
  config: Config;
  content?: Content;
  logger?: Logger;
  live?: LiveHub;
  liveClock?: LiveClock;
  passwords?: Passwords;
  now?: () => number;
};
export type App = Express & { live: LiveHub };

/** After a failed write, /healthz answers 503 this long, so a load balancer stops sending traffic. */
const WRITE_FAILURE_WINDOW_MS = 60_000;
/** Builds the Express app; never listens (see server.ts). `app.live` ends live streams on shutdown. */
export function createApp({
  db,
  config,
  content = loadContent(config.dataDir),
  logger = createLogger(config.logLevel),
  live,
  liveClock,
  passwords = createPasswords(config.passwords),
  now = Date.now,
}: AppDeps): App {
  const app = express() as App;
  // /P/<token> must not reach the profile route: paths are matched exactly as the log redaction sees them.
  // Before any route (the app's router is made on first use); each Router is made with caseSensitive too.
  app.set('case sensitive routing', true);
  app.disable('x-powered-by');
  // No automatic ETag (a hash of every response body): the pages that can be reused set their own.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  // Templates compile once, except in development where edits should show on reload.
  app.set('view cache', config.env !== 'development');

  const failures = writeFailures(now);
  const services = createServices(db, content, live, passwords, liveClock, {
    onError: (err, event) => logger.error({ err, event }, 'audit record could not be written'),
  });
  // Shutdown ends every live stream: dashboards, the studio's exercise streams and the phones'.
  app.live = {
    ...services.hub,
    closeAll() {
      services.hub.closeAll();
      services.studioHub.closeAll();
      services.phoneHub.closeAll();
      services.studio.stop();
    },
  };
  // Only the relay's error code reaches the log: its message can name the recipient (a participant's address).
  const mailFailed = (err: unknown) => {
    const { code, responseCode, command } = (err ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
    logger.warn({ mailError: { code, responseCode, command } }, 'an e-mail could not be sent');
  };
  const mailer = createMailer(config.mail, mailFailed);
  const accounts = {
    admin: createAdminUsers({ store: db, users: services.users, mailer, live: services.hub, content, audit: services.audit }),
    links: createAccountLinks({
      store: db,
      passwords,
      mailer,
      live: services.hub,
      content,
      onBackgroundFailure: mailFailed,
      audit: services.audit,
    }),
    // Per client address and per target: the e-mail address of a reset, the private link of a participant.
    resetLimits: mailLimits(config, db.rateLimits, 'reset', emailTarget),
    privateLinkLimits: mailLimits(config, db.rateLimits, 'private-link', (req) => `link:${String(req.params.token)}`),
  };
  const shared: Shared = {
    accounts,
    config,
    content,
    services,
    // Login sessions only where they are used: participants' hot paths stay free of session lookups.
    session: loginSession(config, db.loginSessions, (err) => logFailure(logger, failures, err, 'could not extend a login session')),
    profileCache: createPageCache(),
    creationLimit: assessmentLimit(config, db.rateLimits),
    loginLimits: loginLimits(config, db.rateLimits),
    joinLimits: createJoinLimits(config, db.rateLimits),
    surveyLimit: surveyResponseLimit(config, db.rateLimits, (req) => String(req.params.code ?? '')),
    sso: config.sso ? createSsoService(db, config.sso, services.audit) : null,
  };

  // Request logs at level info; below that (LOG_LEVEL=warn) the per-request logger is not even set up.
  if (logger.isLevelEnabled('info')) app.use(requestLog(logger));
  // Saving an answer first, with only the middleware it needs: it is by far the most frequent request.
  app.put(
    '/api/assessments/:token/answers',
    apiHeaders(config.isProduction),
    refuseCrossSite,
    requireJsonBody,
    express.json({ limit: '100kb' }),
    saveAnswersHandler(services.assessments),
  );
  app.use(securityHeaders(config.isProduction, '/api/'));
  // Compression for pages, JSON and assets, but never for the live event stream (it would be buffered).
  app.use(
    compression({
      filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
    }),
  );

  // For load balancers and monitoring: 200 when the database answers and takes writes; 503 when it does
  // not answer, or for a minute after a write failed (a full disk answers reads but stores nothing).
  app.get('/healthz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      await db.ping();
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'not answering' });
      return;
    }
    const ago = failures.since(WRITE_FAILURE_WINDOW_MS);
    if (ago === null) {
      res.json({ status: 'ok', database: 'ok' });
      return;
    }
    const reason = `A write failed ${Math.round(ago / 1000)} s ago (disk full, read-only or unreachable); healthy again once no write has failed for ${WRITE_FAILURE_WINDOW_MS / 1000} s.`;
    res.status(503).json({ status: 'unavailable', database: 'cannot write', reason });
  });
  mountApi(app, shared);
  mountPages(app, shared);
  app.use(notFoundHandler);
  app.use(errorHandler(logger, failures));
  return app;
}
