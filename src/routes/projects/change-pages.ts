import { Router, type Request, type Response } from 'express';
import type { Content } from '../../content/load';
import type { Translate } from '../../content/texts';
import type { Lang } from '../../domain/drives';
import { currentUser } from '../../http/auth';
import { verifyFormToken } from '../../http/csrf';
import { changeView } from '../../presenters/change';
import type { ChangeService } from '../../services/change';
import { changeFromForm } from './change-schemas';

/** `/projects/:id/change`: describe the change, then what it threatens per drive and the resistance matrix. */
export function changePages(change: ChangeService, content: Content): Router {
  const router = Router({ caseSensitive: true });

  async function render(
    req: Request,
    res: Response,
    status: number,
    form?: { values: Record<string, string>; errors: Record<string, string> },
  ) {
    const lang = res.locals.lang as Lang;
    const t = res.locals.t as Translate;
    const described = await change.describe(currentUser(res), String(req.params.id), lang, t('stake.change.noDepartment'));
    res.status(status).render('change', {
      p: described.project,
      view: changeView(described, content, lang, t),
      form: form ?? {
        values: Object.fromEntries(content.change.dimensions.map((d) => [d.id, String(described.dimensions[d.id] ?? 0)])),
        errors: {},
      },
    });
  }

  router.get('/:id/change', (req, res) => render(req, res, 200));
  router.post('/:id/change', verifyFormToken, async (req, res) => {
    const { values, errors, dimensions } = changeFromForm(content.change, (req.body ?? {}) as Record<string, unknown>);
    if (Object.keys(errors).length) return render(req, res, 400, { values, errors });
    await change.set(currentUser(res), String(req.params.id), dimensions);
    res.redirect(303, `/projects/${String(req.params.id)}/change#impact`);
  });
  return router;
}
