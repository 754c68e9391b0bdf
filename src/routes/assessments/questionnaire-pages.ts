import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { missingItems } from '../../domain/answers';
import { pageOf } from '../../domain/pages';
import type { Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import type { AssessmentService, AssessmentState } from '../../services/assessments';
import { noStore } from '../../http/security';
import { pagesOf, questionnaireView, type ItemErrors } from '../../presenters/questionnaire';
import { mergeAnswers, readPageForm } from '../../presenters/page-form';
import { ANSWERED_MARK, LINK_MARK, createQuestionnaireCache, fillTemplate, toTemplate } from '../../presenters/questionnaire-cache';

const pageParam = z.coerce.number().int().min(1).max(1000);
const privateLink = (req: Request, token: string) => `${req.protocol}://${req.get('host')}/a/${token}`;

function pageNumber(state: AssessmentState, raw: string) {
  const n = pageParam.safeParse(raw);
  const page = n.success ? pagesOf(state.index)[n.data - 1] : undefined;
  if (!page) throw new AppError('not_found', 'This page of the questionnaire does not exist.');
  return page;
}

/**
 * The questionnaire at /a/:token: one page at a time, saved on every answer (JS) and on submit (no JS). A room opens
 * its next page all at once, so routes/mount-pages.ts puts this router early, ahead of the form and login machinery; the form
 * posts bring their own (`forms`: cross-site refusal and the form body parser).
 */
export function questionnairePages(service: AssessmentService, forms: RequestHandler[]): Router {
  const router = Router({ caseSensitive: true });
  const cache = createQuestionnaireCache();
  router.use('/a', noStore);

  // The private link resumes at the first page with an unanswered item.
  router.get('/a/:token', async (req, res) => {
    const state = await service.state(req.params.token);
    if (state.record.completedAt) return res.redirect(303, `/p/${req.params.token}`);
    const pages = pagesOf(state.index);
    const next = pageOf(pages, missingItems(state.index, state.answers)) ?? pages[pages.length - 1]!;
    res.redirect(303, `/a/${req.params.token}/${next.number}`);
  });

  router.get('/a/:token/:page', async (req, res) => {
    const state = await service.state(req.params.token);
    if (state.record.completedAt) return res.redirect(303, `/p/${req.params.token}`);
    const page = pageNumber(state, req.params.page);
    const check = req.query.check === '1';
    const missing = check ? missingItems(state.index, state.answers) : null;
    const errors: ItemErrors = {};
    for (const id of missing ?? []) if (page.itemIds.includes(id)) errors[id] = 'questionnaire.errorMissing';
    await render(res, req, state, page.number, state.answers, errors, missing, 200);
  });

  router.post('/a/:token/:page', forms);
  router.post('/a/:token/:page', async (req, res) => {
    const token = req.params.token;
    const state = await service.state(token);
    if (state.record.completedAt) return res.redirect(303, `/p/${token}`);
    const page = pageNumber(state, req.params.page);
    const form = readPageForm(state.index, page, (req.body ?? {}) as Record<string, unknown>);
    if (Object.keys(form.errors).length) {
      const answers = mergeAnswers(state.answers, form.submitted);
      return await render(res, req, state, page.number, answers, form.errors, null, 400);
    }
    if (form.count > 0) await service.saveAnswers(token, form.patch);
    const pages = pagesOf(state.index);
    if (form.action === 'prev') return res.redirect(303, `/a/${token}/${Math.max(1, page.number - 1)}`);
    if (form.action === 'next' && page.number < pages.length) return res.redirect(303, `/a/${token}/${page.number + 1}`);
    try {
      await service.complete(token);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'incomplete')) throw err;
      const first = pageOf(pages, (err.details as { missing: string[] }).missing)!;
      return res.redirect(303, `/a/${token}/${first.number}?check=1`);
    }
    res.redirect(303, `/p/${token}`);
  });

  async function render(
    res: Response,
    req: Request,
    state: AssessmentState,
    pageNo: number,
    answers: AssessmentState['answers'],
    errors: ItemErrors,
    missing: string[] | null,
    status: number,
  ) {
    const token = req.params.token as string;
    const lang = res.locals.lang as Lang;
    const page = pagesOf(state.index)[pageNo - 1]!;
    const view = (v: { privateLink: string; answers: AssessmentState['answers']; answered: number }) =>
      questionnaireView({ index: state.index, lang, token, page, errors, missing, ...v });
    const full = () =>
      res.status(status).render('questionnaire', { q: view({ privateLink: privateLink(req, token), answers, answered: state.answered }) });
    // A page with messages is always rendered in full; a plain one comes from the stored page of its kind.
    if (status !== 200 || missing !== null || Object.keys(errors).length) return full();
    const key = `${state.record.modelVersion}|${lang}|${pageNo}`;
    const template = cache.get(key);
    if (template)
      return res
        .type('html')
        .send(fillTemplate(template, { token, privateLink: privateLink(req, token), answered: state.answered, answers }));
    // The first visitor of a page gets the full render; the stored page is made beside it, without their answers.
    const blank = view({ privateLink: LINK_MARK, answers: { likert: {}, choice: {} }, answered: ANSWERED_MARK });
    const html = await new Promise<string>((resolve, reject) =>
      res.render('questionnaire', { q: blank }, (err: Error | null, out: string) => (err ? reject(err) : resolve(out))),
    );
    cache.set(key, toTemplate(html, token));
    full();
  }
  return router;
}
