import type { Content } from '../content/load';
import type { Agreement, Store, UserRecord, WorkshopRecord } from '../db/store';
import type { DriveId } from '../domain/drives';
import { upgradeProfile } from '../domain/stored-profile';
import { sideOf } from '../domain/team-picture/shape';
import { teamPicture } from '../domain/team-picture';
import { AppError } from '../errors';
import type { WorkshopService } from './workshops';

/** How many agreements a team keeps: a short list people remember, not minutes of a meeting. */
export const MAX_AGREEMENTS = 12;

/**
 * The team picture of a revealed session, the team's agreements, and the trainers who run the session together.
 * Same privacy rules as the team chart: only over the members the chart covers (the published set of an
 * anonymous session), nothing before the reveal.
 */
export function createTeamService(store: Store, content: Content, workshops: WorkshopService, onChange: (workshopId: number) => void) {
  /** The picture of a workshop whoever asks (the trainer's session, a participant's link): access is checked by the caller. */
  async function pictureOf(w: WorkshopRecord) {
    if (!w.revealed)
      throw new AppError('conflict', 'The team picture can be seen once the team chart has been shown.', { revealed: false });
    const completed = (await store.workshops.participants(w.id)).filter((r) => r.profile && r.completedAt);
    const { members, published } = await workshops.teamMembers(w, completed);
    if (!members) {
      throw new AppError(
        'conflict',
        `The team picture is being renewed after a removal; it returns at ${published!.nextAt} completed participants.`,
        {
          nextAt: published!.nextAt,
        },
      );
    }
    const picture = teamPicture(
      members.map((m) => ({ name: w.anonymous ? null : (m.name ?? ''), profile: m.profile! })),
      { anonymous: w.anonymous, lang: w.lang, advice: content.reader.advice, remarks: content.remarks[w.lang] },
    );
    return { picture: { ...picture, anonymous: w.anonymous, lang: w.lang, title: w.title, agreements: w.agreements }, members };
  }

  return {
    async team(user: UserRecord, sid: string) {
      return (await pictureOf(await workshops.get(user, sid))).picture;
    },

    /**
     * The team picture on a participant's own phone (the caller has checked their private token), with their own
     * place in named sessions when the chart covers them. Anonymous: no own place either, only the group's counts.
     */
    async forParticipant(w: WorkshopRecord, assessmentId: number) {
      const { picture, members } = await pictureOf(w);
      const me = w.anonymous ? undefined : members.find((m) => m.id === assessmentId);
      const profile = me ? upgradeProfile(me.profile!) : null;
      const own = profile ? { first: profile.ranking[0] as DriveId, second: profile.ranking[1] as DriveId, side: sideOf(profile) } : null;
      return { ...picture, own };
    },
    ofWorkshop: async (w: WorkshopRecord) => (await pictureOf(w)).picture,

    async setAgreements(user: UserRecord, sid: string, items: Agreement[]) {
      const w = await workshops.get(user, sid);
      await store.workshops.setAgreements(w.id, items.slice(0, MAX_AGREEMENTS));
      onChange(w.id);
      return (await store.workshops.findById(w.id))!.agreements;
    },

    async trainers(user: UserRecord, sid: string) {
      const w = await workshops.get(user, sid);
      const owner = await store.users.findById(w.ownerId);
      return {
        owner: owner ? { id: owner.id, email: owner.email, name: owner.name } : null,
        coTrainers: await store.workshops.trainers(w.id),
      };
    },

    /** The owner adds a trainer (or admin) by e-mail address; consultants cannot run sessions. */
    async addTrainer(user: UserRecord, sid: string, email: string) {
      const w = await workshops.getOwned(user, sid);
      const found = await store.users.findForLogin(email.trim().toLowerCase());
      if (!found || found.role === 'consultant') {
        throw new AppError('validation_failed', 'There is no trainer with this e-mail address.', {
          fields: [{ field: 'email', message: 'no trainer with this address' }],
        });
      }
      if (found.id === w.ownerId) throw new AppError('conflict', 'This trainer already owns the session.');
      const added = await store.workshops.addTrainer(w.id, found.id, new Date().toISOString());
      return { added: added === 'added', trainer: { id: found.id, email: found.email, name: found.name } };
    },

    async removeTrainer(user: UserRecord, sid: string, userId: number) {
      const w = await workshops.getOwned(user, sid);
      if (!(await store.workshops.removeTrainer(w.id, userId)))
        throw new AppError('not_found', 'This trainer is not a co-trainer of the session.');
    },
  };
}
export type TeamService = ReturnType<typeof createTeamService>;
