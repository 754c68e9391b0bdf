import { Router } from 'express';
import type { Lang } from '../domain/drives';
import type { Translate } from '../content/texts';
import type { AssessmentService } from '../services/assessments';
import { noStore } from '../http/security';
import { profileView } from '../presenters/profile';

/** The profile at /p/:token, and deleting one's own data. */
export function profilePages(service: AssessmentService): Router {
  const router = Router();
  router.use('/p', noStore);

  router.get('/p/:token', async (req, res) => {
    const record = await service.load(req.params.token);
    if (!record.completedAt || !record.profile) return res.redirect(303, `/a/${req.params.token}`);
    const index = service.modelOf(record);
    const view = profileView({
      index,
      profile: record.profile,
      lang: res.locals.lang as Lang,
      t: res.locals.t as Translate,
      name: record.name,
      completedAt: record.completedAt,
    });
    res.render('profile', { p: view, token: req.params.token });
  });

  router.get('/p/:token/delete', async (req, res) => {
    const record = await service.load(req.params.token);
    res.render('delete-confirm', { token: req.params.token, completed: Boolean(record.completedAt) });
  });

  router.post('/p/:token/delete', async (req, res) => {
    await service.remove(req.params.token);
    res.render('deleted');
  });
  return router;
}
