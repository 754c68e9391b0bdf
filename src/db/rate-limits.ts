import type { Sql } from './sql';
import type { RateLimitRepo } from './store';

// One statement per hit: a counter whose window has ended starts again at 1 with a new window.
// CAST: PostgreSQL must know the parameters' type.
const HIT = `INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, CAST($2 AS BIGINT) + CAST($3 AS BIGINT))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN rate_limits.reset_at <= CAST($2 AS BIGINT) THEN 1 ELSE rate_limits.hits + 1 END,
    reset_at = CASE WHEN rate_limits.reset_at <= CAST($2 AS BIGINT) THEN CAST($2 AS BIGINT) + CAST($3 AS BIGINT) ELSE rate_limits.reset_at END
  RETURNING hits, reset_at`;

/** Rate-limit counters, on either backend. */
export function createRateLimitRepo(sql: Sql): RateLimitRepo {
  return {
    async hit(key, windowMs, now) {
      const r = (await sql.first<{ hits: number; reset_at: number }>(HIT, [key, now, windowMs]))!;
      return { hits: r.hits, resetAt: r.reset_at };
    },
    async peek(key, now) {
      const r = await sql.first<{ hits: number }>('SELECT hits FROM rate_limits WHERE key = $1 AND reset_at > $2', [key, now]);
      return r?.hits ?? 0;
    },
    async undo(key, now) {
      await sql.run('UPDATE rate_limits SET hits = hits - 1 WHERE key = $1 AND reset_at > $2 AND hits > 0', [key, now]);
    },
    async reset(key) {
      await sql.run('DELETE FROM rate_limits WHERE key = $1', [key]);
    },
    async prune(now) {
      return sql.run('DELETE FROM rate_limits WHERE reset_at <= $1', [now]);
    },
  };
}
