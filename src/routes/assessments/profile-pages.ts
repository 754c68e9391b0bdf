import { Router } from 'express';
import type { Lang } from '../../domain/drives';
import type { Translate } from '../../content/texts';
import type { AssessmentService } from '../../services/assessments';
import { noStore } from '../../http/security';
import { normsView, profileView } from '../../presenters/profile';
import { renderToString, sendCached, type PageCache } from '../../http/page-cache';
import type { StatsService } from '../../services/stats';

/** The profile page at /p/:token: one of the most frequent pages, so app.ts mounts it early. */
export function profilePage(service: AssessmentService, cache: PageCache, stats: StatsService): Router {
  const router = Router({ caseSensitive: true });

  // A completed profile never changes: its page is rendered once per language and then served from memory.
  router.get('/p/:token', async (req, res) => {
    const { key, status, modelVersion } = await service.status(req.params.token);
    if (status !== 'completed') return res.redirect(303, `/a/${req.params.token}`);
    const lang = res.locals.lang as Lang;
    // The page shows norms, so it is cached per norm group too (a new group gives a new page), and its own link per address.
    const origin = `${req.protocol}://${req.get('host')}`;
    const cacheKey = `${key}:${lang}:${await stats.normsStamp(modelVersion)}:${origin}`;
    let entry = cache.get(cacheKey);
    if (!entry) {
      const record = await service.load(req.params.token);
      const norms = await stats.profileNorms(record.profile!);
      const view = profileView({
        index: service.modelOf(record),
        profile: record.profile!,
        lang,
        t: res.locals.t as Translate,
        name: record.name,
        completedAt: record.completedAt!,
      });
      entry = cache.set(
        cacheKey,
        await renderToString(res, 'profile', {
          p: view,
          token: req.params.token,
          privateLink: `${origin}/p/${req.params.token}`,
          // A participant's session never changes, so the cached page may carry the way back to its workshop screen.
          workshopScreen: record.workshopId === null ? null : `/w/${req.params.token}`,
          norms: normsView(norms, view.rows, lang),
        }),
      );
    }
    sendCached(req, res, entry);
  });
  return router;
}

/** Deleting one's own data from the profile page. */
export function profileActions(service: AssessmentService, cache: PageCache): Router {
  const router = Router({ caseSensitive: true });
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
