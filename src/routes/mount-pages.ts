import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import { PUBLIC_DIR, ROOT_DIR } from '../paths';
import { refuseCrossSite } from '../http/security';
import { pageLanguage } from '../http/lang';
import { cookiePolicy } from '../http/cookies';
import { assetVersion, stylesheetBundle } from '../http/assets';
import { driveStylesheet } from '../presenters/drive-styles';
import { authPages } from './auth/routes';
import { ssoPages } from './auth/sso-pages';
import { surveyPages } from './surveys/pages';
import { surveyPublicPages } from './surveys/public-pages';
import { startPages } from './assessments/start-pages';
import { questionnairePages } from './assessments/questionnaire-pages';
import { workshopScreen } from './assessments/workshop-screen';
import { profileActions, profilePage } from './assessments/profile-pages';
import { joinPages } from './workshops/join-pages';
import { trainerPages } from './workshops/pages';
import { participantReportPage, trainerReportPages } from './workshops/report-pages';
import { studioPages } from './workshops/studio-pages';
import { teamPages } from './workshops/team-pages';
import { combinedPages } from './workshops/combined-pages';
import { readerPages } from './toolkit/reader-pages';
import { myPages } from './toolkit/me-pages';
import { projectPages } from './projects/pages';
import { developmentPages } from './projects/development-pages';
import { projectReportPages } from './projects/report-pages';
import { statsPages } from './stats/pages';
import { auditPages } from './admin/audit';
import { adminOnly } from './admin/guard';
import { accessibilityPage } from './public/accessibility';
import { adminUserPages } from './admin/pages';
import { accountPages } from './accounts/pages';
import { privateLinkMail } from './accounts/private-link';
import { EVERYONE, TRAINERS, mountLoginAreas, type Shared } from './login-areas';

// chart.js is served from our own origin, under a URL with its version (the app works without internet).
const CHART_JS_ROOT = path.join(ROOT_DIR, 'node_modules', 'chart.js');
const chartJsVersion = (): string =>
  (JSON.parse(fs.readFileSync(path.join(CHART_JS_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The pages, after the API (see mount-api.ts): versioned static files, language, forms; the error handling comes last. */
export function mountPages(
  app: Express,
  { config, content, services, session, profileCache, creationLimit, loginLimits, joinLimits, surveyLimit, sso, accounts }: Shared,
) {
  const { assessments, workshops, users, reader, myProfiles, projects } = services;
  const authDeps = { live: services.hub, isProduction: config.isProduction, passwordLogin: config.passwordLogin, sso };
  // Starting and finishing a single sign-on count against the per-address login limit (each start stores a session).
  const ssoRouters = sso ? [ssoPages(sso, loginLimits.slice(0, 1), config.isProduction)] : [];
  // The profile page (cached) shows "e-mail me my link" only when the server can send mail.
  app.locals.mailConfigured = config.mail !== null;
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
  // The app's styles: one stylesheet made of the area files in public/css/app/ (see stylesheetBundle).
  const appCss = stylesheetBundle(path.join(PUBLIC_DIR, 'css', 'app'));
  app.get(`${staticBase}/css/app.css`, (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=31536000, immutable').send(appCss);
  });
  app.use(staticBase, express.static(PUBLIC_DIR, year));

  // With the session secret: the login form's CSRF cookie is signed (see http/csrf.ts).
  app.use(cookieParser(config.sessionSecret()));
  app.use(pageLanguage(content, cookiePolicy(config.isProduction)));
  const forms = [refuseCrossSite, express.urlencoded({ extended: false, limit: '100kb' })];
  // Profile and questionnaire pages are read again and again: served before the form and login machinery.
  app.use(profilePage(assessments, profileCache, services.stats));
  app.use(questionnairePages(assessments, forms));
  app.use(workshopScreen(services.participantStudio, assessments, content, forms, services.team));
  app.use(participantReportPage(services.team, services.participantStudio, content));
  app.use(forms);
  mountLoginAreas(app, session, users, [
    {
      paths: ['/login', '/logout'],
      mount: '/',
      routers: [...ssoRouters, authPages(users, loginLimits, authDeps)],
    },
    {
      paths: ['/trainer'],
      roles: TRAINERS,
      routers: [
        studioPages(services.studio, workshops, content, config, services.team),
        teamPages(services.team, workshops, services.studio, content, config),
        trainerReportPages(services.team, workshops, content),
        combinedPages(services.combinedTeam, content),
        trainerPages(workshops, content, config, services.studio, services.team),
      ],
    },
    { paths: ['/reader'], roles: EVERYONE, routers: [readerPages(reader, content)] },
    { paths: ['/me'], roles: EVERYONE, routers: [myPages(myProfiles, assessments, services.stats, content)] },
    {
      paths: ['/projects'],
      roles: EVERYONE,
      routers: [
        surveyPages(services.surveys, content, config),
        projectPages(projects, reader, content, services.contacts, services.change),
        developmentPages(projects, services.plan, content),
        projectReportPages(
          { projects, contacts: services.contacts, change: services.change, surveys: services.surveys, plan: services.plan },
          content,
        ),
      ],
    },
    { paths: ['/stats'], roles: TRAINERS, routers: [statsPages(services.stats, content)] },
    { paths: ['/admin/audit'], roles: EVERYONE, routers: [adminOnly, auditPages(services.audit)] },
    { paths: ['/admin/users'], roles: EVERYONE, routers: [adminUserPages(accounts.admin, config)] },
  ]);
  app.use(accountPages(accounts.links, config, accounts.resetLimits));
  app.use(privateLinkMail(accounts.links, assessments, config, accounts.privateLinkLimits));
  app.use(startPages(assessments, config, creationLimit));
  app.use(accessibilityPage(config));
  app.use(profileActions(assessments, profileCache));
  app.use(joinPages(workshops, assessments, config, joinLimits, services.participantStudio));
  app.use(surveyPublicPages(services.surveys, { codeLookups: joinLimits.codeLookups, responses: surveyLimit }, config.isProduction));
}
