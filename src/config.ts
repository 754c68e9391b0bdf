import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { envSchema, SCRYPT_COST_PRODUCTION_MIN } from './config-env';
import { ssoFrom, type SsoConfig } from './config-sso';

/** The configuration: the environment variables of config-env.ts, read once from process.env, checked as a whole, typed and frozen. */
export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  databasePath: string;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  sqliteBusyTimeoutMs: number;
  /** PostgreSQL connection string, or null for the embedded SQLite file. */
  databaseUrl: string | null;
  pgPoolMax: number;
  /** The drive model, texts and reader data. */
  dataDir: string;
  retention: { unfinishedDays: number; workshopDays: number; surveyDays: number; auditDays: number };
  /** Express's `trust proxy` value: false, true (every hop), a hop count, or proxy addresses/subnets. */
  trustProxy: boolean | number | readonly string[];
  /** Whether a proxy in front of the app is configured (TRUST_PROXY other than false or 0). */
  behindProxy: boolean;
  /** Password hashing: scrypt cost as log2(N), and how many hashes may run and wait at once per instance. */
  passwords: { costLog2: number; maxRunning: number; maxWaiting: number };
  logLevel: string;
  /** The address participants use, for join links and QR codes; else taken from the request. */
  publicUrl: string | null;
  sessionHours: number;
  loginSessionMaxHours: number;
  heartbeatMs: number;
  rateLimits: {
    loginPerEmail: number;
    loginPerIp: number;
    joinPerClient: number;
    joinPerAddress: number;
    assessmentsPerIp: number;
    codeLookupsPerAddress: number;
    surveyResponsesPerAddress: number;
    mailPerIp: number;
    mailPerEmail: number;
  };
  /** The SMTP relay and sender for e-mail; null when SMTP_URL and MAIL_FROM are not set. */
  mail: { smtpUrl: string; from: string } | null;
  /** For the privacy page: who is responsible and how to reach them (null: not configured). */
  privacy: { organisation: string | null; contact: string | null };
  /** Single sign-on through OpenID Connect, or null when OIDC_ISSUER is not set (see config-sso.ts). */
  sso: SsoConfig | null;
  /** Whether the password form and POST /api/login work (PASSWORD_LOGIN, default on). */
  passwordLogin: boolean;
  /** Returns the session secret; throws in production when it is not set. */
  sessionSecret: () => string;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.PASSWORD_SCRYPT_COST < SCRYPT_COST_PRODUCTION_MIN) {
    throw new ConfigError(
      `Invalid configuration in environment variables:\n  PASSWORD_SCRYPT_COST: ${e.PASSWORD_SCRYPT_COST} is too low for production (at least ${SCRYPT_COST_PRODUCTION_MIN}, i.e. N=2^${SCRYPT_COST_PRODUCTION_MIN}); low costs are for tests only`,
    );
  }
  const sso = ssoFrom(e, e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null, e.NODE_ENV === 'production');
  if (typeof sso === 'string') throw new ConfigError(`Invalid configuration in environment variables:\n${sso}`);
  if (Boolean(e.SMTP_URL) !== Boolean(e.MAIL_FROM)) {
    const missing = e.SMTP_URL ? 'MAIL_FROM' : 'SMTP_URL';
    throw new ConfigError(
      `Invalid configuration in environment variables:\n  ${missing}: required when ${missing === 'MAIL_FROM' ? 'SMTP_URL' : 'MAIL_FROM'} is set (e-mail needs both)`,
    );
  }
  const devSecret = randomBytes(32).toString('base64url');
  return Object.freeze({
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    databasePath: path.resolve(e.DATABASE_PATH),
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
    databaseUrl: e.DATABASE_URL ?? null,
    pgPoolMax: e.PG_POOL_MAX,
    dataDir: path.resolve(e.DATA_DIR),
    retention: Object.freeze({
      unfinishedDays: e.RETENTION_UNFINISHED_DAYS,
      workshopDays: e.RETENTION_SESSION_DAYS,
      surveyDays: e.RETENTION_SURVEY_DAYS,
      auditDays: e.AUDIT_RETENTION_DAYS,
    }),
    trustProxy: Array.isArray(e.TRUST_PROXY) ? Object.freeze(e.TRUST_PROXY) : e.TRUST_PROXY,
    behindProxy: e.TRUST_PROXY !== false && e.TRUST_PROXY !== 0,
    passwords: Object.freeze({
      costLog2: e.PASSWORD_SCRYPT_COST,
      maxRunning: e.PASSWORD_HASH_CONCURRENCY,
      maxWaiting: e.PASSWORD_HASH_QUEUE,
    }),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    sessionHours: e.SESSION_HOURS,
    loginSessionMaxHours: e.LOGIN_SESSION_MAX_HOURS,
    heartbeatMs: e.SSE_HEARTBEAT_MS,
    rateLimits: Object.freeze({
      loginPerEmail: e.RATE_LIMIT_LOGIN_PER_EMAIL,
      loginPerIp: e.RATE_LIMIT_LOGIN_PER_IP,
      joinPerClient: e.RATE_LIMIT_JOIN_PER_CLIENT,
      joinPerAddress: e.RATE_LIMIT_JOIN_PER_ADDRESS,
      assessmentsPerIp: e.RATE_LIMIT_ASSESSMENTS_PER_IP,
      codeLookupsPerAddress: e.RATE_LIMIT_CODE_LOOKUPS_PER_ADDRESS,
      surveyResponsesPerAddress: e.RATE_LIMIT_SURVEY_RESPONSES_PER_ADDRESS,
      mailPerIp: e.RATE_LIMIT_MAIL_PER_IP,
      mailPerEmail: e.RATE_LIMIT_MAIL_PER_EMAIL,
    }),
    mail: e.SMTP_URL && e.MAIL_FROM ? Object.freeze({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM }) : null,
    privacy: Object.freeze({ organisation: e.ORGANISATION_NAME ?? null, contact: e.PRIVACY_CONTACT ?? null }),
    sso,
    passwordLogin: e.PASSWORD_LOGIN === 'on',
    sessionSecret: () => {
      if (e.SESSION_SECRET) return e.SESSION_SECRET;
      if (e.NODE_ENV === 'production') {
        throw new ConfigError('SESSION_SECRET: required when NODE_ENV=production (at least 32 characters)');
      }
      return devSecret;
    },
  });
}

/** Start-up warnings about a configuration that works but is probably not what was meant. */
export function configWarnings(config: Config): string[] {
  const warnings: string[] = [];
  // In production the login cookie is Secure: without a TLS proxy that the app trusts, every login
  // fails, so say so before the first user tries.
  if (config.isProduction && !config.behindProxy) {
    warnings.push(
      'NODE_ENV=production without TRUST_PROXY: logins need HTTPS (the login cookie is Secure), and the app only sees ' +
        'HTTPS through a trusted proxy. Run it behind a TLS proxy and set TRUST_PROXY (see docs/deploy.md).',
    );
  }
  if (config.isProduction && config.trustProxy === true) {
    warnings.push(
      'TRUST_PROXY=true trusts every X-Forwarded-For hop, so any client can choose its own address and get around the rate limits. Set TRUST_PROXY to the number of proxies in front of the app (usually 1) or their addresses.',
    );
  }
  return warnings;
}
