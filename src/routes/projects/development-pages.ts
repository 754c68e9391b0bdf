import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Content } from '../../content/load';
import type { Translate } from '../../content/texts';
import { parseDayDate } from '../../domain/day-date';
import type { Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { developmentView } from '../../presenters/development';
import { dayIn } from '../../domain/dutch-time';
import type { PlanService } from '../../services/plan';
import type { ProjectService } from '../../services/projects';
import { actionPatchBody, newActionBody } from './plan-schemas';

type Values = Record<string, string>;
type Errors = Record<string, string>;
/** A refused form: the new action's (aid null) or an action's edit form. */
type Refused = { aid: string | null; values: Values; errors: Errors };

const FIELDS = ['title', 'kind', 'owner', 'due', 'status', 'drive', 'sourceKind', 'sourceRef'] as const;
const valuesOf = (body: unknown): Values => {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(FIELDS.map((k) => [k, typeof b[k] === 'string' ? b[k] : '']));
};
const errorsOf = (e: z.ZodError): Errors =>
  Object.fromEntries(e.issues.map((i) => [String(i.path[0]), `development.error.${String(i.path[0] ?? 'title')}`]));
/** A typed date (dd-mm-jjjj or jjjj-mm-dd) as ISO; anything else fails the schema, which names the field. */
const dueOf = (s: string) => (s.trim() === '' ? null : (parseDayDate(s) ?? 'not a date'));

/**
 * The development plan as a page (`/projects/:id/development`; `/plan` is the approach per stakeholder). Its form
 * endpoint `POST …/development/actions` is also what other pages post to (the survey results' "make an action").
 */
export function developmentPages(projects: ProjectService, plan: PlanService, content: Content): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore, provideFormToken);

  async function render(req: Request, res: Response, status: number, refused?: Refused) {
    const user = currentUser(res);
    const p = await projects.get(user, String(req.params.id));
    const [actions, concerns] = await Promise.all([plan.list(user, p.publicId), plan.concerns(user, p.publicId)]);
    const view = developmentView(actions, concerns, content, res.locals.lang as Lang, res.locals.t as Translate, dayIn(new Date()));
    const add = refused && refused.aid === null ? refused : { values: { kind: 'train', sourceKind: 'own' } as Values, errors: {} };
    res.status(status).render('development', { p, view, add, edit: refused && refused.aid !== null ? refused : null });
  }
  const back = (res: Response, id: string, anchor = 'actions') => res.redirect(303, `/projects/${id}/development#${anchor}`);

  router.get('/:id/development', (req, res) => render(req, res, 200));

  router.post('/:id/development/actions', verifyFormToken, async (req, res) => {
    const id = String(req.params.id);
    await projects.get(currentUser(res), id); // someone else's project: 404 before the form is judged
    const values = valuesOf(req.body);
    const parsed = newActionBody.safeParse({
      title: values.title,
      kind: values.kind,
      owner: values.owner,
      due: dueOf(values.due!),
      drive: values.drive || null,
      sourceKind: values.sourceKind || 'own',
      sourceRef: values.sourceRef || null,
    });
    if (!parsed.success) return render(req, res, 400, { aid: null, values, errors: errorsOf(parsed.error) });
    try {
      await plan.add(currentUser(res), id, parsed.data);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
      return render(req, res, 400, { aid: null, values, errors: { sourceRef: 'development.error.sourceRef' } });
    }
    back(res, id);
  });

  router.post('/:id/development/actions/:aid', verifyFormToken, async (req, res) => {
    const id = String(req.params.id);
    const aid = String(req.params.aid);
    const values = valuesOf(req.body);
    const parsed = actionPatchBody.safeParse({
      title: values.title,
      kind: values.kind,
      owner: values.owner,
      due: dueOf(values.due!),
      status: values.status,
      drive: values.drive || null,
    });
    if (!parsed.success) {
      await plan.get(currentUser(res), id, aid); // an unknown action is a 404, not a form to show again
      return render(req, res, 400, { aid, values, errors: errorsOf(parsed.error) });
    }
    await plan.update(currentUser(res), id, aid, parsed.data);
    back(res, id, `action-${aid}`);
  });

  router.post('/:id/development/actions/:aid/delete', verifyFormToken, async (req, res) => {
    await plan.remove(currentUser(res), String(req.params.id), String(req.params.aid));
    back(res, String(req.params.id));
  });
  return router;
}
