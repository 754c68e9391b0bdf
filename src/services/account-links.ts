import { createAuditService, type AuditService } from './audit';
import type { Content } from '../content/load';
import { translator, type Translate } from '../content/texts';
import type { Lang } from '../domain/drives';
import type { Store, UserTokenKind } from '../db/store';
import { AppError } from '../errors';
import { composeMail } from '../mail/compose';
import { privateLinkMail, resetMail } from '../mail/messages';
import type { LiveHub } from './live';
import type { Mailer } from './mail';
import type { Passwords } from './passwords';
import { hashToken, isWellFormedToken, newToken } from './tokens';
import { emailSchema, passwordSchema } from './users';

/** A reset link works this long, once. */
export const RESET_MINUTES = 60;

export type LinkState = { state: 'open'; userId: number; email: string; name: string } | { state: 'used' | 'expired' | 'unknown' };

/**
 * The one-time links people get by mail: the invitation (set a first password), the password reset, and a
 * participant's own private link. A used or expired link says so; every link is used once.
 */
export function createAccountLinks(deps: {
  store: Store;
  passwords: Passwords;
  mailer: Mailer;
  live: LiveHub;
  content: Content;
  /** A mail that could not be sent after the answer went out (reset requests answer before sending). */
  onBackgroundFailure: (err: unknown) => void;
  audit?: AuditService;
}) {
  const { store, passwords, mailer, live, content } = deps;
  const audit = deps.audit ?? createAuditService(store);
  const t: Record<Lang, Translate> = { nl: translator(content.texts.nl), en: translator(content.texts.en) };

  async function check(kind: UserTokenKind, token: string): Promise<LinkState> {
    if (!isWellFormedToken(token)) return { state: 'unknown' };
    const found = await store.userTokens.check(hashToken(token), kind, new Date().toISOString());
    if (typeof found === 'string') return { state: found };
    const user = await store.users.findById(found.userId);
    if (!user || user.status !== 'active') return { state: 'unknown' };
    return { state: 'open', userId: user.id, email: user.email, name: user.name };
  }

  /** Uses the link once and sets the password; every login session of the user ends (a reset locks a thief out). */
  async function setPasswordWith(kind: UserTokenKind, token: string, password: string): Promise<LinkState> {
    passwordSchema.parse(password);
    const state = await check(kind, token);
    if (state.state !== 'open') return state;
    const hash = await passwords.hash(password);
    const now = new Date().toISOString();
    // Used in one statement: of two submits of one link, only the first sets a password.
    if ((await store.userTokens.use(hashToken(token), kind, now)) === null) return { state: 'used' };
    await store.users.setPassword(state.email, hash);
    await store.userTokens.endOpen(state.userId, kind, now);
    for (const sid of await store.loginSessions.idsByUser(state.userId)) live.closeLogin(sid);
    await store.loginSessions.destroyByUser(state.userId);
    // Only that a link was used, by whom: never the link or the password.
    await audit.recordAfter({
      actorId: state.userId,
      actorEmail: state.email,
      action: kind === 'invite' ? 'password.change' : 'password.reset',
      target: String(state.userId),
      detail: { via: kind === 'invite' ? 'invitation' : 'reset_link' },
    });
    return state;
  }

  return {
    mailConfigured: () => mailer.configured,
    checkInvite: (token: string) => check('invite', token),
    checkReset: (token: string) => check('reset', token),
    acceptInvite: (token: string, password: string) => setPasswordWith('invite', token, password),
    resetPassword: (token: string, password: string) => setPasswordWith('reset', token, password),

    /**
     * Mails a reset link when the address belongs to an active user. The answer is the same either way and
     * comes before the mail is sent, so neither the words nor the time tell whether the address is known.
     */
    async requestReset(email: string, lang: Lang, linkBase: string): Promise<void> {
      mailer.requireConfigured();
      const parsed = emailSchema.safeParse(email);
      if (!parsed.success) throw new AppError('validation_failed', 'Enter a valid e-mail address.', { fields: { email: 'invalid' } });
      const user = await store.users.findForLogin(parsed.data);
      if (!user || user.status !== 'active') return;
      const token = newToken();
      const now = new Date();
      await store.userTokens.create({
        tokenHash: hashToken(token),
        userId: user.id,
        kind: 'reset',
        expiresAt: new Date(now.getTime() + RESET_MINUTES * 60 * 1000).toISOString(),
        now: now.toISOString(),
      });
      // Recorded only for an existing account, so the log does not collect the addresses people typed.
      await audit.recordAfter({
        actorId: user.id,
        actorEmail: user.email,
        action: 'password.reset',
        target: String(user.id),
        detail: { step: 'requested' },
      });
      const content = resetMail(t[lang], { name: user.name, url: `${linkBase}/password/reset/${token}`, minutes: RESET_MINUTES });
      void composeMail(user.email, lang, content)
        .then((m) => mailer.send(m))
        .catch(deps.onBackgroundFailure);
    },

    /** Mails a participant their private link. The address is only passed to the relay: it is not stored or logged. */
    async mailPrivateLink(email: string, lang: Lang, url: string): Promise<void> {
      mailer.requireConfigured();
      const parsed = emailSchema.safeParse(email);
      if (!parsed.success) throw new AppError('validation_failed', 'Enter a valid e-mail address.', { fields: { email: 'invalid' } });
      await mailer.send(await composeMail(parsed.data, lang, privateLinkMail(t[lang], { url })));
    },
  };
}
export type AccountLinks = ReturnType<typeof createAccountLinks>;
