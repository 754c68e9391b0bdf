import { z } from 'zod';
import type { Role, Store, UserRecord } from '../db/store';
import { AppError } from '../errors';
import { createPasswords, DEFAULT_HASHING, type Passwords } from './passwords';
import { createAuditService, type AuditEvent, type AuditService } from './audit';

/** Who changes a user: a logged-in admin, or the command line (the default: the CLI is where users are managed today). */
export type UserActor = Pick<AuditEvent, 'actorId' | 'actorEmail' | 'actor'>;
const CLI: UserActor = { actor: 'cli' };

export const ROLES = ['trainer', 'consultant', 'admin'] as const satisfies readonly Role[];
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('not a valid e-mail address').max(254));
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(200, 'at most 200 characters');

/**
 * Accounts: created by the CLI (no self-registration), used to log in. Hashing as configured (config.passwords).
 * Every change and every login attempt is written to the audit log after it happened.
 */
export function createUserService(
  store: Store,
  passwords: Passwords = createPasswords(DEFAULT_HASHING),
  audit: AuditService = createAuditService(store),
) {
  const repo = store.users;
  return {
    async add(input: { email: string; name: string; role: Role; password: string }, by: UserActor = CLI): Promise<UserRecord> {
      const email = emailSchema.parse(input.email);
      passwordSchema.parse(input.password);
      const user = await repo.create({
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash: await passwords.hash(input.password),
        now: new Date().toISOString(),
      });
      if (user === 'email_taken') throw new AppError('conflict', `A user with e-mail ${email} already exists.`);
      await audit.recordAfter({ ...by, action: 'user.add', target: String(user.id), detail: { role: user.role } });
      return user;
    },
    /** A new password ends every login session of the user: a thief with an old cookie is out too. */
    async setPassword(email: string, password: string, by: UserActor = CLI): Promise<void> {
      passwordSchema.parse(password);
      const user = await repo.findForLogin(emailSchema.parse(email));
      if (!user || !(await repo.setPassword(user.email, await passwords.hash(password))))
        throw new AppError('not_found', `No user with e-mail ${email}.`);
      const ended = await store.loginSessions.destroyByUser(user.id);
      await audit.recordAfter({ ...by, action: 'password.change', target: String(user.id), detail: { loginsEnded: ended } });
    },
    /** Also ends the user's login sessions (SQLite may give a later user the same id). */
    async remove(email: string, by: UserActor = CLI): Promise<void> {
      const user = await repo.findForLogin(emailSchema.parse(email));
      if (!user || !(await repo.remove(user.email))) throw new AppError('not_found', `No user with e-mail ${email}.`);
      await store.loginSessions.destroyByUser(user.id);
      await store.scrub(); // the deleted data leaves the database's files too
      await audit.recordAfter({ ...by, action: 'user.remove', target: String(user.id), detail: { role: user.role } });
    },
    list: () => repo.list(),
    byId: (id: number) => repo.findById(id),

    /**
     * The user for these credentials, or null; takes as long for an unknown e-mail as for a wrong password. A failed
     * attempt is logged with the account it was for only when the address belongs to one: an unknown address may be
     * a typo, someone else's address or a password typed in the wrong field, so it is not kept ('anonymous').
     */
    async authenticate(email: string, password: string): Promise<UserRecord | null> {
      const parsed = emailSchema.safeParse(email);
      const found = parsed.success ? await repo.findForLogin(parsed.data) : null;
      // An account without a password (single sign-on: password_hash '') never matches, and costs a hash like the rest.
      const ok = await passwords.verify(password, found?.passwordHash || passwords.dummyHash());
      // A deactivated user is refused with the same generic answer as a wrong password.
      if (!found || !found.passwordHash || !ok || found.status !== 'active') {
        await audit.recordAfter(
          found
            ? {
                actorId: found.id,
                actorEmail: found.email,
                action: 'login.failure',
                target: String(found.id),
                detail: { reason: ok && found.passwordHash ? 'deactivated' : 'password' },
              }
            : { actor: 'anonymous', action: 'login.failure', detail: { reason: 'unknown_account' } },
        );
        return null;
      }
      const { passwordHash: _drop, ...user } = found;
      const now = new Date().toISOString();
      await repo.recordLogin(user.id, now);
      await audit.recordAfter({
        actorId: user.id,
        actorEmail: user.email,
        action: 'login.success',
        target: String(user.id),
        detail: { method: 'password' },
      });
      return { ...user, lastLoginAt: now };
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
