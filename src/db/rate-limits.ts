import type { Pool } from 'pg';
import { changed } from './pg';
import { written, type SqliteDb } from './sqlite';
import type { RateLimitRepo } from './store';

// One statement per hit: a counter whose window has ended starts again at 1 with a new window.
// CAST: PostgreSQL must know the parameters' type; SQLite reads it as an integer cast.
const HIT = `INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, CAST($2 AS BIGINT) + CAST($3 AS BIGINT))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN rate_limits.reset_at <= CAST($2 AS BIGINT) THEN 1 ELSE rate_limits.hits + 1 END,
    reset_at = CASE WHEN rate_limits.reset_at <= CAST($2 AS BIGINT) THEN CAST($2 AS BIGINT) + CAST($3 AS BIGINT) ELSE rate_limits.reset_at END
  RETURNING hits, reset_at`;
const UNDO = 'UPDATE rate_limits SET hits = hits - 1 WHERE key = $1 AND reset_at > $2 AND hits > 0';
const RESET = 'DELETE FROM rate_limits WHERE key = $1';
const PRUNE = 'DELETE FROM rate_limits WHERE reset_at <= $1';

/** Rate-limit counters over SQLite (the same statements, with SQLite's numbered parameters). */
export function createSqliteRateLimitRepo(db: SqliteDb): RateLimitRepo {
  const q = (sql: string) => db.prepare(sql.replace(/\$(\d)/g, '?$1'));
  // better-sqlite3 binds numbered parameters (?1, ?2) by name: an object keyed 1, 2, …
  const args = (...values: unknown[]) => Object.fromEntries(values.map((v, i) => [i + 1, v]));
  const hit = q(HIT);
  const undo = q(UNDO);
  const reset = q(RESET);
  const prune = q(PRUNE);
  return {
    async hit(key, windowMs, now) {
      const r = written<{ hits: number; reset_at: number }>(hit, args(key, now, windowMs))!;
      return { hits: r.hits, resetAt: r.reset_at };
    },
    async undo(key, now) {
      undo.run(args(key, now));
    },
    async reset(key) {
      reset.run(args(key));
    },
    async prune(now) {
      return prune.run(args(now)).changes;
    },
  };
}

export function createPgRateLimitRepo(pool: Pool): RateLimitRepo {
  return {
    async hit(key, windowMs, now) {
      const r = (await pool.query<{ hits: number; reset_at: number }>({ name: 'dv_rate_hit', text: HIT, values: [key, now, windowMs] })).rows[0]!;
      return { hits: r.hits, resetAt: r.reset_at };
    },
    async undo(key, now) {
      await pool.query(UNDO, [key, now]);
    },
    async reset(key) {
      await pool.query(RESET, [key]);
    },
    async prune(now) {
      return changed(pool, PRUNE, [now]);
    },
  };
}
