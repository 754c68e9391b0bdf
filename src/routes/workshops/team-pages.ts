import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Content } from '../../content/load';
import type { Agreement } from '../../db/store';
import { DRIVE_IDS, type Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { bodyText } from '../../http/validate';
import type { AgreementErrors, AgreementRow, TeamFormState } from '../../presenters/team-dashboard';
import { studioDashboard } from '../../presenters/studio-dashboard';
import type { StudioService } from '../../services/studio';
import { MAX_AGREEMENTS, type TeamService } from '../../services/team';
import type { WorkshopService } from '../../services/workshops';
import { visibleText } from '../fields';
import { dashboardView } from './pages';

const agreementText = visibleText(200, { required: true });
const driveField = z.union([z.literal(''), z.enum(DRIVE_IDS)]);
const emailField = z.string().trim().min(1).max(254);

/**
 * The agreements form posts rows `text-1`/`drive-1` … `text-12`/`drive-12` (numbered, so that a row's text and
 * drive stay together whatever the browser leaves out). Empty rows are dropped; a drive without a text is an error,
 * since it is most likely an agreement someone forgot to write.
 */
export function readAgreements(body: unknown): { rows: AgreementRow[]; errors: AgreementErrors; items: Agreement[] } {
  const rows: AgreementRow[] = [];
  for (let i = 1; i <= MAX_AGREEMENTS; i++) {
    const posted = body && typeof body === 'object' && (`text-${i}` in body || `drive-${i}` in body);
    if (posted) rows.push({ text: bodyText(body, `text-${i}`), drive: bodyText(body, `drive-${i}`) });
  }
  const errors: AgreementErrors = {};
  const items: Agreement[] = [];
  rows.forEach((row, i) => {
    const drive = driveField.safeParse(row.drive);
    const empty = row.text.trim() === '';
    if (empty && !row.drive) return;
    const text = agreementText.safeParse(row.text);
    const wrong: { text?: string; drive?: string } = {};
    if (!drive.success) wrong.drive = 'teamView.agreements.error.drive';
    if (empty) wrong.text = 'teamView.agreements.error.textForDrive';
    else if (!text.success) wrong.text = 'teamView.agreements.error.text';
    if (wrong.text || wrong.drive) errors[i] = wrong;
    else items.push({ text: text.data!, drive: drive.data || null });
  });
  return { rows, errors, items };
}

/** Which message a refused "add a co-trainer" shows, and with which status (as the API answers it). */
function trainerRefusal(err: unknown): { status: number; error: string } | null {
  if (!(err instanceof AppError)) return null;
  if (err.code === 'validation_failed') return { status: 400, error: 'teamView.trainers.error.unknown' };
  if (err.code === 'conflict') return { status: 409, error: 'teamView.trainers.error.self' };
  return null;
}

/**
 * The dashboard's team forms: the team's agreements, and (owner only) adding and removing co-trainers. Plain forms
 * that work without JavaScript; a refused one shows the dashboard again with the message at the field and what was
 * typed. Mounted behind requireUser in the '/trainer' area, before trainerPages (whose /sessions/:id/:action would
 * take /sessions/:id/agreements otherwise).
 */
export function teamPages(team: TeamService, workshops: WorkshopService, studio: StudioService, content: Content, config: Config): Router {
  const router = Router({ caseSensitive: true });
  const forms = [noStore, provideFormToken, verifyFormToken];
  const dashboard = dashboardView(workshops, content, config, team);
  const studioView = studioDashboard(studio, content);

  async function again(req: Request, res: Response, status: number, state: TeamFormState) {
    const user = currentUser(res);
    const w = await workshops.get(user, String(req.params.id));
    res.status(status).render('dashboard', {
      ...(await dashboard(req, res, w, state)),
      ...(await studioView(user, w, res.locals.lang as Lang)),
    });
  }

  router.post('/sessions/:id/agreements', forms, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const user = currentUser(res);
    await workshops.get(user, id); // 404 for someone else's session, before anything is read
    const { rows, errors, items } = readAgreements(req.body);
    if (Object.keys(errors).length) return again(req, res, 400, { agreements: { rows, errors } });
    await team.setAgreements(user, id, items);
    res.redirect(303, `/trainer/sessions/${id}#agreements`);
  });

  router.post('/sessions/:id/trainers', forms, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const user = currentUser(res);
    await workshops.getOwned(user, id); // co-trainers: 403, anyone else: 404
    const email = bodyText(req.body, 'email');
    const parsed = emailField.safeParse(email);
    if (!parsed.success) return again(req, res, 400, { trainer: { email, error: 'teamView.trainers.error.email' } });
    try {
      await team.addTrainer(user, id, parsed.data);
    } catch (err) {
      const refused = trainerRefusal(err);
      if (!refused) throw err;
      return again(req, res, refused.status, { trainer: { email, error: refused.error } });
    }
    res.redirect(303, `/trainer/sessions/${id}#trainers`);
  });

  router.post('/sessions/:id/trainers/:userId/delete', forms, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const userId = z.coerce.number().int().positive().safeParse(req.params.userId);
    if (!userId.success) throw new AppError('not_found', 'This trainer is not a co-trainer of the session.');
    await team.removeTrainer(currentUser(res), id, userId.data);
    res.redirect(303, `/trainer/sessions/${id}#trainers`);
  });
  return router;
}
