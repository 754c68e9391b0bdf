import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Content } from '../../content/load';
import { driveLabels, LANGS, type Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { preferLanguage } from '../../http/lang';
import { noStore } from '../../http/security';
import { bodyText } from '../../http/validate';
import { screenView, type ScreenMessage, type ScreenState } from '../../presenters/workshop-screen';
import type { AssessmentService } from '../../services/assessments';
import type { ParticipantStudio } from '../../services/studio-participant';
import type { TeamService } from '../../services/team';
import type { WorkshopRecord } from '../../db/store';
import { translator } from '../../content/texts';
import { teamViewModel } from '../../presenters/team-view';
import { MAX_OPEN_ANSWER } from '../../services/studio-participant';

/** Which text explains a refused answer, by the field the service names. */
function refusalOf(err: AppError): ScreenMessage {
  if (err.code === 'conflict') return { kind: 'error', key: 'screen.roundClosed' };
  const field = (err.details as { fields?: { field: string; message: string }[] } | undefined)?.fields?.[0];
  if (field?.field === 'drive') return { kind: 'error', key: 'screen.errorDrive' };
  if (field?.field === 'option') return { kind: 'error', key: 'screen.errorOption' };
  if (field?.message === 'required') return { kind: 'error', key: 'screen.errorText' };
  return { kind: 'error', key: 'screen.errorTextLong', params: { max: MAX_OPEN_ANSWER } };
}
const SAVED: Record<string, ScreenMessage> = {
  answer: { kind: 'saved', key: 'screen.saved' },
  vote: { kind: 'saved', key: 'screen.voted' },
};

/**
 * The participant's workshop screen at /w/:token (their private token is the capability): the current step of the
 * session, rendered on the server (first paint, no JavaScript) and then kept current by public/js/workshop-screen.js
 * from the participant's event stream. Without JavaScript the answer controls are plain forms posted here.
 */
export function workshopScreen(
  participants: ParticipantStudio,
  assessments: AssessmentService,
  content: Content,
  forms: RequestHandler[],
  team: TeamService,
): Router {
  const router = Router({ caseSensitive: true });
  // The page's texts for the script, per language: the "screen" area only.
  const scriptTexts = Object.fromEntries(
    LANGS.map((l) => [l, JSON.stringify(Object.fromEntries([...content.texts[l]].filter(([k]) => k.startsWith('screen.'))))]),
  ) as Record<Lang, string>;
  router.use('/w', noStore);

  /** The compact team view of the team step, once the chart is revealed (views/partials/screen-team.ejs); else null. */
  async function phoneTeam(w: WorkshopRecord, assessmentId: number, lang: Lang) {
    if (!w.revealed) return null;
    try {
      const { own, ...picture } = await team.forParticipant(w, assessmentId);
      const unnamed = translator(content.texts[lang])('teamView.unnamed');
      return { view: teamViewModel(picture, driveLabels(content.current.model.drives, lang), unnamed, own), renewing: false };
    } catch (err) {
      // An anonymous chart waiting for enough people after a removal: the phone says so, as the projector does.
      if (err instanceof AppError && err.code === 'conflict') return { view: null, renewing: true };
      throw err;
    }
  }

  async function render(req: Request, res: Response, status: number, message: ScreenMessage | null, typed?: string) {
    const token = req.params.token as string;
    const { w, assessmentId } = await participants.workshopOf(token);
    preferLanguage(res, w.lang);
    const [state, questionnaire] = await Promise.all([participants.current(token) as Promise<ScreenState>, assessments.state(token)]);
    const lang = res.locals.lang as Lang;
    const labels = driveLabels(content.current.model.drives, lang);
    const progress = { answered: questionnaire.answered, total: questionnaire.total, completed: Boolean(questionnaire.record.completedAt) };
    const now = Date.now();
    const s = screenView({ token, state, progress, labels, now, message, typed });
    res.status(status).render('workshop-screen', {
      s,
      phoneTeam: state.step.kind === 'team' ? await phoneTeam(w, assessmentId, lang) : null,
      sessionLang: w.lang,
      client: JSON.stringify({ token, state, progress, serverNow: now, sessionLang: w.lang }),
      drives: JSON.stringify(labels.map((d) => ({ id: d.id, name: d.name, colour: d.colour }))),
      texts: scriptTexts[lang],
    });
  }

  router.get('/w/:token', async (req, res) => {
    const saved = typeof req.query.saved === 'string' ? SAVED[req.query.saved] : undefined;
    await render(req, res, 200, saved ?? null);
  });

  // The team view alone, for workshop-screen-team.js: the team step is built in the browser after a change, and this
  // fills it with the same server-rendered markup (204 while there is nothing to show).
  router.get('/w/:token/team', async (req, res) => {
    const { w, assessmentId } = await participants.workshopOf(req.params.token);
    preferLanguage(res, w.lang);
    const phone = await phoneTeam(w, assessmentId, res.locals.lang as Lang);
    if (!phone) return res.status(204).end();
    res.render('partials/screen-team', { phoneTeam: phone, token: req.params.token });
  });

  // Without JavaScript: the answer buttons and the text field post here; the page comes back with the answer marked.
  router.post('/w/:token/exercises/:eid', forms);
  router.post('/w/:token/exercises/:eid', async (req, res) => {
    const body: unknown = req.body;
    const input = Object.fromEntries(
      ['drive', 'option', 'text'].filter((k) => bodyText(body, k) !== '').map((k) => [k, bodyText(body, k)]),
    );
    try {
      await participants.answer(req.params.token, req.params.eid, input);
    } catch (err) {
      if (!(err instanceof AppError) || !['validation_failed', 'conflict'].includes(err.code)) throw err;
      return await render(req, res, err.status, refusalOf(err), bodyText(body, 'text'));
    }
    res.redirect(303, `/w/${req.params.token}?saved=answer`);
  });

  router.post('/w/:token/exercises/:eid/votes', forms);
  router.post('/w/:token/exercises/:eid/votes', async (req, res) => {
    const raw = bodyText(req.body, 'answerId');
    const answerId = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
    try {
      await participants.vote(req.params.token, req.params.eid, answerId);
    } catch (err) {
      if (!(err instanceof AppError) || !['validation_failed', 'conflict'].includes(err.code)) throw err;
      return await render(req, res, err.status, { kind: 'error', key: 'screen.voteRefused' });
    }
    res.redirect(303, `/w/${req.params.token}?saved=vote`);
  });
  return router;
}
