import { z } from 'zod';
import type { Role } from './db/store';
import { parseDomains, parseRoleMap, type RoleRule } from './domain/sso';

/*
 * The single sign-on part of the configuration (read by config.ts, the only reader of process.env): the variables'
 * schema, and the checks across them with messages that name the variable to fix.
 */
const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = z.preprocess(blankIsUnset, z.string().trim().max(2000).optional());
const roleMapSchema = z.preprocess(
  blankIsUnset,
  z
    .string()
    .optional()
    .transform((v, ctx): RoleRule[] => {
      const parsed = parseRoleMap(v ?? '');
      if ('rules' in parsed) return parsed.rules;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
);

export const ssoEnv = {
  // The provider's issuer URL (its /.well-known/openid-configuration is read from there); unset: no single sign-on.
  OIDC_ISSUER: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: text,
  OIDC_CLIENT_SECRET: text,
  // E-mail domains that may log in, comma-separated (example.nl,example.com); required with OIDC_ISSUER.
  OIDC_ALLOWED_DOMAINS: text,
  OIDC_GROUPS_CLAIM: z.preprocess(blankIsUnset, z.string().trim().min(1).max(200).default('groups')),
  // role:group pairs, comma-separated: admin:drijfveer-admins,consultant:drijfveer-consultants.
  OIDC_ROLE_MAP: roleMapSchema,
  // The role of a user in none of the mapped groups; unset: such a user is refused.
  OIDC_DEFAULT_ROLE: z.preprocess(blankIsUnset, z.enum(['admin', 'trainer', 'consultant']).optional()),
  // just-in-time: an account is made at the first login; invite-only: only existing accounts may log in.
  OIDC_PROVISIONING: z.preprocess(blankIsUnset, z.enum(['just-in-time', 'invite-only']).default('invite-only')),
  PASSWORD_LOGIN: z.preprocess(blankIsUnset, z.enum(['on', 'off']).default('on')),
};
type SsoEnv = z.output<z.ZodObject<typeof ssoEnv>>;

export type SsoConfig = Readonly<{
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: readonly string[];
  groupsClaim: string;
  roleRules: readonly RoleRule[];
  defaultRole: Role | null;
  provisioning: 'just-in-time' | 'invite-only';
  /** PUBLIC_URL + /login/sso/callback: registered at the provider as the redirect URI. */
  redirectUri: string;
  /** Where the provider sends the browser after logging out there (RP-initiated logout). */
  postLogoutRedirectUri: string;
  /** Plain HTTP to the provider: only for a provider on this machine (tests, a local Keycloak), never in production. */
  allowInsecureRequests: boolean;
}>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The single sign-on settings, or null (not configured), or the lines of an error message. */
export function ssoFrom(e: SsoEnv, publicUrl: string | null, isProduction: boolean): SsoConfig | null | string {
  const problems: string[] = [];
  const passwordLogin = e.PASSWORD_LOGIN === 'on';
  if (!e.OIDC_ISSUER) {
    const set = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ALLOWED_DOMAINS', 'OIDC_ROLE_MAP', 'OIDC_DEFAULT_ROLE'] as const).filter(
      (k) => e[k] !== undefined && !(Array.isArray(e[k]) && e[k].length === 0),
    );
    if (set.length) problems.push(`  OIDC_ISSUER: required when ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set`);
    if (!passwordLogin) problems.push('  PASSWORD_LOGIN: off needs single sign-on (OIDC_ISSUER), or nobody can log in');
    return problems.length ? problems.join('\n') : null;
  }
  const issuer = new URL(e.OIDC_ISSUER);
  const insecure = issuer.protocol === 'http:';
  if (insecure && (isProduction || !LOOPBACK.has(issuer.hostname)))
    problems.push('  OIDC_ISSUER: must be an https:// URL (plain http only for a provider on this machine, outside production)');
  if (!e.OIDC_CLIENT_ID) problems.push('  OIDC_CLIENT_ID: required with OIDC_ISSUER (the application id at the provider)');
  if (!e.OIDC_CLIENT_SECRET) problems.push('  OIDC_CLIENT_SECRET: required with OIDC_ISSUER (the client secret at the provider)');
  const domains = parseDomains(e.OIDC_ALLOWED_DOMAINS ?? '');
  if (!domains.length)
    problems.push('  OIDC_ALLOWED_DOMAINS: required with OIDC_ISSUER: the e-mail domains that may log in, e.g. example.nl');
  const bad = domains.filter((d) => !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d));
  if (bad.length) problems.push(`  OIDC_ALLOWED_DOMAINS: "${bad.join(', ')}" is not a domain name such as example.nl`);
  if (!e.OIDC_ROLE_MAP.length && !e.OIDC_DEFAULT_ROLE)
    problems.push('  OIDC_ROLE_MAP: set it (role:group, …) or OIDC_DEFAULT_ROLE, or no one gets a role');
  if (!publicUrl) problems.push('  PUBLIC_URL: required with OIDC_ISSUER: the redirect URI is PUBLIC_URL + /login/sso/callback');
  if (problems.length) return problems.join('\n');
  return Object.freeze({
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    allowedDomains: Object.freeze(domains),
    groupsClaim: e.OIDC_GROUPS_CLAIM,
    roleRules: Object.freeze(e.OIDC_ROLE_MAP),
    defaultRole: e.OIDC_DEFAULT_ROLE ?? null,
    provisioning: e.OIDC_PROVISIONING,
    redirectUri: `${publicUrl}/login/sso/callback`,
    postLogoutRedirectUri: `${publicUrl}/login`,
    allowInsecureRequests: insecure,
  });
}
