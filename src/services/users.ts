import { z } from 'zod';
import type { Role, Store, UserRecord } from '../db/store';
import { AppError } from '../errors';
import { dummyHash, hashPassword, verifyPassword } from './passwords';

export const ROLES = ['trainer', 'consultant', 'admin'] as const satisfies readonly Role[];
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('not a valid e-mail address').max(254));
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(200, 'at most 200 characters');

/** Accounts: created by the CLI (no self-registration), used to log in. */
export function createUserService(store: Store) {
  const repo = store.users;
  return {
    async add(input: { email: string; name: string; role: Role; password: string }): Promise<UserRecord> {
      const email = emailSchema.parse(input.email);
      passwordSchema.parse(input.password);
      const user = await repo.create({ email, name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password), now: new Date().toISOString() });
      if (user === 'email_taken') throw new AppError('conflict', `A user with e-mail ${email} already exists.`);
      return user;
    },
    async setPassword(email: string, password: string): Promise<void> {
      passwordSchema.parse(password);
      if (!(await repo.setPassword(emailSchema.parse(email), await hashPassword(password)))) throw new AppError('not_found', `No user with e-mail ${email}.`);
    },
    async remove(email: string): Promise<void> {
      if (!(await repo.remove(emailSchema.parse(email)))) throw new AppError('not_found', `No user with e-mail ${email}.`);
      await store.scrub(); // the deleted data leaves the database's files too
    },
    list: () => repo.list(),
    byId: (id: number) => repo.findById(id),

    /** The user for these credentials, or null; takes as long for an unknown e-mail as for a wrong password. */
    async authenticate(email: string, password: string): Promise<UserRecord | null> {
      const parsed = emailSchema.safeParse(email);
      const found = parsed.success ? await repo.findForLogin(parsed.data) : null;
      const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
      if (!found || !ok) return null;
      const { passwordHash: _drop, ...user } = found;
      return user;
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
