import express, { Router, type Express } from 'express';
import { refuseCrossSite } from '../http/security';
import { requireJsonBody } from '../http/validate';
import { modelApi } from './assessments/model-api';
import { assessmentsApi } from './assessments/api';
import { authApi } from './auth/routes';
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
import { consultantApi } from './toolkit/api';
import { statsApi } from './stats/api';
import { auditApi } from './admin/audit';
import { adminOnly } from './admin/guard';
import { adminUsersApi } from './admin/api';
import { EVERYONE, TRAINERS, mountLoginAreas, type Shared } from './login-areas';

/**
 * The JSON API: JSON bodies only, no page machinery (language, static files) in the way. app.ts puts the hot path and
 * the shared middleware before it, mountPages after it, and the error handling last.
 */
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
