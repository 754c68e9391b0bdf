import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config';
import type { Content } from '../../content/load';
import type { Translate } from '../../content/texts';
import type { Lang } from '../../domain/drives';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { bodyText } from '../../http/validate';
import type { Formatter } from '../../presenters/format';
import { surveyResultsView } from '../../presenters/survey';
import type { SurveyService } from '../../services/surveys';
import { qrSvg } from '../../http/qr';
import { surveyUrl } from './links';
import { newSurveyBody } from './schemas';

type Form = { values: Record<string, string>; errors: Record<string, string> };
const pid = (req: Request) => String(req.params.id);
const sid = (req: Request) => String(req.params.sid);

/** The consultant's survey pages under /projects/:id/surveys (mounted behind requireUser; projects.get decides access). */
export function surveyPages(surveys: SurveyService, content: Content, config: Config): Router {
  const router = Router({ caseSensitive: true });
  router.use('/:id/surveys', noStore, provideFormToken);

  async function renderList(req: Request, res: Response, status: number, form: Form) {
    const list = await surveys.list(currentUser(res), pid(req));
    res.status(status).render('surveys', { projectId: pid(req), list, form });
  }

  router.get('/:id/surveys', (req, res) => renderList(req, res, 200, { values: { lang: res.locals.lang as string }, errors: {} }));
  router.post('/:id/surveys', verifyFormToken, async (req, res) => {
    const values = { title: bodyText(req.body, 'title'), departments: bodyText(req.body, 'departments'), lang: bodyText(req.body, 'lang') };
    const parsed = newSurveyBody.safeParse({
      title: values.title,
      departments: values.departments
        .split(/\r?\n/)
        .map((d) => d.trim())
        .filter((d) => d !== ''),
      lang: values.lang || undefined,
    });
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), `survey.error.${String(i.path[0])}`]));
      return renderList(req, res, 400, { values, errors });
    }
    const s = await surveys.create(currentUser(res), pid(req), parsed.data);
    res.redirect(303, `/projects/${pid(req)}/surveys/${s.publicId}`);
  });

  router.get('/:id/surveys/:sid', async (req, res) => {
    const lang = res.locals.lang as Lang;
    // ?round=N shows an earlier round; anything else that is not a round number shows the current one.
    const asked = Number(typeof req.query.round === 'string' ? req.query.round : NaN);
    const r = await surveys.results(currentUser(res), pid(req), sid(req), Number.isInteger(asked) && asked >= 1 ? asked : undefined);
    res.render('survey', {
      projectId: pid(req),
      s: r.survey,
      url: surveyUrl(config, req, r.survey.code),
      round: r.round,
      responses: r.responses,
      retentionDays: config.retention.surveyDays,
      scale: surveys.scale(lang),
      departments: surveyResultsView({
        survey: r.survey,
        departments: r.departments,
        statements: surveys.statements(lang),
        scale: surveys.scale(lang),
        drives: content.current.model.drives,
        lang,
        t: res.locals.t as Translate,
        fmt: res.locals.fmt as Formatter,
      }),
    });
  });
  router.get('/:id/surveys/:sid/qr.svg', async (req, res) => {
    const { survey } = await surveys.get(currentUser(res), pid(req), sid(req));
    res.type('image/svg+xml').send(await qrSvg(surveyUrl(config, req, survey.code)));
  });
  const back = (req: Request, res: Response) => res.redirect(303, `/projects/${pid(req)}/surveys/${sid(req)}`);
  router.post('/:id/surveys/:sid/rounds', verifyFormToken, async (req, res) => {
    await surveys.newRound(currentUser(res), pid(req), sid(req));
    back(req, res);
  });
  router.post('/:id/surveys/:sid/close', verifyFormToken, async (req, res) => {
    await surveys.close(currentUser(res), pid(req), sid(req));
    back(req, res);
  });
  router.post('/:id/surveys/:sid/delete', verifyFormToken, async (req, res) => {
    await surveys.remove(currentUser(res), pid(req), sid(req));
    res.redirect(303, `/projects/${pid(req)}/surveys`);
  });
  return router;
}
