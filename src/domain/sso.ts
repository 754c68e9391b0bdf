import type { Role } from '../db/store';

/*
 * Single sign-on decisions without I/O: which e-mail domains may log in, and which role the provider's groups give.
 * The OpenID Connect protocol itself is openid-client's work (services/sso.ts).
 */

/** Most rights first: with several mapped groups, a user gets the strongest role among them. */
export const ROLE_ORDER: readonly Role[] = ['admin', 'trainer', 'consultant'];

/** One rule of OIDC_ROLE_MAP: members of `group` get `role`. */
export type RoleRule = { role: Role; group: string };

/**
 * Parses `admin:drijfveer-admins,consultant:drijfveer-consultants`: comma-separated `role:group` pairs. A group may
 * contain colons (only the first one separates); surrounding spaces are dropped. A group mapped twice is an error,
 * as the order of the list would then decide silently.
 */
export function parseRoleMap(text: string): { rules: RoleRule[] } | { error: string } {
  const rules: RoleRule[] = [];
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(':');
    const role = entry.slice(0, at).trim();
    const group = entry.slice(at + 1).trim();
    if (at < 0 || !group) return { error: `"${entry}" is not role:group (e.g. consultant:drijfveer-consultants)` };
    if (!(ROLE_ORDER as readonly string[]).includes(role)) return { error: `"${role}" is not a role: use admin, trainer or consultant` };
    if (rules.some((r) => r.group === group)) return { error: `group "${group}" is mapped more than once` };
    rules.push({ role: role as Role, group });
  }
  return { rules };
}

/**
 * The role for the groups in the claim: the strongest mapped one, else the default role, else null (refused).
 * Groups are compared exactly (Entra ID sends object ids, Keycloak names or paths such as /drijfveer-admins).
 */
export function roleFromGroups(groups: readonly string[], rules: readonly RoleRule[], defaultRole: Role | null): Role | null {
  const mapped = new Set(rules.filter((r) => groups.includes(r.group)).map((r) => r.role));
  return ROLE_ORDER.find((r) => mapped.has(r)) ?? defaultRole;
}

/**
 * True when the provider left the groups out because there are too many: Entra ID's "overage" (more than 200 groups in
 * a token; 6 in the implicit flow) sends `_claim_names: { groups: … }` pointing at Microsoft Graph, or `hasgroups: true`,
 * instead of the list. Read as "no groups", an admin in many groups would silently get the default role (or lose admin),
 * so such a login is refused with a page that says what to change.
 */
export function groupsOverage(claims: Record<string, unknown>, groupsClaim: string): boolean {
  if (Array.isArray(claims[groupsClaim])) return false;
  const names = claims._claim_names;
  const pointed = typeof names === 'object' && names !== null && Object.prototype.hasOwnProperty.call(names, groupsClaim);
  return pointed || (groupsClaim === 'groups' && claims.hasgroups === true);
}

/** The groups claim as a list of strings: providers send an array, some a single string; anything else is no groups. */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  return Array.isArray(claim) ? claim.filter((g): g is string => typeof g === 'string') : [];
}

/** Parses OIDC_ALLOWED_DOMAINS: comma-separated domains, lower-cased; a leading "@" is allowed. */
export function parseDomains(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
        .filter(Boolean),
    ),
  ];
}

/**
 * Whether the e-mail address lies in one of the allowed domains: exactly that domain after the last "@", so
 * `a@example.nl.evil.com` and `a@evilexample.nl` are not in `example.nl`; subdomains only when listed themselves.
 */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  return domains.includes(email.slice(at + 1).toLowerCase());
}
