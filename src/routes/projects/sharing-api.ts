import { Router } from 'express';
import { z } from 'zod';
import type { PlanActionRecord } from '../../db/store';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { parse } from '../../http/validate';
import type { PlanService } from '../../services/plan';
import type { ProjectService } from '../../services/projects';
import { actionPatchBody, newActionBody } from './plan-schemas';

const memberBody = z.strictObject({ email: z.string().max(254) });

export const actionJson = (a: PlanActionRecord) => ({
  id: a.publicId,
  kind: a.kind,
  title: a.title,
  owner: a.owner,
  due: a.due,
  status: a.status,
  drive: a.drive,
  sourceKind: a.sourceKind,
  sourceRef: a.sourceRef,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

/** A project's members and its development plan. Mounted at /api behind requireUser. */
export function sharingApi(projects: ProjectService, plan: PlanService): Router {
  const router = Router({ caseSensitive: true });

  router.get('/projects/:id/members', async (req, res) => {
    res.json(await projects.members(currentUser(res), req.params.id));
  });
  router.post('/projects/:id/members', async (req, res) => {
    const user = currentUser(res);
    await projects.getOwned(user, req.params.id); // a non-member's 404 and a member's 403 come before the body is judged
    const { email } = parse(memberBody, req.body ?? {});
    const result = await projects.addMember(user, req.params.id, email);
    res.status(result.added ? 201 : 200).json(result.member);
  });
  router.delete('/projects/:id/members/:userId', async (req, res) => {
    const id = z.coerce.number().int().positive().safeParse(req.params.userId);
    if (!id.success) {
      await projects.get(currentUser(res), req.params.id);
      throw new AppError('not_found', 'This user is not a member of the project.');
    }
    await projects.removeMember(currentUser(res), req.params.id, id.data);
    res.status(204).end();
  });

  router.get('/projects/:id/plan', async (req, res) => {
    res.json((await plan.list(currentUser(res), req.params.id)).map(actionJson));
  });
  router.post('/projects/:id/plan', async (req, res) => {
    const user = currentUser(res);
    await projects.get(user, req.params.id);
    const a = await plan.add(user, req.params.id, parse(newActionBody, req.body ?? {}));
    res.status(201).json(actionJson(a));
  });
  router.patch('/projects/:id/plan/:aid', async (req, res) => {
    const user = currentUser(res);
    await projects.get(user, req.params.id);
    res.json(actionJson(await plan.update(user, req.params.id, req.params.aid, parse(actionPatchBody, req.body ?? {}))));
  });
  router.delete('/projects/:id/plan/:aid', async (req, res) => {
    await plan.remove(currentUser(res), req.params.id, req.params.aid);
    res.status(204).end();
  });
  return router;
}
