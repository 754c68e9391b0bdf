import { toUser, type UserRow as Row } from './rows';
import type { Sql } from './sql';
import type { LoginSessionRepo, UserRepo } from './store';

/** Accounts, on either backend. */
export function createUserRepo(sql: Sql): UserRepo {
  return {
    async create(input) {
      const row = await sql.first<Row>(
        `INSERT INTO users (email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING RETURNING *`,
        [input.email, input.name, input.role, input.passwordHash, input.now],
      );
      return row ? toUser(row) : 'email_taken';
    },
    async findById(id) {
      const row = await sql.first<Row>('SELECT * FROM users WHERE id = $1', [id]);
      return row ? toUser(row) : null;
    },
    async findForLogin(email) {
      const row = await sql.first<Row>('SELECT * FROM users WHERE email = $1', [email]);
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
    },
    async list() {
      // Byte order, whatever the PostgreSQL database's locale.
      return (await sql.all<Row>('SELECT * FROM users ORDER BY email COLLATE "C"')).map(toUser);
    },
    async setPassword(email, hash) {
      return (await sql.run('UPDATE users SET password_hash = $1 WHERE email = $2', [hash, email])) > 0;
    },
    async remove(email) {
      // The user's own profiles ("this is my profile") go with them; workshops and projects cascade in the schema.
      return sql.transaction(async (tx) => {
        await tx.run('DELETE FROM assessments WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email]);
        return (await tx.run('DELETE FROM users WHERE email = $1', [email])) > 0;
      });
    },
  };
}

/** Login sessions (express-session data as JSON) in the database: every instance knows every logged-in user. */
export function createLoginSessionRepo(sql: Sql): LoginSessionRepo {
  return {
    async get(sid, now) {
      return (await sql.first<{ data: string }>('SELECT data FROM login_sessions WHERE sid = $1 AND expires_at > $2', [sid, now]))?.data ?? null;
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
  };
}
