import { bodyText } from '../../http/validate';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../config';
import { driveLabels, type Lang } from '../../domain/drives';
import type { Content } from '../../content/load';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { formatter } from '../../presenters/format';
import type { WorkshopRecord } from '../../db/store';
import { studioDashboard } from '../../presenters/studio-dashboard';
import { teamDashboard, type TeamFormState } from '../../presenters/team-dashboard';
import type { StudioService } from '../../services/studio';
import type { TeamService } from '../../services/team';
import type { WorkshopService } from '../../services/workshops';
import { joinLinkFor, workshopFields } from './api';

export const createForm = z.object({
  title: workshopFields.title,
  lang: workshopFields.lang,
  anonymous: z.literal('yes').optional(),
  points: z.literal('yes').optional(),
  minGroupSize: z.coerce.number().pipe(workshopFields.minGroupSize),
});

/** What views/dashboard.ejs shows besides the studio section: shared with the studio's forms, which re-render it on errors. */
export function dashboardView(workshops: WorkshopService, content: Content, config: Config, team: TeamService) {
  const teamParts = teamDashboard(team, content);
  return async (req: Request, res: Response, w: WorkshopRecord, teamState?: TeamFormState) => {
    const lang = res.locals.lang as Lang;
    const join = joinLinkFor(config, req, w.code);
    return {
      user: currentUser(res),
      w: {
        id: w.publicId,
        code: w.code,
        title: w.title,
        anonymous: w.anonymous,
        minGroupSize: w.minGroupSize,
        status: w.status,
        revealed: w.revealed,
      },
      joinUrl: join.url,
      joinNote: join.kind === 'network' || join.kind === 'loopback' ? { kind: join.kind, others: join.others } : null,
      summaryJson: await workshops.summaryJson(w),
      drivesJson: JSON.stringify(driveLabels(content.current.model.drives, lang)),
      error: req.query.error === 'reveal' ? 'dashboard.revealTooEarly' : null,
      keepUntil: w.keepUntil ? formatter(lang).date(w.keepUntil) : null,
      retentionDays: config.retention.workshopDays,
      // Co-trainers run the session but cannot delete it.
      owner: workshops.owns(currentUser(res), w),
      // The team view, agreements and trainers (views/partials/team-view.ejs).
      ...(await teamParts(currentUser(res), w, lang, teamState)),
    };
  };
}

/** Trainer pages: the list of sessions with a create form, and the projector dashboard. Mounted behind requireUser. */
export function trainerPages(
  workshops: WorkshopService,
  content: Content,
  config: Config,
  studio: StudioService,
  team: TeamService,
): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore, provideFormToken);
  const dashboard = dashboardView(workshops, content, config, team);
  const studioView = studioDashboard(studio, content);

  const renderList = async (res: Response, status: number, values: Record<string, string>, errors: Record<string, string>) => {
    const list = await workshops.list(currentUser(res));
    res.status(status).render('trainer', { user: currentUser(res), sessions: list, values, errors });
  };

  router.get('/', async (_req, res) => {
    await renderList(res, 200, { title: '', lang: res.locals.lang as string, minGroupSize: '3' }, {});
  });

  router.post('/sessions', verifyFormToken, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = createForm.safeParse(body);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), `trainer.error.${String(i.path[0])}`]));
      const values = {
        title: bodyText(body, 'title'),
        lang: bodyText(body, 'lang') || 'nl',
        minGroupSize: bodyText(body, 'minGroupSize') || '3',
        anonymous: bodyText(body, 'anonymous'),
        points: bodyText(body, 'points'),
      };
      return renderList(res, 400, values, errors);
    }
    const w = await workshops.create(currentUser(res), {
      ...parsed.data,
      anonymous: parsed.data.anonymous === 'yes',
      points: parsed.data.points === 'yes',
    });
    res.redirect(303, `/trainer/sessions/${w.publicId}`);
  });

  router.get('/sessions/:id', async (req, res) => {
    const w = await workshops.get(currentUser(res), req.params.id);
    res.render('dashboard', { ...(await dashboard(req, res, w)), ...(await studioView(currentUser(res), w, res.locals.lang as Lang)) });
  });

  router.post('/sessions/:id/participants/:pid/delete', verifyFormToken, async (req, res) => {
    const pid = Number(req.params.pid);
    if (!Number.isInteger(pid) || pid < 1) throw new AppError('not_found', 'No such participant.');
    const id = String(req.params.id);
    await workshops.removeParticipant(currentUser(res), id, pid);
    res.redirect(303, `/trainer/sessions/${id}`);
  });

  router.post('/sessions/:id/:action', verifyFormToken, async (req, res) => {
    const user = currentUser(res);
    const id = req.params.id as string;
    switch (req.params.action) {
      case 'reveal':
        try {
          await workshops.reveal(user, id);
        } catch (err) {
          if (err instanceof AppError && err.code === 'conflict') return res.redirect(303, `/trainer/sessions/${id}?error=reveal`);
          throw err;
        }
        break;
      case 'close':
      case 'reopen':
        await workshops.setStatus(user, id, req.params.action === 'close' ? 'closed' : 'open');
        break;
      case 'delete':
        await workshops.remove(user, id);
        return res.redirect(303, '/trainer');
      case 'extend':
        await workshops.extend(user, id, config.retention.workshopDays);
        break;
      default:
        throw new AppError('not_found', 'Unknown action.');
    }
    res.redirect(303, `/trainer/sessions/${id}`);
  });
  return router;
}
