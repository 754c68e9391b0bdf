import { Router, type Response } from 'express';
import type { Content } from '../../content/load';
import { translator } from '../../content/texts';
import type { WorkshopRecord } from '../../db/store';
import { driveLabels, type Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { noStore } from '../../http/security';
import { formatter } from '../../presenters/format';
import { teamReportView, type ReportAudience } from '../../presenters/team-report';
import type { ParticipantStudio } from '../../services/studio-participant';
import type { TeamService } from '../../services/team';
import type { WorkshopService } from '../../services/workshops';

/** Why the report is not there yet, and when it will be: before the reveal, or while an anonymous picture is renewed. */
type Pending = { kind: 'reveal'; completed: number; min: number } | { kind: 'waitReveal' } | { kind: 'renewing'; next: number };

/**
 * The team report on paper and screen, in the session's language whatever the reader's own choice: it is the team's
 * document, and its quotes and advice come from the team picture in that language. The trainer's at
 * /trainer/sessions/:id/report (owner and co-trainers; others get a 404), a participant's at /w/:token/report.
 */
function reportRenderer(team: TeamService, content: Content) {
  const translators = { nl: translator(content.texts.nl), en: translator(content.texts.en) };
  const speak = (res: Response, lang: Lang) => {
    res.locals.lang = lang;
    res.locals.t = translators[lang];
    res.locals.fmt = formatter(lang);
  };

  return async (res: Response, w: WorkshopRecord, audience: ReportAudience, links: { back: string }, pending: () => Promise<Pending>) => {
    speak(res, w.lang);
    let picture;
    try {
      picture = await team.ofWorkshop(w);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
      const next = (err.details as { nextAt?: number } | undefined)?.nextAt;
      const why: Pending = next !== undefined ? { kind: 'renewing', next } : await pending();
      return res.status(409).render('team-report-pending', { title: w.title, why, back: links.back, audience });
    }
    const r = teamReportView({
      picture,
      createdAt: w.createdAt,
      now: new Date(),
      labels: driveLabels(content.current.model.drives, w.lang),
      lang: w.lang,
      t: translators[w.lang],
      audience,
    });
    res.render('team-report', { r, back: links.back });
  };
}

/** The trainer's report, mounted in the /trainer area (behind requireUser for trainers). */
export function trainerReportPages(team: TeamService, workshops: WorkshopService, content: Content): Router {
  const router = Router({ caseSensitive: true });
  const render = reportRenderer(team, content);
  router.get('/sessions/:id/report', noStore, async (req, res) => {
    const w = await workshops.get(currentUser(res), String(req.params.id));
    await render(res, w, 'trainer', { back: `/trainer/sessions/${w.publicId}` }, async () => {
      const s = await workshops.summary(w);
      return { kind: 'reveal', completed: s.completed, min: w.minGroupSize };
    });
  });
  return router;
}

/** A participant's report from their private link: only for links of a workshop session (a self-assessment gets a 404). */
export function participantReportPage(team: TeamService, participants: ParticipantStudio, content: Content): Router {
  const router = Router({ caseSensitive: true });
  const render = reportRenderer(team, content);
  router.get('/w/:token/report', noStore, async (req, res) => {
    const { w } = await participants.workshopOf(String(req.params.token));
    await render(res, w, 'participant', { back: `/p/${String(req.params.token)}` }, () => Promise.resolve({ kind: 'waitReveal' }));
  });
  return router;
}
