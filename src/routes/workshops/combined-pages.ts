import { Router } from 'express';
import type { Content } from '../../content/load';
import { translator } from '../../content/texts';
import { driveLabels, type Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { noStore } from '../../http/security';
import { provideFormToken } from '../../http/csrf';
import { teamViewModel } from '../../presenters/team-view';
import type { CombinedTeamService } from '../../services/team-combined';

/**
 * GET /trainer/combined?sessions=a&sessions=b: several revealed sessions as one team picture, aggregate only (the
 * trainer picks them on /trainer). A pick that cannot be combined gets the page with the reason (400/409).
 */
export function combinedPages(combined: CombinedTeamService, content: Content): Router {
  const router = Router({ caseSensitive: true });
  router.get('/combined', noStore, provideFormToken, async (req, res) => {
    const raw = req.query.sessions;
    const ids = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string' && x.length <= 40);
    const lang = res.locals.lang as Lang;
    try {
      const picture = await combined.combined(currentUser(res), ids);
      const labels = driveLabels(content.current.model.drives, lang);
      const tv = teamViewModel({ ...picture, anonymous: true }, labels, translator(content.texts[lang])('teamView.unnamed'));
      res.render('team-combined', {
        user: currentUser(res),
        tv,
        sessions: picture.sessions,
        minGroupSize: picture.minGroupSize,
        problem: null,
      });
    } catch (err) {
      if (!(err instanceof AppError) || !['validation_failed', 'conflict'].includes(err.code)) throw err;
      const details = (err.details ?? {}) as { n?: number; minGroupSize?: number };
      const problem =
        err.code === 'validation_failed'
          ? { key: 'teamView.combined.pickTwo', vars: {} }
          : details.minGroupSize !== undefined
            ? { key: 'teamView.combined.tooFew', vars: { n: details.n ?? 0, min: details.minGroupSize } }
            : { key: 'teamView.combined.notRevealed', vars: {} };
      res.status(err.status).render('team-combined', { user: currentUser(res), tv: null, sessions: [], minGroupSize: 0, problem });
    }
  });
  return router;
}
