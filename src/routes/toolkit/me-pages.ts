import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Content } from '../../content/load';
import { DRIVE_IDS, type Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import type { AssessmentService } from '../../services/assessments';
import type { MyProfilesService } from '../../services/my-profiles';
import type { StatsService } from '../../services/stats';

const compareQuery = z.object({ a: z.coerce.number().int().positive(), b: z.coerce.number().int().positive() });
const DATE = { nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }), en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }) };

/** "My profile and my history": claim a private link, take the questionnaire for one's account, compare two profiles. */
export function myPages(profiles: MyProfilesService, assessments: AssessmentService, stats: StatsService, content: Content): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore, provideFormToken);
  const driveName = (id: string, lang: Lang) => content.current.model.drives.find((d) => d.id === id)!.name[lang];

  async function renderHome(res: Response, status: number, error: string | null, notice: string | null) {
    const lang = res.locals.lang as Lang;
    const list = await profiles.history(currentUser(res));
    res.status(status).render('me', {
      user: currentUser(res),
      profiles: list.map((a) => ({ id: a.id, date: DATE[lang].format(new Date(a.completedAt!)), version: a.modelVersion, primary: a.profile!.primary.map((d) => driveName(d, lang)).join(', ') })),
      error,
      notice,
    });
  }

  router.get('/', (req, res) => renderHome(res, 200, null, req.query.claimed === '1' ? 'me.claimed' : null));

  router.post('/claim', verifyFormToken, async (req, res) => {
    try {
      await profiles.claim(currentUser(res), String((req.body as { link?: unknown })?.link ?? '').slice(0, 500));
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      return renderHome(res, err.status, err.code === 'not_found' ? 'me.errorNotFound' : 'me.errorLink', null);
    }
    res.redirect(303, '/me?claimed=1');
  });

  router.post('/start', verifyFormToken, async (req, res) => {
    if ((req.body as { consent?: unknown })?.consent !== 'yes') return renderHome(res, 400, 'start.errorConsent', null);
    const user = currentUser(res);
    const { token } = await assessments.create({ lang: res.locals.lang as Lang, name: user.name, userId: user.id });
    res.redirect(303, `/a/${token}`);
  });

  router.get('/compare', async (req, res) => {
    const q = compareQuery.safeParse(req.query);
    if (!q.success) throw new AppError('not_found', 'Choose two profiles.');
    const lang = res.locals.lang as Lang;
    const [a, b] = await profiles.pair(currentUser(res), q.data.a, q.data.b);
    const score = (p: typeof a, d: string) => p.profile!.scores.find((s) => s.drive === d)!.combined;
    const changes = await stats.changes(a.profile!, b.profile!);
    const rows = DRIVE_IDS.map((d) => {
      const c = changes.find((x) => x.drive === d)!;
      return { drive: d, name: driveName(d, lang), a: score(a, d), b: score(b, d), change: c.combined, rci: c.rci, reliable: c.reliable };
    });
    const labelA = DATE[lang].format(new Date(a.completedAt!));
    const labelB = DATE[lang].format(new Date(b.completedAt!));
    res.render('me-compare', {
      rows,
      labelA,
      labelB,
      chart: { labels: rows.map((r) => r.name), a: { label: labelA, values: rows.map((r) => r.a) }, b: { label: labelB, values: rows.map((r) => r.b) } },
    });
  });
  return router;
}
