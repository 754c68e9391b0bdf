import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Express, type RequestHandler } from 'express';
import cookieParser from 'cookie-parser';
import type { Config } from '../config';
import type { Content } from '../content/load';
import type { Role } from '../db/store';
import { PUBLIC_DIR, ROOT_DIR } from '../paths';
import type { Services } from '../services';
import { refuseCrossSite } from '../http/security';
import { pageLanguage } from '../http/lang';
import { cookiePolicy } from '../http/cookies';
import { requireUser } from '../http/auth';
import { assetVersion } from '../http/assets';
import { requireJsonBody } from '../http/validate';
import type { PageCache } from '../http/page-cache';
import type { JoinLimits } from '../http/rate-limits';
import { driveStylesheet } from '../presenters/drive-styles';
import { modelApi } from './assessments/model-api';
import { assessmentsApi } from './assessments/api';
import { authApi, authPages } from './auth/routes';
import { ssoPages } from './auth/sso-pages';
import type { SsoService } from '../services/sso';
import { workshopsApi } from './workshops/api';
import { workshopEvents } from './workshops/events';
import { exercisesApi, remarksApi } from './workshops/studio-api';
import { combinedTeamApi, teamApi } from './workshops/team-api';
import { participantStudioApi } from './assessments/studio-api';
import { changeApi } from './projects/change-api';
import { contactsApi } from './projects/contacts-api';
import { sharingApi } from './projects/sharing-api';
import { surveysApi } from './surveys/api';
import { surveyPublicApi } from './surveys/public-api';
import { surveyPages } from './surveys/pages';
import { surveyPublicPages } from './surveys/public-pages';
import { consultantApi } from './toolkit/api';
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
import { statsApi } from './stats/api';
import { statsPages } from './stats/pages';
import { auditApi, auditPages } from './admin/audit';
import { adminOnly } from './admin/guard';
import { accessibilityPage } from './public/accessibility';
import type { AdminUsers } from '../services/admin-users';
import type { AccountLinks } from '../services/account-links';
import { adminUsersApi } from './admin/api';
import { adminUserPages } from './admin/pages';
import { accountPages } from './accounts/pages';
import { privateLinkMail } from './accounts/private-link';

/*
 * Where every area's routers are mounted: the API first, then the pages (app.ts puts the hot path and the
 * shared middleware before them, and the error handling after).
 */
const CHART_JS_ROOT = path.join(ROOT_DIR, 'node_modules', 'chart.js');
const chartJsVersion = (): string =>
  (JSON.parse(fs.readFileSync(path.join(CHART_JS_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
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
export type Shared = {
  /** User administration and the one-time links sent by e-mail (invitations, resets, private links). */
  accounts: { admin: AdminUsers; links: AccountLinks; resetLimits: RequestHandler[]; privateLinkLimits: RequestHandler[] };
  config: Config;
  content: Content;
  services: Services;
  session: RequestHandler;
  profileCache: PageCache;
  creationLimit: RequestHandler;
  /** One set of login limits for the form and the API, so neither is a way around the other. */
  loginLimits: RequestHandler[];
  joinLimits: JoinLimits;
  /** Pulse survey responses per survey and address, shared by the API and the survey's form. */
  surveyLimit: RequestHandler;
  /** Single sign-on, or null when it is not configured. */
  sso: SsoService | null;
};

/** The JSON API: JSON bodies only, no page machinery (language, static files) in the way. */
export function mountApi(
  app: Express,
  { config, content, services, session, profileCache, creationLimit, loginLimits, joinLimits, surveyLimit, sso, accounts }: Shared,
) {
  const { assessments, workshops, users, reader, myProfiles, projects, hub } = services;
  const authDeps = { live: hub, isProduction: config.isProduction, passwordLogin: config.passwordLogin, sso };
  // A batch of texts for the drive reader may hold 100,000 characters (up to 4 bytes each in UTF-8, plus JSON).
  app.use('/api/recognize/batch', refuseCrossSite, requireJsonBody, express.json({ limit: '512kb' }));
  app.use('/api', refuseCrossSite, requireJsonBody, express.json({ limit: '100kb' }));
  // These routers declare full /api/… paths; a page request skips them at once instead of trying each route.
  const open = Router({ caseSensitive: true });
  open.use(assessmentsApi(assessments, workshops, services.stats, { creationLimit, joinLimits }, profileCache));
  open.use(modelApi(content));
  open.use(surveyPublicApi(services.surveys, { codeLookups: joinLimits.codeLookups, responses: surveyLimit }, config.isProduction));
  open.use(participantStudioApi(services.participantStudio, services.phoneHub, services.studio, config.heartbeatMs));
  app.use((req, res, next) => (req.path.startsWith('/api/') ? open(req, res, next) : next()));
  mountLoginAreas(app, session, users, [
    {
      paths: ['/api/login', '/api/logout'],
      mount: '/',
      routers: [authApi(users, loginLimits, authDeps)],
    },
    {
      paths: ['/api/sessions'],
      roles: TRAINERS,
      routers: [
        workshopEvents(workshops, hub, config.heartbeatMs, { hub: services.studioHub, state: (id) => services.studio.trainerState(id) }),
        exercisesApi(services.studio),
        teamApi(services.team),
        workshopsApi(workshops, config, content),
      ],
    },
    { paths: ['/api/remarks'], roles: TRAINERS, routers: [remarksApi(services.studio)] },
    { paths: ['/api/team'], roles: TRAINERS, routers: [combinedTeamApi(services.combinedTeam)] },
    { paths: ['/api/stats'], roles: TRAINERS, routers: [statsApi(services.stats)] },
    // Admin areas: any logged-in role passes requireUser, then adminOnly answers everyone but admins with a 404.
    { paths: ['/api/admin/audit'], roles: EVERYONE, routers: [adminOnly, auditApi(services.audit)] },
    {
      paths: ['/api/recognize', '/api/me', '/api/projects'],
      roles: EVERYONE,
      mount: '/api',
      routers: [
        consultantApi(reader, myProfiles, projects),
        contactsApi(services.contacts),
        sharingApi(projects, services.plan),
        surveysApi(services.surveys, config),
        changeApi(services.change, content),
      ],
    },
    // Admins only: everyone else gets a 404 (adminOnly), as if the area did not exist.
    { paths: ['/api/admin/users'], roles: EVERYONE, routers: [adminUsersApi(accounts.admin, config)] },
  ]);
}

/** The pages: versioned static files, language, forms. */
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
