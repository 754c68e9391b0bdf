import type { Sql } from './sql';
import type { UserTokenRepo } from './store';

type Row = { user_id: number; expires_at: string; used_at: string | null };

/** Invitation and password-reset links; times as ISO text (SQLite) or timestamptz (PostgreSQL) compare the same. */
export function createUserTokenRepo(sql: Sql): UserTokenRepo {
  return {
    async create({ tokenHash, userId, kind, expiresAt, now }) {
      await sql.run('INSERT INTO user_tokens (token_hash, user_id, kind, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)', [
        tokenHash,
        userId,
        kind,
        expiresAt,
        now,
      ]);
    },
    async check(tokenHash, kind, now) {
      const row = await sql.first<Row>('SELECT user_id, expires_at, used_at FROM user_tokens WHERE token_hash = $1 AND kind = $2', [
        tokenHash,
        kind,
      ]);
      if (!row) return 'unknown';
      if (row.used_at !== null) return 'used';
      if (new Date(row.expires_at).getTime() <= new Date(now).getTime()) return 'expired';
      return { userId: row.user_id };
    },
    async use(tokenHash, kind, now) {
      // One statement: of two requests with the same link, only one finds it unused.
      const row = await sql.first<{ user_id: number }>(
        `UPDATE user_tokens SET used_at = $1
         WHERE token_hash = $2 AND kind = $3 AND used_at IS NULL AND expires_at > $1 RETURNING user_id`,
        [now, tokenHash, kind],
      );
      return row?.user_id ?? null;
    },
    async endOpen(userId, kind, now) {
      await sql.run('UPDATE user_tokens SET used_at = $1 WHERE user_id = $2 AND kind = $3 AND used_at IS NULL', [now, userId, kind]);
    },
  };
}
