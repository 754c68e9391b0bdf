import type { Content } from '../content/load';
import { translator, type Translate } from '../content/texts';
import type { Lang } from '../domain/drives';
import type { Role, Store, UserRecord, UserStatus } from '../db/store';
import { AppError } from '../errors';
import { composeMail } from '../mail/compose';
import { inviteMail } from '../mail/messages';
import { byUser, createAuditService, type AuditService } from './audit';
import type { LiveHub } from './live';
import type { Mailer } from './mail';
import { hashToken, newToken } from './tokens';
import { emailSchema, type UserService } from './users';

/** An invitation link works this long, once. */
export const INVITE_HOURS = 72;

export type AdminDeps = { store: Store; users: UserService; mailer: Mailer; live: LiveHub; content: Content; audit?: AuditService };

const SELF = {
  role: 'You cannot change your own role: ask another admin, so that there is always an admin left.',
  status: 'You cannot deactivate yourself: ask another admin, so that there is always an admin left.',
  remove: 'You cannot remove yourself: ask another admin, so that there is always an admin left.',
};

/**
 * User administration by an admin (the routes check the role): invite, change a role, deactivate and reactivate,
 * remove. An admin never acts on themself, so nobody can lock the last admin out by accident.
 */
export function createAdminUsers({ store, users, mailer, live, content, audit = createAuditService(store) }: AdminDeps) {
  const t: Record<Lang, Translate> = { nl: translator(content.texts.nl), en: translator(content.texts.en) };
  const load = async (id: number): Promise<UserRecord> => {
    const user = await store.users.findById(id);
    if (!user) throw new AppError('not_found', 'No such user.');
    return user;
  };
  /** Ends every login session of the user and, on this instance, their live streams at once (others on their heartbeat). */
  async function logOutEverywhere(userId: number): Promise<void> {
    for (const sid of await store.loginSessions.idsByUser(userId)) live.closeLogin(sid);
    await store.loginSessions.destroyByUser(userId);
  }

  return {
    list: () => store.users.list(),
    get: load,
    mailConfigured: () => mailer.configured,

    /**
     * Makes the account (without a password) and mails a one-time link to set one. Inviting an address whose
     * invitation is still open sends a new link (the old one stops working); any other existing address is a 409.
     */
    async invite(actor: UserRecord, input: { email: string; name: string; role: Role; lang: Lang }, linkBase: string): Promise<UserRecord> {
      mailer.requireConfigured();
      const email = emailSchema.parse(input.email);
      const now = new Date();
      let user = await store.users.findForLogin(email);
      if (user && (user.hasPassword || user.status !== 'active'))
        throw new AppError('conflict', `A user with e-mail ${email} already exists.`, { field: 'email' });
      const created = !user;
      if (!user) {
        const made = await store.users.create({
          email,
          name: input.name.trim(),
          role: input.role,
          passwordHash: '',
          now: now.toISOString(),
        });
        if (made === 'email_taken') throw new AppError('conflict', `A user with e-mail ${email} already exists.`, { field: 'email' });
        user = { ...made, passwordHash: '' };
      }
      await store.userTokens.endOpen(user.id, 'invite', now.toISOString());
      const token = newToken();
      const expiresAt = new Date(now.getTime() + INVITE_HOURS * 3600 * 1000).toISOString();
      await store.userTokens.create({ tokenHash: hashToken(token), userId: user.id, kind: 'invite', expiresAt, now: now.toISOString() });
      const url = `${linkBase}/invite/${token}`;
      try {
        await mailer.send(await composeMail(email, input.lang, inviteMail(t[input.lang], { name: user.name, url, hours: INVITE_HOURS })));
      } catch (err) {
        // Without the mail the account is of no use: a new invitation can start over.
        if (created) await store.users.remove(email);
        throw err;
      }
      await audit.recordAfter({ ...byUser(actor), action: 'user.invite', target: String(user.id), detail: { role: input.role } });
      const { passwordHash: _drop, ...record } = user;
      return record;
    },

    async setRole(actor: UserRecord, id: number, role: Role): Promise<UserRecord> {
      if (actor.id === id) throw new AppError('conflict', SELF.role);
      const before = await load(id);
      await store.users.setRole(id, role);
      await audit.recordAfter({ ...byUser(actor), action: 'user.role', target: String(id), detail: { from: before.role, to: role } });
      return load(id);
    },

    /** Deactivation logs the user out at once; reactivation lets them log in again with their old password. */
    async setStatus(actor: UserRecord, id: number, status: UserStatus): Promise<UserRecord> {
      if (actor.id === id) throw new AppError('conflict', SELF.status);
      await load(id);
      await store.users.setStatus(id, status);
      if (status === 'deactivated') await logOutEverywhere(id);
      await audit.recordAfter({
        ...byUser(actor),
        action: status === 'deactivated' ? 'user.deactivate' : 'user.activate',
        target: String(id),
      });
      return load(id);
    },

    /** What removing the user also removes (the CLI's rules: own profiles, projects, sessions with participants). */
    async removalPreview(actor: UserRecord, id: number) {
      if (actor.id === id) throw new AppError('conflict', SELF.remove);
      const user = await load(id);
      return { user, counts: await store.users.removalCounts(id) };
    },

    async remove(actor: UserRecord, id: number): Promise<void> {
      if (actor.id === id) throw new AppError('conflict', SELF.remove);
      const user = await load(id);
      for (const sid of await store.loginSessions.idsByUser(id)) live.closeLogin(sid);
      await users.remove(user.email, byUser(actor)); // as the CLI: ends login sessions, scrubs the deleted data, records it
    },
  };
}
export type AdminUsers = ReturnType<typeof createAdminUsers>;
