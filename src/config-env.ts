import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR, ROOT_DIR } from './paths';
import { ssoEnv } from './config-sso';
import { AUDIT_MIN_DAYS } from './db/migrations';

/**
 * TRUST_PROXY, in the forms Express's `trust proxy` setting takes: `false` (default), a hop count (`1`: the one
 * proxy in front of us; its X-Forwarded-For entry is the client), or the proxies' addresses and subnets,
 * comma-separated (`loopback`, `10.0.0.0/8`, `::1`). `true` trusts every hop, so the client's own left-most
 * X-Forwarded-For entry becomes its address: it keeps working, but start-up warns about it in production.
 */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string): boolean => {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};
const trustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((v, ctx): boolean | number | string[] => {
    if (v === 'true' || v === 'false') return v === 'true';
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(',').map((s) => s.trim());
    const bad = entries.filter((s) => !isProxyAddress(s));
    if (bad.length === 0 && entries.length > 0) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `"${bad.join(', ')}" is not a hop count or proxy address: use true, false, a number of proxies (e.g. 1) or addresses/subnets such as loopback, 10.0.0.0/8 (comma-separated)`,
    });
    return z.NEVER;
  });

/** A line of text that may be left unset or empty; surrounding space is dropped. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'must be one line without control characters')
    .optional()
    .transform((v) => v || undefined);

/** scrypt cost as log2(N): OWASP's 2^17 by default and at least that in production; tests set it low (fast). */
const SCRYPT_COST_DEFAULT = 17;
export const SCRYPT_COST_PRODUCTION_MIN = 17;

/**
 * Every environment variable the app reads: description, format, default. config.ts applies it to process.env (it is the
 * only reader); a bad value stops start-up with a message naming the variable.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z
    .string()
    .min(1)
    .default(path.join(ROOT_DIR, 'data', 'drijfveer.sqlite')),
  // WAL + NORMAL survives a process crash (kill -9); FULL also survives power loss, at the cost of an fsync per write.
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  // How long a write waits for a lock before the request gets a 503 "busy".
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  // postgres://user:password@host:5432/db switches storage to PostgreSQL (several instances); unset: SQLite.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Connections per instance; keep instances × PG_POOL_MAX below the server's max_connections.
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default(DATA_DIR),
  RETENTION_UNFINISHED_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RETENTION_SESSION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  // A closed pulse survey is deleted with its responses this many days after it was closed.
  RETENTION_SURVEY_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  // Survey responses per survey and client address per hour (a whole office may share one address).
  RATE_LIMIT_SURVEY_RESPONSES_PER_ADDRESS: z.coerce.number().int().min(1).default(300),
  // The audit log's own retention; at least the 30 days below which the database refuses deletes (migration 17).
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(AUDIT_MIN_DAYS).max(3650).default(730),
  RATE_LIMIT_ASSESSMENTS_PER_IP: z.coerce.number().int().min(1).default(200),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: trustProxySchema,
  PASSWORD_SCRYPT_COST: z.coerce.number().int().min(10).max(20).default(SCRYPT_COST_DEFAULT),
  // Password hashes at once per instance (each takes 128 MB at the default cost) and logins that may wait for one.
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(100).default(6),
  RATE_LIMIT_CODE_LOOKUPS_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(8),
  // Absolute lifetime of a login, however active: a stolen cookie in use still expires.
  LOGIN_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  RATE_LIMIT_LOGIN_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).default(50),
  RATE_LIMIT_JOIN_PER_CLIENT: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_JOIN_PER_ADDRESS: z.coerce.number().int().min(1).default(500),
  // Mails a visitor can ask for (reset links, private links): per client address per hour, and per e-mail address per hour.
  RATE_LIMIT_MAIL_PER_IP: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_MAIL_PER_EMAIL: z.coerce.number().int().min(1).default(3),
  SSE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  // The privacy page: the organisation that runs Drijfveer and is responsible for the data, and how to reach it about
  // privacy (an e-mail address, a web address or a line of text). Unset: the page says the running organisation is
  // responsible and shows a note for the administrator.
  ORGANISATION_NAME: optionalText(120),
  // E-mail (invitations, password resets, participants' private links): an SMTP relay as smtp://user:pass@host:587
  // (STARTTLS when the server offers it) or smtps://…:465, and the sender address. Unset: those features say so.
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z
    .string()
    .trim()
    .max(254)
    .regex(/^[^\p{Cc}]*$/u, 'must be one line without control characters')
    .regex(
      /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/,
      'must be an e-mail address, e.g. drijfveer@example.nl or "Drijfveer <drijfveer@example.nl>"',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PRIVACY_CONTACT: optionalText(200),
  ...ssoEnv,
});
