import { Router } from 'express';
import type { Content } from '../../content/load';
import type { Translate } from '../../content/texts';
import type { Lang } from '../../domain/drives';
import { currentUser } from '../../http/auth';
import { noStore } from '../../http/security';
import { projectReportView } from '../../presenters/project-report';
import type { ChangeService } from '../../services/change';
import type { ContactService } from '../../services/contacts';
import type { PlanService } from '../../services/plan';
import type { ProjectService } from '../../services/projects';
import type { SurveyService } from '../../services/surveys';

export type ReportServices = {
  projects: ProjectService;
  contacts: ContactService;
  change: ChangeService;
  surveys: SurveyService;
  plan: PlanService;
};

/**
 * `/projects/:id/report`: the printed project report for the client's decision makers, in the reader's language. Owner and
 * members only: projects.get gives everyone else a 404, before anything else is read.
 */
export function projectReportPages(s: ReportServices, content: Content): Router {
  const router = Router({ caseSensitive: true });
  router.get('/:id/report', noStore, async (req, res) => {
    const user = currentUser(res);
    const lang = res.locals.lang as Lang;
    const t = res.locals.t as Translate;
    const p = await s.projects.get(user, String(req.params.id));
    const stakeholders = await s.projects.stakeholders(user, p.publicId);
    const histories = await Promise.all(
      stakeholders.map(async (h) => (await s.contacts.stakeholder(user, p.publicId, h.publicId)).supportHistory),
    );
    const surveys = await Promise.all(
      (await s.surveys.list(user, p.publicId)).map(async (sv) => {
        const r = await s.surveys.results(user, p.publicId, sv.publicId);
        return { ...r, statements: s.surveys.statements(lang), scale: s.surveys.scale(lang) };
      }),
    );
    const r = projectReportView({
      project: p,
      stakeholders,
      histories,
      described: await s.change.describe(user, p.publicId, lang, t('stake.change.noDepartment')),
      surveys,
      actions: await s.plan.list(user, p.publicId),
      content,
      lang,
      t,
      now: new Date(),
    });
    res.render('project-report', { r });
  });
  return router;
}
