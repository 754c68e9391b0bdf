import { written, type SqliteDb } from './sqlite';
import { toUser, type UserRow as Row } from './rows';
import type { LoginSessionRepo, UserRepo } from './store';

export function createSqliteUserRepo(db: SqliteDb): UserRepo {
  const insert = db.prepare(
    `INSERT INTO users (email, name, role, password_hash, created_at) VALUES (@email, @name, @role, @passwordHash, @now)
     ON CONFLICT (email) DO NOTHING RETURNING *`,
  );
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
  const all = db.prepare('SELECT * FROM users ORDER BY email');
  const passwd = db.prepare('UPDATE users SET password_hash = ? WHERE email = ?');
  // The user's own profiles ("this is my profile") go with them; workshops and projects cascade in the schema.
  const removeProfiles = db.prepare('DELETE FROM assessments WHERE user_id = (SELECT id FROM users WHERE email = ?)');
  const removeUser = db.prepare('DELETE FROM users WHERE email = ?');
  const remove = db.transaction((email: string) => {
    removeProfiles.run(email);
    return removeUser.run(email).changes > 0;
  });
  return {
    async create(input) {
      const row = written<Row>(insert, input);
      return row ? toUser(row) : 'email_taken';
    },
    async findById(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toUser(row) : null;
    },
    async findForLogin(email) {
      const row = byEmail.get(email) as Row | undefined;
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
    },
    async list() {
      return (all.all() as Row[]).map(toUser);
    },
    async setPassword(email, hash) {
      return passwd.run(hash, email).changes > 0;
    },
    async remove(email) {
      return remove(email);
    },
  };
}

export function createSqliteLoginSessionRepo(db: SqliteDb): LoginSessionRepo {
  const get = db.prepare('SELECT data FROM login_sessions WHERE sid = ? AND expires_at > ?');
  const set = db.prepare(
    `INSERT INTO login_sessions (sid, expires_at, data) VALUES (?, ?, ?)
     ON CONFLICT (sid) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data`,
  );
  const touch = db.prepare('UPDATE login_sessions SET expires_at = ? WHERE sid = ?');
  const destroy = db.prepare('DELETE FROM login_sessions WHERE sid = ?');
  const prune = db.prepare('DELETE FROM login_sessions WHERE expires_at <= ?');
  // The user id lives in the session's JSON (express-session data); a full scan is fine for this rare write.
  const byUser = db.prepare("DELETE FROM login_sessions WHERE json_extract(data, '$.userId') = ?");
  return {
    async get(sid, now) {
      return (get.pluck().get(sid, now) as string | undefined) ?? null;
    },
    async set(sid, data, expiresAt) {
      set.run(sid, expiresAt, data);
    },
    async touch(sid, expiresAt) {
      touch.run(expiresAt, sid);
    },
    async destroy(sid) {
      destroy.run(sid);
    },
    async prune(now) {
      return prune.run(now).changes;
    },
    async destroyByUser(userId) {
      return byUser.run(userId).changes;
    },
  };
}
