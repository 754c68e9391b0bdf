import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Config } from './config';
import { loadContent, type Content } from './content/load';
import type { Store } from './db/store';
import { createLogger, redactUrl } from './logger';
import { DATA_DIR, PUBLIC_DIR, ROOT_DIR, VIEWS_DIR } from './paths';
import { createAssessmentService } from './services/assessments';
import { securityHeaders, refuseCrossSite } from './http/security';
import { pageLanguage } from './http/lang';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { modelApi } from './routes/api-model';
import { assessmentsApi } from './routes/api-assessments';
import { startPages } from './routes/pages-start';
import { questionnairePages } from './routes/pages-questionnaire';
import { profilePages } from './routes/pages-profile';

export type AppDeps = { db: Store; config: Config; content?: Content; logger?: Logger };

const CHART_JS_ROOT = path.join(ROOT_DIR, 'node_modules', 'chart.js');
const chartJsVersion = (): string => (JSON.parse(fs.readFileSync(path.join(CHART_JS_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Builds the Express app; never listens (see server.ts). */
export function createApp({ db, config, content = loadContent(DATA_DIR), logger = createLogger(config.logLevel) }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  if (config.isProduction) app.set('view cache', true);
  const chartJsBase = `/vendor/chart.js-${chartJsVersion()}`;
  app.locals.chartJsUrl = `${chartJsBase}/chart.umd.min.js`;

  app.use(pinoHttp({ logger, serializers: {
    req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  } }));
  app.use(securityHeaders(config.isProduction));
  // chart.js from our own origin; the version in the URL lets browsers cache it for a year.
  app.use(chartJsBase, express.static(path.join(CHART_JS_ROOT, 'dist'), { immutable: true, maxAge: '365d', index: false }));
  app.use('/static', express.static(PUBLIC_DIR, { maxAge: '1h', index: false }));
  app.use(cookieParser());
  app.use(pageLanguage(content, config.isProduction));
  app.use(refuseCrossSite);
  app.use(express.json({ limit: '100kb' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));

  const assessments = createAssessmentService(db, content);
  app.use(modelApi(content));
  app.use(assessmentsApi(assessments));
  app.use(startPages(assessments));
  app.use(questionnairePages(assessments));
  app.use(profilePages(assessments));

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
