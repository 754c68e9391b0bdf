import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/*
 * The local OpenID provider (test/helpers/oidc-provider.mjs) in a child process, and a small browser-like client
 * that goes through its login and consent pages with plain HTTP (a cookie jar, redirects followed by hand).
 */
/** A user at the test provider; `_claim_names`/`_claim_sources` are distributed claims (Entra ID's groups overage). */
export type TestIdentity = {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
  _claim_names?: Record<string, string>;
  _claim_sources?: Record<string, { endpoint: string }>;
};
/** Entra ID's groups "overage" as distributed claims: the token points at Microsoft Graph instead of listing the groups. */
export const OVERAGE_CLAIMS = {
  _claim_names: { groups: 'src1' },
  _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/me/getMemberObjects' } },
};
export type TestProvider = { issuer: string; stop: () => Promise<void> };

export const TEST_CLIENT = { client_id: 'drijfveer-test', client_secret: 'a-test-client-secret-of-some-length' };

export async function startProvider(publicUrl: string, users: Record<string, TestIdentity>): Promise<TestProvider> {
  const client = {
    ...TEST_CLIENT,
    redirect_uris: [`${publicUrl}/login/sso/callback`],
    post_logout_redirect_uris: [`${publicUrl}/login`],
  };
  const proc: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
    env: { PATH: process.env.PATH ?? '', OIDC_TEST_CLIENT: JSON.stringify(client), OIDC_TEST_USERS: JSON.stringify(users) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stderr!.on('data', (d) => (out += d));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => (proc.kill('SIGKILL'), reject(new Error(`provider did not start within 10 s:\n${out}`))), 10_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /\{"issuer":"([^"]+)"\}/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.on('exit', (code) => (clearTimeout(timer), reject(new Error(`provider exited (${code}):\n${out}`))));
  });
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return { issuer, stop: () => (proc.kill('SIGTERM'), exited) };
}

/** The settings the app needs for the test provider. */
export const ssoEnv = (issuer: string, publicUrl: string, extra: Record<string, string> = {}): Record<string, string> => ({
  PUBLIC_URL: publicUrl,
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: TEST_CLIENT.client_id,
  OIDC_CLIENT_SECRET: TEST_CLIENT.client_secret,
  OIDC_ALLOWED_DOMAINS: 'example.nl',
  OIDC_ROLE_MAP: 'admin:drijfveer-admins,consultant:drijfveer-consultants,trainer:drijfveer-trainers',
  OIDC_PROVISIONING: 'just-in-time',
  ...extra,
});

/** A user at the provider's pages: logs in as `login` (the sub) and consents; returns the callback URL it is sent to. */
export async function loginAtProvider(authorizationUrl: string, login: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  let url = new URL(authorizationUrl);
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.href.startsWith(redirectUri)) return url;
    const res = await fetch(url, { method: body ? 'POST' : 'GET', body, headers: { cookie: cookie() }, redirect: 'manual' });
    keep(res);
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url);
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page (${res.status}) at ${url.href}:\n${html.slice(0, 500)}`);
    url = new URL(action, url);
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
  }
  throw new Error('too many redirects at the provider');
}
