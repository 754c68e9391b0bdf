import { Router } from 'express';
import { z } from 'zod';
import { DRIVE_IDS } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { parse } from '../../http/validate';
import { MAX_AGREEMENTS, type TeamService } from '../../services/team';
import type { CombinedTeamService } from '../../services/team-combined';
import { visibleText } from '../fields';

export const agreementsBody = z.strictObject({
  items: z
    .array(z.strictObject({ text: visibleText(200, { required: true }), drive: z.enum(DRIVE_IDS).nullable().optional() }))
    .max(MAX_AGREEMENTS, `at most ${MAX_AGREEMENTS} agreements`),
});
const trainerBody = z.strictObject({ email: z.string().trim().min(1, 'required').max(254) });

/** GET /api/team/combined?sessions=a,b,c: several revealed sessions as one aggregate picture (trainers). */
export function combinedTeamApi(combined: CombinedTeamService): Router {
  const router = Router({ caseSensitive: true });
  router.get('/combined', async (req, res) => {
    const raw = typeof req.query.sessions === 'string' ? req.query.sessions : '';
    const ids = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    res.set('Cache-Control', 'no-store').json(await combined.combined(currentUser(res), ids));
  });
  return router;
}

/** The team picture, the team's agreements and the co-trainers of a session, under /api/sessions (trainers). */
export function teamApi(team: TeamService): Router {
  const router = Router({ caseSensitive: true });
  router.get('/:id/team', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await team.team(currentUser(res), req.params.id));
  });
  router.put('/:id/agreements', async (req, res) => {
    const { items } = parse(agreementsBody, req.body ?? {});
    res.json({
      agreements: await team.setAgreements(
        currentUser(res),
        req.params.id,
        items.map((i) => ({ text: i.text, drive: i.drive ?? null })),
      ),
    });
  });
  router.get('/:id/trainers', async (req, res) => {
    res.json(await team.trainers(currentUser(res), req.params.id));
  });
  router.post('/:id/trainers', async (req, res) => {
    const { email } = parse(trainerBody, req.body ?? {});
    const result = await team.addTrainer(currentUser(res), req.params.id, email);
    res.status(result.added ? 201 : 200).json(result.trainer);
  });
  router.delete('/:id/trainers/:userId', async (req, res) => {
    const id = z.coerce.number().int().positive().safeParse(req.params.userId);
    if (!id.success) throw new AppError('not_found', 'This trainer is not a co-trainer of the session.');
    await team.removeTrainer(currentUser(res), req.params.id, id.data);
    res.status(204).end();
  });
  return router;
}
