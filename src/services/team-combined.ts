import type { Content } from '../content/load';
import type { Store, UserRecord } from '../db/store';
import { teamPicture } from '../domain/team-picture';
import { AppError } from '../errors';
import type { WorkshopService } from './workshops';

/** How many sessions one combined picture may take (four workshops of one vendor, and some room). */
export const MAX_COMBINED = 12;

/**
 * Several of a trainer's revealed sessions as one team picture (for example all consultants of one vendor over four
 * workshops). Aggregate only: no names, no pairs, whatever the sessions were. Each session adds the members its own
 * team chart covers (the published set of an anonymous one), and the whole is shown only when it holds at least the
 * largest minimum group size among them, so combining never shows a smaller group than any session would.
 */
export function createCombinedTeamService(store: Store, content: Content, workshops: WorkshopService) {
  return {
    async combined(user: UserRecord, ids: string[]) {
      const unique = [...new Set(ids)];
      if (unique.length < 2 || unique.length > MAX_COMBINED) {
        throw new AppError('validation_failed', `Combine between 2 and ${MAX_COMBINED} sessions.`, {
          fields: [{ field: 'sessions', message: `2 to ${MAX_COMBINED} session ids` }],
        });
      }
      const sessions = [];
      for (const id of unique) sessions.push(await workshops.get(user, id)); // someone else's session: 404, as everywhere
      const notShown = sessions.filter((w) => !w.revealed);
      if (notShown.length) {
        throw new AppError('conflict', 'Every session must have shown its team chart before it can be combined.', {
          notRevealed: notShown.map((w) => w.publicId),
        });
      }
      const profiles = [];
      for (const w of sessions) {
        const completed = (await store.workshops.participants(w.id)).filter((r) => r.profile && r.completedAt);
        const { members } = await workshops.teamMembers(w, completed);
        if (!members) throw new AppError('conflict', `The team chart of "${w.title}" is being renewed after a removal; try again later.`);
        profiles.push(...members.map((m) => m.profile!));
      }
      const minGroupSize = Math.max(...sessions.map((w) => w.minGroupSize));
      if (profiles.length < minGroupSize) {
        throw new AppError('conflict', `A combined picture needs at least ${minGroupSize} people (now ${profiles.length}).`, {
          n: profiles.length,
          minGroupSize,
        });
      }
      const lang = sessions[0]!.lang;
      const picture = teamPicture(
        profiles.map((profile) => ({ name: null, profile })),
        { anonymous: true, lang, advice: content.reader.advice, remarks: content.remarks[lang] },
      );
      return { ...picture, sessions: sessions.map((w) => ({ id: w.publicId, title: w.title })), minGroupSize, lang };
    },
  };
}
export type CombinedTeamService = ReturnType<typeof createCombinedTeamService>;
