import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import compression from 'compression';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Config } from './config';
import { loadContent, type Content } from './content/load';
import type { Role, Store } from './db/store';
import { writeFailures } from './db/errors';
import { createLogger, redactUrl } from './logger';
import { PUBLIC_DIR, ROOT_DIR, VIEWS_DIR } from './paths';
import { createServices, type Services } from './services';
import type { LiveClock, LiveHub } from './services/live';
import { createPasswords, type Passwords } from './services/passwords';
import { apiHeaders, securityHeaders, refuseCrossSite } from './http/security';
import { pageLanguage } from './http/lang';
import { cookiePolicy } from './http/cookies';
import { loginSession } from './http/session';
import { requireUser } from './http/auth';
import { assetVersion } from './http/assets';
import { requireJsonBody } from './http/validate';
import { createPageCache, type PageCache } from './http/page-cache';
import { assessmentLimit, createJoinLimits, loginLimits, type JoinLimits } from './http/rate-limits';
import { errorHandler, logFailure, notFoundHandler } from './http/error-handler';
import { modelApi } from './routes/assessments/model-api';
import { assessmentsApi, saveAnswersHandler } from './routes/assessments/api';
import { authApi, authPages } from './routes/auth/routes';
import { workshopsApi } from './routes/workshops/api';
import { workshopEvents } from './routes/workshops/events';
import { consultantApi } from './routes/toolkit/api';
import { startPages } from './routes/assessments/start-pages';
import { questionnairePages } from './routes/assessments/questionnaire-pages';
import { profileActions, profilePage } from './routes/assessments/profile-pages';
import { joinPages } from './routes/workshops/join-pages';
import { trainerPages } from './routes/workshops/pages';
import { readerPages } from './routes/toolkit/reader-pages';
import { myPages } from './routes/toolkit/me-pages';
import { projectPages } from './routes/projects/pages';
import { statsApi } from './routes/stats/api';
import { statsPages } from './routes/stats/pages';
import { driveStylesheet } from './presenters/drive-styles';

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

const CHART_JS_ROOT = path.join(ROOT_DIR, 'node_modules', 'chart.js');
const chartJsVersion = (): string =>
  (JSON.parse(fs.readFileSync(path.join(CHART_JS_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** After a failed write, /healthz answers 503 this long, so a load balancer stops sending traffic. */
const WRITE_FAILURE_WINDOW_MS = 60_000;
const TRAINERS = ['trainer', 'admin'] as const;
const EVERYONE = ['consultant', 'trainer', 'admin'] as const;

/**
 * An area behind a login: its paths, the roles it needs (none: the login itself) and its routers, mounted at
 * `mount` (routers that name full paths) or else at the paths. Login sessions are read for exactly these
 * paths, so the list cannot drift from the mounts and participants' hot paths stay free of session lookups.
 */
type LoginArea = { paths: string[]; roles?: readonly Role[]; mount?: string; routers: RequestHandler[] };
function mountLoginAreas(app: Express, session: RequestHandler, users: Services['users'], areas: LoginArea[]): void {
  app.use(
    areas.flatMap((a) => a.paths),
    session,
  );
  for (const a of areas) {
    if (a.roles) app.use(a.paths, requireUser(users, a.roles));
    app.use(a.mount ?? a.paths, ...a.routers);
  }
}
type Shared = {
  config: Config;
  content: Content;
  services: Services;
  session: RequestHandler;
  profileCache: PageCache;
  creationLimit: RequestHandler;
  /** One set of login limits for the form and the API, so neither is a way around the other. */
  loginLimits: RequestHandler[];
  joinLimits: JoinLimits;
};

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
  const services = createServices(db, content, live, passwords, liveClock);
  app.live = services.hub;
  const shared: Shared = {
    config,
    content,
    services,
    // Login sessions only where they are used: participants' hot paths stay free of session lookups.
    session: loginSession(config, db.loginSessions, (err) => logFailure(logger, failures, err, 'could not extend a login session')),
    profileCache: createPageCache(),
    creationLimit: assessmentLimit(config, db.rateLimits),
    loginLimits: loginLimits(config, db.rateLimits),
    joinLimits: createJoinLimits(config, db.rateLimits),
  };

  // Request logs at level info; below that (LOG_LEVEL=warn) the per-request logger is not even set up.
  if (logger.isLevelEnabled('info')) {
    app.use(
      pinoHttp({
        logger,
        serializers: {
          req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        // pino-http invents an Error (with a stack) for every 5xx; the error handler has logged the real one.
        customErrorObject: (_req, _res, _err, { err: _made, ...line }: Record<string, unknown>) => line,
      }),
    );
  }
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

/** The JSON API: JSON bodies only, no page machinery (language, static files) in the way. */
function mountApi(app: Express, { config, content, services, session, profileCache, creationLimit, loginLimits, joinLimits }: Shared) {
  const { assessments, workshops, users, reader, myProfiles, projects, hub } = services;
  app.use('/api', refuseCrossSite, requireJsonBody, express.json({ limit: '100kb' }));
  app.use(assessmentsApi(assessments, workshops, services.stats, { creationLimit, joinLimits }, profileCache));
  app.use(modelApi(content));
  mountLoginAreas(app, session, users, [
    {
      paths: ['/api/login', '/api/logout'],
      mount: '/',
      routers: [authApi(users, loginLimits, { live: hub, isProduction: config.isProduction })],
    },
    {
      paths: ['/api/sessions'],
      roles: TRAINERS,
      routers: [workshopEvents(workshops, hub, config.heartbeatMs), workshopsApi(workshops, config, content)],
    },
    { paths: ['/api/stats'], roles: TRAINERS, routers: [statsApi(services.stats)] },
    {
      paths: ['/api/recognize', '/api/me', '/api/projects'],
      roles: EVERYONE,
      mount: '/api',
      routers: [consultantApi(reader, myProfiles, projects)],
    },
  ]);
}

/** The pages: versioned static files, language, forms. */
function mountPages(app: Express, { config, content, services, session, profileCache, creationLimit, loginLimits, joinLimits }: Shared) {
  const { assessments, workshops, users, reader, myProfiles, projects } = services;
  // Static files under versioned URLs, so browsers may keep them for a year; chart.js from our own origin.
  const chartJsBase = `/vendor/chart.js-${chartJsVersion()}`;
  const staticBase = `/static/${assetVersion(PUBLIC_DIR)}`;
  app.locals.chartJsUrl = `${chartJsBase}/chart.umd.min.js`;
  app.locals.asset = (file: string) => `${staticBase}${file}`;
  const year = { immutable: true, maxAge: '365d', index: false } as const;
  app.use(chartJsBase, express.static(path.join(CHART_JS_ROOT, 'dist'), year));
  // The drive colours, made from the model (presenters/drive-styles.ts), versioned by their own content.
  const drives = driveStylesheet(content.current.model);
  const driveCssUrl = (app.locals.driveCssUrl = `/static/${drives.version}/css/drives.css`);
  app.get(driveCssUrl, (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=31536000, immutable').send(drives.css);
  });
  app.use(staticBase, express.static(PUBLIC_DIR, year));

  // With the session secret: the login form's CSRF cookie is signed (see http/csrf.ts).
  app.use(cookieParser(config.sessionSecret()));
  app.use(pageLanguage(content, cookiePolicy(config.isProduction)));
  // Profile pages are read again and again: served before the form and login machinery.
  app.use(profilePage(assessments, profileCache, services.stats));
  app.use(refuseCrossSite);
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  mountLoginAreas(app, session, users, [
    {
      paths: ['/login', '/logout'],
      mount: '/',
      routers: [authPages(users, loginLimits, { live: services.hub, isProduction: config.isProduction })],
    },
    { paths: ['/trainer'], roles: TRAINERS, routers: [trainerPages(workshops, content, config)] },
    { paths: ['/reader'], roles: EVERYONE, routers: [readerPages(reader, content)] },
    { paths: ['/me'], roles: EVERYONE, routers: [myPages(myProfiles, assessments, services.stats, content)] },
    { paths: ['/projects'], roles: EVERYONE, routers: [projectPages(projects, reader, content)] },
    { paths: ['/stats'], roles: TRAINERS, routers: [statsPages(services.stats, content)] },
  ]);
  app.use(startPages(assessments, config, creationLimit));
  app.use(questionnairePages(assessments));
  app.use(profileActions(assessments, profileCache));
  app.use(joinPages(workshops, assessments, config, joinLimits));
}
