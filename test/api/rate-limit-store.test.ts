import { createHash } from 'node:crypto';
import { ipKeyGenerator } from 'express-rate-limit';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { RATE_LIMIT_PRUNE_EVERY_MS, startRateLimitPruning } from '../../src/services/retention';
import { openTestStore } from '../helpers/backend';
import { realContent } from '../helpers/content';

// The counters behind every rate limit, on the backend under test (shared by all instances on PostgreSQL).
test('Hits count up within a window, start again after it, can be taken back, and ended windows are pruned', async () => {
  const { store } = await openTestStore();
  const t0 = 1_800_000_000_000;
  expect(await store.rateLimits.hit('login:a', 1000, t0)).toEqual({ hits: 1, resetAt: t0 + 1000 });
  expect(await store.rateLimits.hit('login:a', 1000, t0 + 500)).toEqual({ hits: 2, resetAt: t0 + 1000 });
  expect(await store.rateLimits.hit('login:b', 1000, t0 + 500)).toEqual({ hits: 1, resetAt: t0 + 1500 });
  await store.rateLimits.undo('login:a', t0 + 600);
  expect(await store.rateLimits.hit('login:a', 1000, t0 + 700)).toEqual({ hits: 2, resetAt: t0 + 1000 });
  // The window has ended: a new one starts with this hit.
  expect(await store.rateLimits.hit('login:a', 1000, t0 + 1000)).toEqual({ hits: 1, resetAt: t0 + 2000 });
  await store.rateLimits.reset('login:a');
  expect(await store.rateLimits.hit('login:a', 1000, t0 + 1100)).toEqual({ hits: 1, resetAt: t0 + 2100 });
  expect(await store.rateLimits.prune(t0 + 1600)).toBe(1); // login:b ended at t0 + 1500
  expect(await store.rateLimits.hit('login:b', 1000, t0 + 1700)).toEqual({ hits: 1, resetAt: t0 + 2700 });
});

test('When the server prunes rate limits every hour, then ended counters are deleted and running ones kept', async () => {
  const { store, one } = await openTestStore();
  const t0 = 1_800_000_000_000;
  await store.rateLimits.hit('login-ip:ended', 15 * 60_000, t0);
  await store.rateLimits.hit('login-ip:running', 2 * 3_600_000, t0);
  expect(RATE_LIMIT_PRUNE_EVERY_MS).toBeLessThanOrEqual(3_600_000); // the privacy page: deleted within the hour
  let stop = () => undefined as void;
  // The clock says one hour later; the interval is shortened so the test need not wait an hour.
  const pruned = await new Promise<number>(
    (resolve) => (stop = startRateLimitPruning(store, { now: () => t0 + 3_600_000, everyMs: 10, onPruned: resolve })),
  );
  stop();
  expect(pruned).toBe(1);
  expect(Number(await one('SELECT count(*) FROM rate_limits'))).toBe(1);
  expect(await one('SELECT key FROM rate_limits')).toBe('login-ip:running');
});

describe('stored keys', () => {
  // Two app instances on one database, as with several instances on PostgreSQL.
  async function storedKeyOf(secret: string) {
    const t = await openTestStore();
    const app = createApp({
      db: t.store,
      config: loadConfig({ NODE_ENV: 'test', SESSION_SECRET: secret }),
      content: realContent(),
      logger: createLogger('silent'),
    });
    await request(app).post('/api/assessments').send({ consent: true }).expect(201);
    return t.one<string>("SELECT key FROM rate_limits WHERE key LIKE 'create:%'");
  }

  test('When a request is counted, then its key is a keyed hash: not a plain SHA-256 of the address, the same on instances with the same secret, different with another', async () => {
    const a = await storedKeyOf('a'.repeat(40));
    const sha256 = (s: string) => `create:${createHash('sha256').update(s).digest('base64url')}`;
    for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '::1', ipKeyGenerator('::ffff:127.0.0.1')]) expect(a).not.toBe(sha256(address));
    expect(await storedKeyOf('a'.repeat(40))).toBe(a);
    expect(await storedKeyOf('b'.repeat(40))).not.toBe(a);
  });
});
