import { Router } from 'express';
import type { Lang } from '../domain/drives';
import type { Translate } from '../content/texts';
import type { AssessmentService } from '../services/assessments';
import { noStore } from '../http/security';
import { profileView } from '../presenters/profile';
import { renderToString, sendCached, type PageCache } from '../http/page-cache';

/** The profile at /p/:token, and deleting one's own data. */
export function profilePages(service: AssessmentService, cache: PageCache): Router {
  const router = Router();

  // A completed profile never changes: its page is rendered once per language and then served from memory.
  router.get('/p/:token', async (req, res) => {
    const { key, status } = await service.status(req.params.token);
    if (status !== 'completed') return res.redirect(303, `/a/${req.params.token}`);
    const lang = res.locals.lang as Lang;
    let entry = cache.get(`${key}:${lang}`);
    if (!entry) {
      const record = await service.load(req.params.token);
      const view = profileView({
        index: service.modelOf(record),
        profile: record.profile!,
        lang,
        t: res.locals.t as Translate,
        name: record.name,
        completedAt: record.completedAt!,
      });
      entry = cache.set(`${key}:${lang}`, await renderToString(res, 'profile', { p: view, token: req.params.token }));
    }
    sendCached(req, res, entry);
  });

  router.use('/p', noStore);

  router.get('/p/:token/delete', async (req, res) => {
    const record = await service.load(req.params.token);
    res.render('delete-confirm', { token: req.params.token, completed: Boolean(record.completedAt) });
  });

  router.post('/p/:token/delete', async (req, res) => {
    const { key } = await service.status(req.params.token);
    await service.remove(req.params.token);
    cache.dropPrefix(key);
    res.render('deleted');
  });
  return router;
}
