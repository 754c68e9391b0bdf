import { Router, type Request, type Response } from 'express';
import type { Content } from '../../content/load';
import type { Translate } from '../../content/texts';
import type { Lang } from '../../domain/drives';
import type { UserRecord } from '../../db/store';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { planView, projectView } from '../../presenters/project';
import type { ProjectService } from '../../services/projects';
import type { ReaderService } from '../../services/reader';
import { newProjectBody } from './schemas';
import { errorsOf, stakeholderErrors, stakeholderFromForm, type Errors } from './stakeholder-form';
import { stakeholderPages } from './stakeholder-pages';
import { changePages } from './change-pages';
import type { ContactService } from '../../services/contacts';
import type { ChangeService } from '../../services/change';
import { projectOverTime } from '../../presenters/project-over-time';
import { toCsv } from '../workshops/export';
import { memberPageRoutes, projectMembersView, type MemberForm } from './member-pages';

const pid = (req: Request) => String(req.params.id);

/** Implementation projects and the stakeholder map as pages. Mounted behind requireUser. */
export function projectPages(
  projects: ProjectService,
  reader: ReaderService,
  content: Content,
  contacts: ContactService,
  change: ChangeService,
): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore, provideFormToken);
  const own = (user: UserRecord) => reader.ownPrimary(user);

  async function renderList(res: Response, status: number, values: Record<string, string>, errors: Errors) {
    res.status(status).render('projects', { user: currentUser(res), projects: await projects.list(currentUser(res)), values, errors });
  }
  async function renderProject(
    req: Request,
    res: Response,
    status: number,
    forms: {
      project?: { values: Record<string, string>; errors: Errors };
      stakeholder?: { values: Record<string, string>; errors: Errors };
      members?: MemberForm;
    } = {},
  ) {
    const user = currentUser(res);
    const p = await projects.get(user, pid(req));
    const list = await projects.stakeholders(user, p.publicId);
    // One query per stakeholder: projects have tens of people, and the log's own query stays the only one.
    const histories = await Promise.all(list.map(async (s) => (await contacts.stakeholder(user, p.publicId, s.publicId)).supportHistory));
    const lang = res.locals.lang as Lang;
    const t = res.locals.t as Translate;
    res.status(status).render('project', {
      user,
      p,
      view: projectView(list, content, lang, t),
      overTime: projectOverTime(list, histories, await contacts.nextActions(user, p.publicId), lang, t),
      projectForm: forms.project ?? { values: { client: p.client, system: p.system, phase: p.phase, notes: p.notes }, errors: {} },
      stakeholderForm: forms.stakeholder ?? { values: { influence: '3', support: '0', interest: '3', desiredSupport: '0' }, errors: {} },
      driveOptions: content.current.model.drives.map((d) => ({ id: d.id, name: d.name[res.locals.lang as Lang] })),
      projectMembers: await projectMembersView(projects, res, p.publicId, forms.members),
    });
  }

  // The project form (new or edited): missing fields count as empty, so the schema names them.
  const parseProjectForm = (body: Record<string, string>) =>
    newProjectBody.safeParse({ client: body.client ?? '', system: body.system ?? '', phase: body.phase ?? '', notes: body.notes ?? '' });

  router.get('/', (_req, res) => renderList(res, 200, {}, {}));
  router.post('/', verifyFormToken, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const parsed = parseProjectForm(body);
    if (!parsed.success) return renderList(res, 400, body, errorsOf(parsed.error, 'projects.error'));
    const p = await projects.create(currentUser(res), parsed.data);
    res.redirect(303, `/projects/${p.publicId}`);
  });

  router.get('/:id', (req, res) => renderProject(req, res, 200));
  router.post('/:id', verifyFormToken, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const parsed = parseProjectForm(body);
    if (!parsed.success)
      return renderProject(req, res, 400, { project: { values: body, errors: errorsOf(parsed.error, 'projects.error') } });
    await projects.update(currentUser(res), pid(req), parsed.data);
    res.redirect(303, `/projects/${pid(req)}`);
  });
  router.post('/:id/delete', verifyFormToken, async (req, res) => {
    await projects.remove(currentUser(res), pid(req));
    res.redirect(303, '/projects');
  });

  memberPageRoutes(router, projects, (req, res, status, members) => renderProject(req, res, status, { members }));

  router.get('/:id/plan', async (req, res) => {
    const user = currentUser(res);
    const p = await projects.get(user, pid(req));
    const list = await projects.stakeholders(user, p.publicId);
    res.render('project-plan', { p, plan: planView(list, content, res.locals.lang as Lang, res.locals.t as Translate, await own(user)) });
  });

  router.get('/:id/export.csv', async (req, res) => {
    const user = currentUser(res);
    const p = await projects.get(user, pid(req));
    const plan = planView(
      await projects.stakeholders(user, p.publicId),
      content,
      res.locals.lang as Lang,
      res.locals.t as Translate,
      await own(user),
    );
    const header = [
      'priority',
      'name',
      'department',
      'influence',
      'support',
      'likely_drives',
      'concerns',
      'agreed_approach',
      'last_contact',
      'suggested_start',
    ];
    const rows = plan.rows.map((s) => [
      s.rank,
      s.name,
      s.department,
      s.influence,
      s.support,
      s.drives.join(' '),
      s.concerns,
      s.approach,
      s.lastContact,
      s.suggestion?.start ?? '',
    ]);
    res
      .attachment(`drijfveer-project-${p.publicId}.csv`)
      .type('text/csv; charset=utf-8')
      .send(`\uFEFF${toCsv(header, rows)}`);
  });

  router.post('/:id/stakeholders', verifyFormToken, async (req, res) => {
    const parsed = stakeholderFromForm((req.body ?? {}) as Record<string, unknown>);
    if (!parsed.success)
      return renderProject(req, res, 400, {
        stakeholder: { values: req.body as Record<string, string>, errors: stakeholderErrors(parsed.error) },
      });
    await projects.addStakeholder(currentUser(res), pid(req), parsed.data);
    res.redirect(303, `/projects/${pid(req)}#stakeholders`);
  });

  router.use(stakeholderPages(projects, reader, content, contacts));
  router.use(changePages(change, content));
  return router;
}
