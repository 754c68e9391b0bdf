import type { Content } from '../content/load';
import { translator } from '../content/texts';
import type { UserRecord, WorkshopRecord } from '../db/store';
import { driveLabels, type Lang } from '../domain/drives';
import { AppError } from '../errors';
import { MAX_AGREEMENTS, type TeamService } from '../services/team';
import { teamViewModel } from './team-view';

/** One row of the agreements form as typed: the text and a drive id, or '' for none. */
export type AgreementRow = { text: string; drive: string };
/** Per row (0-based, as in `rows`): the text keys of its fields' messages. */
export type AgreementErrors = Record<number, { text?: string; drive?: string }>;
/** Empty rows under the saved agreements, so that the team can add a few without JavaScript. */
export const EMPTY_AGREEMENT_ROWS = 3;

/** What a re-render after a refused form keeps: what was typed, and what was wrong with it. */
export type TeamFormState = {
  agreements?: { rows: AgreementRow[]; errors: AgreementErrors };
  trainer?: { email: string; error: string };
};

/**
 * The dashboard's team parts (views/partials/team-view.ejs): the team picture once the chart is revealed (null
 * before, or while an anonymous chart waits for enough people after a removal), the agreements form and the
 * session's trainers. Shared by the dashboard and the forms that show it again with an error.
 */
export function teamDashboard(team: TeamService, content: Content) {
  return async (user: UserRecord, w: WorkshopRecord, lang: Lang, state: TeamFormState = {}) => {
    const labels = driveLabels(content.current.model.drives, lang);
    let picture = null;
    let renewing = false;
    if (w.revealed) {
      try {
        picture = teamViewModel(await team.team(user, w.publicId), labels, translator(content.texts[lang])('teamView.unnamed'));
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
        renewing = true;
      }
    }
    const saved = w.agreements.map((a) => ({ text: a.text, drive: a.drive ?? '' }));
    const blank = Array.from({ length: EMPTY_AGREEMENT_ROWS }, () => ({ text: '', drive: '' }));
    const { owner, coTrainers } = await team.trainers(user, w.publicId);
    return {
      teamView: picture,
      teamRenewing: renewing,
      agreementsForm: state.agreements ?? { rows: [...saved, ...blank].slice(0, MAX_AGREEMENTS), errors: {} },
      agreementsMax: MAX_AGREEMENTS,
      trainerForm: state.trainer ?? { email: '', error: '' },
      trainers: { owner, coTrainers, me: user.id },
      teamDrives: labels,
    };
  };
}
export type TeamDashboard = Awaited<ReturnType<ReturnType<typeof teamDashboard>>>;
