import { ConfigError, loadConfig } from '../../src/config';

const SSO = {
  NODE_ENV: 'test',
  PUBLIC_URL: 'https://drijfveer.example.nl/',
  OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
  OIDC_CLIENT_ID: 'client-id',
  OIDC_CLIENT_SECRET: 'client-secret',
  OIDC_ALLOWED_DOMAINS: 'example.nl, Example.com',
  OIDC_ROLE_MAP: 'admin:drijfveer-admins,consultant:drijfveer-consultants',
};
const failure = (env: Record<string, string | undefined>) => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('Single sign-on configuration', () => {
  test('When nothing is set, then there is no single sign-on and the password login is on', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.sso).toBeNull();
    expect(config.passwordLogin).toBe(true);
  });

  test('When it is complete, then the redirect URI comes from PUBLIC_URL, domains are cleaned and defaults apply', () => {
    const { sso } = loadConfig(SSO);
    expect(sso).toMatchObject({
      issuer: SSO.OIDC_ISSUER,
      redirectUri: 'https://drijfveer.example.nl/login/sso/callback',
      postLogoutRedirectUri: 'https://drijfveer.example.nl/login',
      allowedDomains: ['example.nl', 'example.com'],
      groupsClaim: 'groups',
      provisioning: 'invite-only',
      defaultRole: null,
      allowInsecureRequests: false,
    });
    expect(sso!.roleRules).toEqual([
      { role: 'admin', group: 'drijfveer-admins' },
      { role: 'consultant', group: 'drijfveer-consultants' },
    ]);
    expect(Object.isFrozen(sso)).toBe(true);
  });

  test.each([
    [{ OIDC_CLIENT_SECRET: '' }, /OIDC_CLIENT_SECRET: required/],
    [{ OIDC_ALLOWED_DOMAINS: '' }, /OIDC_ALLOWED_DOMAINS: required/],
    [{ OIDC_ALLOWED_DOMAINS: 'example.nl,not a domain' }, /"not a domain" is not a domain name/],
    [{ PUBLIC_URL: undefined }, /PUBLIC_URL: required with OIDC_ISSUER/],
    [{ OIDC_ROLE_MAP: '' }, /OIDC_ROLE_MAP: set it .* or OIDC_DEFAULT_ROLE/],
    [{ OIDC_ROLE_MAP: 'boss:drijfveer-admins' }, /OIDC_ROLE_MAP: "boss" is not a role/],
    [{ OIDC_DEFAULT_ROLE: 'boss' }, /OIDC_DEFAULT_ROLE/],
    [{ OIDC_PROVISIONING: 'sometimes' }, /OIDC_PROVISIONING/],
    [{ PASSWORD_LOGIN: 'no' }, /PASSWORD_LOGIN/],
    [{ OIDC_ISSUER: 'http://login.example.nl' }, /OIDC_ISSUER: must be an https:\/\/ URL/],
    [{ OIDC_ISSUER: 'http://127.0.0.1:8080', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }, /OIDC_ISSUER: must be an https/],
  ])('When %j, then start-up stops with a message naming the variable', (change, message) => {
    expect(failure({ ...SSO, ...change })).toMatch(message);
  });

  test('When the issuer is a provider on this machine over plain HTTP (outside production), then it is allowed', () => {
    expect(loadConfig({ ...SSO, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/x' }).sso!.allowInsecureRequests).toBe(true);
  });

  test('When OIDC settings are given without OIDC_ISSUER, or the password login is off without single sign-on, then start-up stops', () => {
    expect(failure({ NODE_ENV: 'test', OIDC_CLIENT_ID: 'x' })).toMatch(/OIDC_ISSUER: required when OIDC_CLIENT_ID is set/);
    expect(failure({ NODE_ENV: 'test', PASSWORD_LOGIN: 'off' })).toMatch(/PASSWORD_LOGIN: off needs single sign-on/);
    expect(loadConfig({ ...SSO, PASSWORD_LOGIN: 'off' }).passwordLogin).toBe(false);
  });
});
