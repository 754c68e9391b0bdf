import { toUser, type UserRow as Row } from './rows';
import type { Sql } from './sql';
import type { UserRepo } from './store';

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
      // A shared project is the pair's work on a client's roll-out: it passes to the colleague added first (who
      // could already read and edit all of it), and that colleague's membership row goes, as they now own it.
      return sql.transaction(async (tx) => {
        await tx.run(
          `UPDATE projects SET owner_id = (SELECT m.user_id FROM project_members m WHERE m.project_id = projects.id
                                           ORDER BY m.added_at, m.user_id LIMIT 1)
           WHERE owner_id = (SELECT id FROM users WHERE email = $1)
             AND EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = projects.id)`,
          [email],
        );
        await tx.run(
          `DELETE FROM project_members
           WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = project_members.project_id AND p.owner_id = project_members.user_id)`,
        );
        await tx.run('DELETE FROM assessments WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email]);
        return (await tx.run('DELETE FROM users WHERE email = $1', [email])) > 0;
      });
    },
    async findBySso(issuer, subject) {
      const row = await sql.first<Row>('SELECT * FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2', [issuer, subject]);
      return row ? toUser(row) : null;
    },
    async findByEmailForSso(email) {
      const row = await sql.first<Row>('SELECT * FROM users WHERE email = $1', [email]);
      if (!row) return null;
      const link = row.oidc_issuer && row.oidc_subject ? { issuer: row.oidc_issuer, subject: row.oidc_subject } : null;
      return { user: toUser(row), link };
    },
    async createSso(input) {
      // Either unique key (e-mail, or issuer + sub) may be taken by a login at the same moment: then nothing is made.
      const row = await sql.first<Row>(
        `INSERT INTO users (email, name, role, password_hash, created_at, oidc_issuer, oidc_subject) VALUES ($1, $2, $3, '', $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING *`,
        [input.email, input.name, input.role, input.now, input.link.issuer, input.link.subject],
      );
      return row ? toUser(row) : 'taken';
    },
    async linkSso(id, link, role) {
      const row = await sql.first<Row>(
        `UPDATE users SET oidc_issuer = $2, oidc_subject = $3, role = $4
         WHERE id = $1 AND ((oidc_issuer IS NULL AND oidc_subject IS NULL) OR (oidc_issuer = $2 AND oidc_subject = $3)) RETURNING *`,
        [id, link.issuer, link.subject, role],
      );
      return row ? toUser(row) : null;
    },
    async setRole(id, role) {
      return (await sql.run('UPDATE users SET role = $1 WHERE id = $2', [role, id])) > 0;
    },
    async setStatus(id, status) {
      return (await sql.run('UPDATE users SET status = $1 WHERE id = $2', [status, id])) > 0;
    },
    async recordLogin(id, now) {
      await sql.run('UPDATE users SET last_login_at = $1 WHERE id = $2', [now, id]);
    },
    async removalCounts(id) {
      const row = await sql.first<{ profiles: number; workshops: number; participants: number; projects: number }>(
        `SELECT (SELECT count(*) FROM assessments WHERE user_id = $1) AS profiles,
                (SELECT count(*) FROM workshops WHERE owner_id = $1) AS workshops,
                (SELECT count(*) FROM assessments a JOIN workshops w ON w.id = a.workshop_id WHERE w.owner_id = $1) AS participants,
                (SELECT count(*) FROM projects WHERE owner_id = $1) AS projects`,
        [id],
      );
      return {
        profiles: Number(row?.profiles ?? 0),
        workshops: Number(row?.workshops ?? 0),
        participants: Number(row?.participants ?? 0),
        projects: Number(row?.projects ?? 0),
      };
    },
  };
}
