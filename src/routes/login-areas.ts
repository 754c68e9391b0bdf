import { type Express, type RequestHandler } from 'express';
import type { Config } from '../config';
import type { Content } from '../content/load';
import type { Role } from '../db/store';
import type { Services } from '../services';
import { requireUser } from '../http/auth';
import type { PageCache } from '../http/page-cache';
import type { JoinLimits } from '../http/rate-limits';
import type { SsoService } from '../services/sso';
import type { AdminUsers } from '../services/admin-users';
import type { AccountLinks } from '../services/account-links';

/** The roles of the trainers' areas and of every logged-in area. */
export const TRAINERS = ['trainer', 'admin'] as const;
export const EVERYONE = ['consultant', 'trainer', 'admin'] as const;

/**
 * An area behind a login: its paths, the roles it needs (none: the login itself) and its routers, mounted at
 * `mount` (routers that name full paths) or else at the paths. Login sessions are read for exactly these
 * paths, so the list cannot drift from the mounts and participants' hot paths stay free of session lookups.
 */
export type LoginArea = { paths: string[]; roles?: readonly Role[]; mount?: string; routers: RequestHandler[] };
export function mountLoginAreas(app: Express, session: RequestHandler, users: Services['users'], areas: LoginArea[]): void {
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
