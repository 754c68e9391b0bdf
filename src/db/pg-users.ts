import type { Pool } from 'pg';
import { changed, inTransaction, row, rows } from './pg';
import { toUser, type UserRow as Row } from './rows';
import type { LoginSessionRepo, UserRepo } from './store';

export function createPgUserRepo(pool: Pool): UserRepo {
  return {
    async create(input) {
      const r = await row<Row>(
        pool,
        `INSERT INTO users (email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING RETURNING *`,
        [input.email, input.name, input.role, input.passwordHash, input.now],
      );
      return r ? toUser(r) : 'email_taken';
    },
    async findById(id) {
      const r = await row<Row>(pool, 'SELECT * FROM users WHERE id = $1', [id]);
      return r ? toUser(r) : null;
    },
    async findForLogin(email) {
      const r = await row<Row>(pool, 'SELECT * FROM users WHERE email = $1', [email]);
      return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
    },
    async list() {
      // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
      return (await rows<Row>(pool, 'SELECT * FROM users ORDER BY email COLLATE "C"')).map(toUser);
    },
    async setPassword(email, hash) {
      return (await changed(pool, 'UPDATE users SET password_hash = $1 WHERE email = $2', [hash, email])) > 0;
    },
    async remove(email) {
      // The user's own profiles ("this is my profile") go with them; workshops and projects cascade in the schema.
      return inTransaction(pool, async (c) => {
        await c.query('DELETE FROM assessments WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email]);
        return (await changed(c, 'DELETE FROM users WHERE email = $1', [email])) > 0;
      });
    },
  };
}

/** Login sessions in the shared database: every instance knows every logged-in user. */
export function createPgLoginSessionRepo(pool: Pool): LoginSessionRepo {
  return {
    async get(sid, now) {
      return (await row<{ data: string }>(pool, 'SELECT data FROM login_sessions WHERE sid = $1 AND expires_at > $2', [sid, now]))?.data ?? null;
    },
    async set(sid, data, expiresAt) {
      await pool.query(
        `INSERT INTO login_sessions (sid, expires_at, data) VALUES ($1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data`,
        [sid, expiresAt, data],
      );
    },
    async touch(sid, expiresAt) {
      await pool.query('UPDATE login_sessions SET expires_at = $1 WHERE sid = $2', [expiresAt, sid]);
    },
    async destroy(sid) {
      await pool.query('DELETE FROM login_sessions WHERE sid = $1', [sid]);
    },
    async prune(now) {
      return changed(pool, 'DELETE FROM login_sessions WHERE expires_at <= $1', [now]);
    },
    async destroyByUser(userId) {
      // The user id lives in the session's JSON (express-session data); a full scan is fine for this rare write.
      return changed(pool, "DELETE FROM login_sessions WHERE data::jsonb ->> 'userId' = $1", [String(userId)]);
    },
  };
}
