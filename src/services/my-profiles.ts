import type { AssessmentRecord, Store, UserRecord } from '../db/store';
import { AppError } from '../errors';
import { hashToken, isWellFormedToken } from './tokens';

/** Pulls the token out of a pasted private link (…/a/TOKEN or …/p/TOKEN) or a bare token. */
export function tokenFromLink(link: string): string | null {
  const m = /(?:^|\/[ap]\/)([A-Za-z0-9_-]{24})(?:[/?#]|$)/.exec(link.trim());
  return m && isWellFormedToken(m[1]!) ? m[1]! : null;
}

function pick(list: AssessmentRecord[], id: number): AssessmentRecord {
  const found = list.find((r) => r.id === id);
  if (!found) throw new AppError('not_found', 'No such profile in your history.');
  return found;
}

/** A consultant's own profiles: linked by taking the questionnaire while logged in, or by claiming a private link. */
export function createMyProfilesService(store: Store) {
  return {
    async claim(user: UserRecord, link: string): Promise<void> {
      const token = tokenFromLink(link);
      if (!token)
        throw new AppError('validation_failed', 'This is not a private link of Drijfveer.', {
          fields: [{ field: 'link', message: 'not a private link' }],
        });
      const result = await store.assessments.linkToUser(hashToken(token), user.id);
      // A profile of someone else's account is reported like an unknown one: it reveals nothing.
      if (result !== 'linked') throw new AppError('not_found', 'No profile was found for this link.');
    },

    /** The user's profiles, newest first (completed ones only: history is about results). */
    async history(user: UserRecord): Promise<AssessmentRecord[]> {
      return (await store.assessments.listByUser(user.id)).filter((a) => a.profile && a.completedAt);
    },

    async pair(user: UserRecord, a: number, b: number): Promise<[AssessmentRecord, AssessmentRecord]> {
      const list = await this.history(user);
      return [pick(list, a), pick(list, b)];
    },

    /** One of the user's own profiles; someone else's is as unknown as one that does not exist. */
    async one(user: UserRecord, id: number): Promise<AssessmentRecord> {
      return pick(await this.history(user), id);
    },
  };
}
export type MyProfilesService = ReturnType<typeof createMyProfilesService>;
