import * as oidc from 'openid-client';
import type { SsoConfig } from '../config-sso';
import type { Store, UserRecord } from '../db/store';
import { emailDomainAllowed, groupsOf, groupsOverage, roleFromGroups } from '../domain/sso';
import { AppError } from '../errors';
import { createAuditService, type AuditService } from './audit';
import { emailSchema } from './users';

/*
 * Single sign-on through OpenID Connect: authorisation code flow with PKCE, state and nonce, all made and checked by
 * openid-client (a certified relying party library). This file decides who may come in and with which role.
 *
 * openid-client 6 is an ES module only. The built app loads it with Node's require() of ES modules (Node 20.19+,
 * no flag); jest's CommonJS runtime cannot, so jest.config.js transpiles it and its two dependencies.
 */

/** What the callback must find again in the login session: one-time. */
export type SsoPending = { state: string; nonce: string; codeVerifier: string };
/** Why a login through the provider was refused (each has its own text on the refusal page). */
export type SsoRefusal =
  'no_email' | 'unverified' | 'domain' | 'groups_overage' | 'no_role' | 'not_invited' | 'linked_elsewhere' | 'deactivated';
export type SsoResult =
  { status: 'ok'; user: UserRecord; created: boolean } | { status: 'refused'; reason: SsoRefusal; email: string | null };

/** The callback could not be trusted (forged or replayed state, a used code, a wrong nonce, an error from the provider). */
export class SsoCallbackError extends Error {}

/** A network failure towards the provider (fetch throws TypeError), as opposed to a refused or forged exchange. */
const unreachable = (e: unknown) => e instanceof TypeError || (e instanceof Error && e.cause instanceof TypeError);
const PROVIDER_DOWN = 'The organisation login cannot be reached at the moment. Try again in a few minutes.';

export function createSsoService(store: Store, settings: SsoConfig, audit: AuditService = createAuditService(store)) {
  let discovered: Promise<oidc.Configuration> | null = null;
  // Read once and kept; a failed discovery is tried again at the next login.
  const configuration = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: settings.allowInsecureRequests ? [oidc.allowInsecureRequests] : [],
      })
      .catch(() => {
        discovered = null;
        throw new AppError('unavailable', PROVIDER_DOWN, undefined, { retryAfterSeconds: 30 });
      });
    return discovered;
  };

  async function decide(claims: Record<string, unknown>, issuer: string): Promise<SsoResult> {
    const parsed = emailSchema.safeParse(typeof claims.email === 'string' ? claims.email : '');
    const email = parsed.success ? parsed.data : null;
    if (!email) return { status: 'refused', reason: 'no_email', email: null };
    // Only a claim that says "not verified" refuses: Entra ID sends no email_verified at all.
    if (claims.email_verified === false) return { status: 'refused', reason: 'unverified', email };
    if (!emailDomainAllowed(email, settings.allowedDomains)) return { status: 'refused', reason: 'domain', email };
    if (groupsOverage(claims, settings.groupsClaim)) return { status: 'refused', reason: 'groups_overage', email };
    const role = roleFromGroups(groupsOf(claims[settings.groupsClaim]), settings.roleRules, settings.defaultRole);
    if (!role) return { status: 'refused', reason: 'no_role', email };

    const link = { issuer, subject: String(claims.sub) };
    const users = store.users;
    // The role follows the provider's groups at every login.
    const linked = await users.findBySso(link.issuer, link.subject);
    // A deactivated account stays out, whatever the provider says (and its role is not touched).
    if (linked?.status === 'deactivated') return { status: 'refused', reason: 'deactivated', email };
    if (linked) {
      const user = await users.linkSso(linked.id, link, role);
      return user ? { status: 'ok', user, created: false } : { status: 'refused', reason: 'linked_elsewhere', email };
    }
    const byEmail = await users.findByEmailForSso(email);
    if (byEmail?.user.status === 'deactivated') return { status: 'refused', reason: 'deactivated', email };
    if (byEmail) {
      // The address belongs to an account already linked to another provider account: never take it over.
      const user = byEmail.link ? null : await users.linkSso(byEmail.user.id, link, role);
      return user ? { status: 'ok', user, created: false } : { status: 'refused', reason: 'linked_elsewhere', email };
    }
    if (settings.provisioning === 'invite-only') return { status: 'refused', reason: 'not_invited', email };
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email.split('@')[0]!;
    const created = await users.createSso({ email, name, role, link, now: new Date().toISOString() });
    // A second first login at the same moment made the account: this one logs in to it.
    if (created === 'taken') return decide(claims, issuer);
    return { status: 'ok', user: created, created: true };
  }

  /**
   * The login in the audit log, and its time on the account. A refusal names the account only when the address is
   * one (as password logins do): an address from outside is recorded as anonymous, with the reason.
   */
  async function recorded(result: SsoResult): Promise<SsoResult> {
    if (result.status === 'ok') {
      const { user } = result;
      const now = new Date().toISOString();
      await store.users.recordLogin(user.id, now);
      if (result.created)
        await audit.recordAfter({ actor: 'system', action: 'user.add', target: String(user.id), detail: { via: 'sso', role: user.role } });
      await audit.recordAfter({
        actorId: user.id,
        actorEmail: user.email,
        action: 'login.success',
        target: String(user.id),
        detail: { method: 'sso' },
      });
      return { ...result, user: { ...user, lastLoginAt: now } };
    }
    const known = result.email ? await store.users.findForLogin(result.email) : null;
    await audit.recordAfter(
      known
        ? {
            actorId: known.id,
            actorEmail: known.email,
            action: 'login.failure',
            target: String(known.id),
            detail: { method: 'sso', reason: result.reason },
          }
        : { actor: 'anonymous', action: 'login.failure', detail: { method: 'sso', reason: result.reason } },
    );
    return result;
  }

  return {
    /** The provider's login address and what the callback must match. */
    async start(): Promise<{ url: string; pending: SsoPending }> {
      const config = await configuration();
      const pending: SsoPending = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },

    /**
     * The callback: exchanges the code (checking state, PKCE, nonce and the ID token), reads the claims (ID token,
     * with the userinfo endpoint's as a fallback) and decides. Throws SsoCallbackError for an untrusted callback.
     */
    async finish(query: string, pending: SsoPending): Promise<SsoResult> {
      const config = await configuration();
      const current = new URL(settings.redirectUri);
      current.search = query;
      let claims: Record<string, unknown>;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims()!;
        // Some providers (and oidc-provider by default) put e-mail and groups in userinfo only; the ID token wins.
        const info = config.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
        claims = { ...info, ...idClaims };
      } catch (e) {
        if (unreachable(e)) throw new AppError('unavailable', PROVIDER_DOWN);
        await audit.recordAfter({ actor: 'anonymous', action: 'login.failure', detail: { method: 'sso', reason: 'callback' } });
        throw new SsoCallbackError(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      }
      return recorded(await decide(claims, config.serverMetadata().issuer));
    },

    /** RP-initiated logout at the provider, when it offers one (end_session_endpoint); else null. */
    async endSessionUrl(): Promise<string | null> {
      const config = await configuration().catch(() => null);
      if (!config?.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, { client_id: settings.clientId, post_logout_redirect_uri: settings.postLogoutRedirectUri })
        .href;
    },
  };
}
export type SsoService = ReturnType<typeof createSsoService>;
