import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Config } from './config';
import { loadContent, type Content } from './content/load';
import { translator } from './content/texts';
import type { Store } from './db/store';
import { createLogger, redactUrl } from './logger';
import { PUBLIC_DIR, ROOT_DIR, VIEWS_DIR } from './paths';
import { createAssessmentService } from './services/assessments';
import { createUserService } from './services/users';
import { createWorkshopService } from './services/workshops';
import { createLiveHub, type LiveHub } from './services/live';
import { createReaderService } from './services/reader';
import { createMyProfilesService } from './services/my-profiles';
import { createProjectService } from './services/projects';
import { securityHeaders, refuseCrossSite } from './http/security';
import { pageLanguage } from './http/lang';
import { cookiePolicy } from './http/cookies';
import { loginSession } from './http/session';
import { requireUser } from './http/auth';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { requireJsonBody } from './http/validate';
import { assessmentLimit } from './http/rate-limits';
import { modelApi } from './routes/api-model';
import { assessmentsApi } from './routes/api-assessments';
import { authRoutes } from './routes/auth';
import { sessionsApi } from './routes/api-sessions';
import { sessionEvents } from './routes/api-session-events';
import { startPages } from './routes/pages-start';
import { questionnairePages } from './routes/pages-questionnaire';
import { profilePages } from './routes/pages-profile';
import { joinPages } from './routes/pages-join';
import { trainerPages } from './routes/pages-trainer';
import { consultantApi } from './routes/api-consultant';
import { readerPages } from './routes/pages-reader';
import { myPages } from './routes/pages-me';
import { projectPages } from './routes/pages-projects';

export type AppDeps = { db: Store; config: Config; content?: Content; logger?: Logger; live?: LiveHub };
export type App = Express & { live: LiveHub };

const CHART_JS_ROOT = path.join(ROOT_DIR, 'node_modules', 'chart.js');
const chartJsVersion = (): string => (JSON.parse(fs.readFileSync(path.join(CHART_JS_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TRAINERS = ['trainer', 'admin'] as const;
const EVERYONE = ['consultant', 'trainer', 'admin'] as const;

/** Builds the Express app; never listens (see server.ts). `app.live` ends live streams on shutdown. */
export function createApp({ db, config, content = loadContent(config.dataDir), logger = createLogger(config.logLevel), live }: AppDeps): App {
  const app = express() as App;
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  if (config.isProduction) app.set('view cache', true);
  const chartJsBase = `/vendor/chart.js-${chartJsVersion()}`;
  app.locals.chartJsUrl = `${chartJsBase}/chart.umd.min.js`;

  // Services; the live hub recomputes a workshop summary at most a few times per second.
  let workshops: ReturnType<typeof createWorkshopService>;
  const hub = live ?? createLiveHub((id) => workshops.summaryJsonById(id));
  app.live = hub;
  const assessments = createAssessmentService(db, content, { onWorkshopChange: (id) => hub.notify(id) });
  const aliasT = { nl: translator(content.texts.nl), en: translator(content.texts.en) };
  workshops = createWorkshopService(db, assessments, { onChange: (id) => hub.notify(id), aliasPrefix: (lang) => aliasT[lang]('join.aliasPrefix') });
  const users = createUserService(db);
  const reader = createReaderService(db, content);
  const myProfiles = createMyProfilesService(db);
  const projects = createProjectService(db);

  app.use(
    pinoHttp({
      logger,
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(securityHeaders(config.isProduction));
  // chart.js from our own origin; the version in the URL lets browsers cache it for a year.
  app.use(chartJsBase, express.static(path.join(CHART_JS_ROOT, 'dist'), { immutable: true, maxAge: '365d', index: false }));
  app.use('/static', express.static(PUBLIC_DIR, { maxAge: '1h', index: false }));
  app.use(cookieParser());
  app.use(pageLanguage(content, cookiePolicy(config.isProduction)));
  app.use(refuseCrossSite);
  app.use(express.json({ limit: '100kb' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use('/api', requireJsonBody);

  // Login sessions only where they are used: participants' hot paths stay free of session lookups.
  const session = loginSession(config, db.loginSessions);
  const consultantApiPaths = ['/api/recognize', '/api/me', '/api/projects'];
  app.use(['/login', '/logout', '/api/login', '/api/logout', '/trainer', '/api/sessions', '/reader', '/me', '/projects', ...consultantApiPaths], session);

  app.use(modelApi(content));
  const creationLimit = assessmentLimit(config);
  app.use(assessmentsApi(assessments, workshops, config, creationLimit));
  app.use(authRoutes(users, config));
  app.use('/api/sessions', requireUser(users, TRAINERS), sessionEvents(workshops, hub, config.heartbeatMs), sessionsApi(workshops, config));
  app.use('/trainer', requireUser(users, TRAINERS), trainerPages(workshops, content, config));
  app.use(consultantApiPaths, requireUser(users, EVERYONE));
  app.use('/api', consultantApi(reader, myProfiles, projects));
  app.use('/reader', requireUser(users, EVERYONE), readerPages(reader, content));
  app.use('/me', requireUser(users, EVERYONE), myPages(myProfiles, assessments, content));
  app.use('/projects', requireUser(users, EVERYONE), projectPages(projects, reader, content));
  app.use(startPages(assessments, config, creationLimit));
  app.use(questionnairePages(assessments));
  app.use(profilePages(assessments));
  app.use(joinPages(workshops, assessments, config));

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
