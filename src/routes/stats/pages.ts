import { Router } from 'express';
import { z } from 'zod';
import type { Content } from '../../content/load';
import type { Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { qualityView } from '../../presenters/stats';
import type { StatsService } from '../../services/stats';

/** "How good is the measurement?": the quality page (admins: everything; trainers: their sessions). Mounted behind requireUser. */
export function statsPages(stats: StatsService, content: Content): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore, provideFormToken);

  router.get('/', async (req, res) => {
    const user = currentUser(res);
    const version = typeof req.query.modelVersion === 'string' ? req.query.modelVersion.slice(0, 40) : undefined;
    const quality = await stats.quality(user, version);
    const lang = res.locals.lang as Lang;
    const { drives, chart, guards } = qualityView(quality, content.models.get(quality.modelVersion)!.model, lang);
    const admin = user.role === 'admin';
    res.render('stats', {
      user,
      q: quality,
      drives,
      versions: [...content.models.keys()],
      tables: admin ? await stats.tables(quality.modelVersion) : null,
      retest: admin ? await stats.retest(quality.modelVersion) : null,
      chart,
      guards,
      error: typeof req.query.error === 'string' ? 'stats.errorFreeze' : null,
    });
  });

  router.post('/norms', verifyFormToken, async (req, res) => {
    if (currentUser(res).role !== 'admin') throw new AppError('forbidden', 'Only an admin can do this.');
    const body = (req.body ?? {}) as Record<string, string>;
    const version = z
      .string()
      .max(40)
      .optional()
      .parse(body.modelVersion || undefined);
    if (body.action === 'freeze') {
      try {
        await stats.freeze(version, currentUser(res));
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') return res.redirect(303, `/stats?error=freeze`);
        throw err;
      }
    } else {
      const id = body.id ? Number(body.id) : null;
      if (id !== null && !Number.isInteger(id)) throw new AppError('not_found', 'No such norm table.');
      await stats.activate(version, id, currentUser(res));
    }
    res.redirect(303, `/stats${version ? `?modelVersion=${encodeURIComponent(version)}` : ''}`);
  });
  return router;
}
