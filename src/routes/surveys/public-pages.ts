import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { SurveyRecord } from '../../db/store';
import type { Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { preferLanguage } from '../../http/lang';
import { noStore } from '../../http/security';
import { bodyText } from '../../http/validate';
import type { SurveyService } from '../../services/surveys';
import { answeredCookie } from './answered-cookie';
import { responseBody } from './schemas';

type Values = Record<string, string>;

/**
 * The survey for the client's staff, phone first, no login: a plain form (works without JavaScript) posted to
 * the same address, re-rendered with an error at each question that needs one. Mounted after the form parsers.
 */
export function surveyPublicPages(
  surveys: SurveyService,
  limits: { codeLookups: RequestHandler; responses: RequestHandler },
  secure: boolean,
): Router {
  const router = Router({ caseSensitive: true });
  const cookie = answeredCookie(secure);

  function render(res: Response, s: SurveyRecord, status: number, values: Values = {}, errors: Values = {}) {
    const lang = res.locals.lang as Lang;
    res.status(status).render('survey-public', {
      s,
      statements: surveys.statements(lang),
      scale: surveys.scale(lang),
      values,
      errors,
    });
  }
  const done = (res: Response, status: number, kind: 'thanks' | 'already' | 'closed') => res.status(status).render('survey-done', { kind });

  async function load(req: Request, res: Response) {
    const s = await surveys.byCode(String(req.params.code));
    preferLanguage(res, s.lang);
    return s;
  }

  router.get('/s/:code', noStore, limits.codeLookups, async (req, res) => {
    const s = await load(req, res);
    if (s.status !== 'open') return done(res, 200, 'closed');
    if (cookie.answered(req, s)) return done(res, 200, 'already');
    render(res, s, 200);
  });

  router.post('/s/:code', noStore, limits.codeLookups, limits.responses, async (req, res) => {
    const s = await load(req, res);
    if (s.status !== 'open') return done(res, 409, 'closed');
    if (cookie.answered(req, s)) return done(res, 409, 'already');
    const values: Values = Object.fromEntries(
      ['department', 'worries', 'needs', 'consent', ...surveys.statements(s.lang).map((x) => `a_${x.id}`)].map((k) => [
        k,
        bodyText(req.body, k),
      ]),
    );
    const errors: Values = {};
    if (!s.departments.includes(values.department!)) errors.department = 'survey.publicError.department';
    const answers: Record<string, number> = {};
    for (const st of surveys.statements(s.lang)) {
      const v = Number(values[`a_${st.id}`]);
      if (Number.isInteger(v) && v >= 1 && v <= 5) answers[st.id] = v;
      else errors[`a_${st.id}`] = 'survey.publicError.answer';
    }
    if (values.consent !== 'yes') errors.consent = 'survey.publicError.consent';
    const parsed = responseBody.safeParse({
      department: values.department,
      answers,
      worries: values.worries,
      needs: values.needs,
      consent: values.consent === 'yes',
    });
    if (!parsed.success)
      for (const i of parsed.error.issues) {
        const field = String(i.path[0]);
        if (field === 'worries' || field === 'needs') errors[field] = 'survey.publicError.text';
      }
    if (Object.keys(errors).length || !parsed.success) return render(res, s, 400, values, errors);
    try {
      const { round } = await surveys.respond(s.code, parsed.data);
      cookie.remember(res, s, round);
    } catch (err) {
      if (err instanceof AppError && err.status === 409) return done(res, 409, 'closed');
      throw err;
    }
    done(res, 200, 'thanks');
  });
  return router;
}
