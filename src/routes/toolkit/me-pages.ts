import { bodyText } from '../../http/validate';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Content } from '../../content/load';
import type { Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { compareView, historyView } from '../../presenters/me';
import { profileView } from '../../presenters/profile';
import type { Translate } from '../../content/texts';
import type { AssessmentService } from '../../services/assessments';
import type { MyProfilesService } from '../../services/my-profiles';
import type { StatsService } from '../../services/stats';

const profileId = z.coerce.number().int().positive();
const compareQuery = z.object({ a: z.coerce.number().int().positive(), b: z.coerce.number().int().positive() });

/** "My profile and my history": claim a private link, take the questionnaire for one's account, compare two profiles. */
export function myPages(profiles: MyProfilesService, assessments: AssessmentService, stats: StatsService, content: Content): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore, provideFormToken);

  async function renderHome(res: Response, status: number, error: string | null, notice: string | null) {
    const lang = res.locals.lang as Lang;
    const list = await profiles.history(currentUser(res));
    res.status(status).render('me', {
      user: currentUser(res),
      profiles: historyView(list, content.current.model, lang),
      error,
      notice,
    });
  }

  router.get('/', (req, res) => renderHome(res, 200, null, req.query.claimed === '1' ? 'me.claimed' : null));

  router.post('/claim', verifyFormToken, async (req, res) => {
    try {
      await profiles.claim(currentUser(res), bodyText(req.body, 'link').slice(0, 500));
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

  // One's own profile, reached from the list: the account is the key here (the private link's token is stored only as a hash).
  router.get('/profiles/:id', async (req, res) => {
    const id = profileId.safeParse(req.params.id);
    if (!id.success) throw new AppError('not_found', 'No such profile in your history.');
    const record = await profiles.one(currentUser(res), id.data);
    const lang = res.locals.lang as Lang;
    res.render('me-profile', {
      completedAt: record.completedAt!,
      p: profileView({
        index: assessments.modelOf(record),
        profile: record.profile!,
        lang,
        t: res.locals.t as Translate,
        name: record.name,
        completedAt: record.completedAt!,
      }),
    });
  });

  router.get('/compare', async (req, res) => {
    const q = compareQuery.safeParse(req.query);
    if (!q.success) throw new AppError('not_found', 'Choose two profiles.');
    const lang = res.locals.lang as Lang;
    const [a, b] = await profiles.pair(currentUser(res), q.data.a, q.data.b);
    const view = compareView(a, b, await stats.changes(a.profile!, b.profile!), content.current.model, lang);
    res.render('me-compare', { ...view, rciGroup: await stats.referenceGroup(a.profile!.modelVersion) });
  });
  return router;
}
