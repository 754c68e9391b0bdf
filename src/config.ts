import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR, ROOT_DIR } from './paths';

/**
 * The only reader of process.env. Every key: description, format, default.
 * A bad value stops start-up with a message naming the variable.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default(path.join(ROOT_DIR, 'data', 'drijfveer.sqlite')),
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
  RATE_LIMIT_ASSESSMENTS_PER_IP: z.coerce.number().int().min(1).default(200),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(8),
  // Absolute lifetime of a login, however active: a stolen cookie in use still expires.
  LOGIN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  RATE_LIMIT_LOGIN_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).default(50),
  RATE_LIMIT_JOIN_PER_CLIENT: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_JOIN_PER_ADDRESS: z.coerce.number().int().min(1).default(500),
  SSE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

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
  retention: { unfinishedDays: number; sessionDays: number };
  trustProxy: boolean;
  logLevel: string;
  /** The address participants use, for join links and QR codes; else taken from the request. */
  publicUrl: string | null;
  sessionHours: number;
  loginSessionMaxHours: number;
  heartbeatMs: number;
  rateLimits: { loginPerEmail: number; loginPerIp: number; joinPerClient: number; joinPerAddress: number; assessmentsPerIp: number };
  /** Returns the session secret; throws in production when it is not set. Used from the sessions issue on. */
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
    retention: Object.freeze({ unfinishedDays: e.RETENTION_UNFINISHED_DAYS, sessionDays: e.RETENTION_SESSION_DAYS }),
    trustProxy: e.TRUST_PROXY,
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
    }),
    sessionSecret: () => {
      if (e.SESSION_SECRET) return e.SESSION_SECRET;
      if (e.NODE_ENV === 'production') {
        throw new ConfigError('SESSION_SECRET: required when NODE_ENV=production (at least 32 characters)');
      }
      return devSecret;
    },
  });
}
