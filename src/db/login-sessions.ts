import type { Sql } from './sql';
import type { LoginSessionRepo } from './store';

/** Login sessions (express-session data as JSON) in the database: every instance knows every logged-in user. */
export function createLoginSessionRepo(sql: Sql): LoginSessionRepo {
  return {
    async get(sid, now) {
      return (
        (await sql.first<{ data: string }>('SELECT data FROM login_sessions WHERE sid = $1 AND expires_at > $2', [sid, now]))?.data ?? null
      );
    },
    async set(sid, data, expiresAt) {
      await sql.run(
        `INSERT INTO login_sessions (sid, expires_at, data) VALUES ($1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data`,
        [sid, expiresAt, data],
      );
    },
    async touch(sid, expiresAt) {
      await sql.run('UPDATE login_sessions SET expires_at = $1 WHERE sid = $2', [expiresAt, sid]);
    },
    async destroy(sid) {
      await sql.run('DELETE FROM login_sessions WHERE sid = $1', [sid]);
    },
    async prune(now) {
      return sql.run('DELETE FROM login_sessions WHERE expires_at <= $1', [now]);
    },
    async destroyByUser(userId) {
      // The user id lives in the session's JSON (express-session data); a full scan is fine for this rare write.
      // ->> reads a JSON field in both engines (SQLite 3.38+; PostgreSQL on jsonb).
      return sql.run("DELETE FROM login_sessions WHERE CAST(data ->> 'userId' AS INTEGER) = $1", [userId]);
    },
    async idsByUser(userId) {
      const rows = await sql.all<{ sid: string }>("SELECT sid FROM login_sessions WHERE CAST(data ->> 'userId' AS INTEGER) = $1", [userId]);
      return rows.map((r) => r.sid);
    },
  };
}
