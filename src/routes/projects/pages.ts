import { bodyText } from '../../http/validate';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Content } from '../../content/load';
import type { Translate } from '../../content/texts';
import type { DriveId, Lang } from '../../domain/drives';
import { keptReading, likelyDrives } from '../../domain/reader/accumulate';
import type { UserRecord } from '../../db/store';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { planView, projectView } from '../../presenters/project';
import { readerView } from '../../presenters/reader';
import { LOCALES } from '../../presenters/format';
import type { ProjectService } from '../../services/projects';
import type { ReaderService } from '../../services/reader';
import { MAX_TEXT } from '../../services/reader';
import { newProjectBody, newStakeholderBody } from './schemas';
import { toCsv } from '../workshops/export';
import { dayFirst, parseDayDate } from '../../domain/day-date';
import { memberPageRoutes, projectMembersView, type MemberForm } from './member-pages';

type Errors = Record<string, string>;
const pid = (req: Request) => String(req.params.id);
const sidOf = (req: Request) => String(req.params.sid);
const errorsOf = (e: z.ZodError, prefix: string): Errors =>
  Object.fromEntries(e.issues.map((i) => [String(i.path[0]), `${prefix}.${String(i.path[0])}`]));

/** HTML form fields (strings) to the stakeholder fields the API takes. */
function stakeholderFromForm(body: Record<string, unknown>) {
  const str = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
  const num = (k: string) => (str(k).trim() === '' ? NaN : Number(str(k)));
  const drives = [str('drive1'), str('drive2')].filter((d, i, all) => d !== '' && all.indexOf(d) === i);
  // A typed date (dd-mm-jjjj or jjjj-mm-dd) becomes ISO; anything else fails the schema, which names the field (the form keeps what was typed).
  const lastContact = str('lastContact').trim();
  return newStakeholderBody.safeParse({
    name: str('name'),
    department: str('department'),
    influence: num('influence'),
    support: num('support'),
    drives,
    concerns: str('concerns'),
    approach: str('approach'),
    lastContact: lastContact === '' ? null : (parseDayDate(lastContact) ?? 'not a date'),
  });
}

/** Implementation projects and the stakeholder map as pages. Mounted behind requireUser. */
export function projectPages(projects: ProjectService, reader: ReaderService, content: Content): Router {
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
    res.status(status).render('project', {
      user,
      p,
      view: projectView(list, content, res.locals.lang as Lang, res.locals.t as Translate),
      projectForm: forms.project ?? { values: { client: p.client, system: p.system, phase: p.phase, notes: p.notes }, errors: {} },
      stakeholderForm: forms.stakeholder ?? { values: { influence: '3', support: '0' }, errors: {} },
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
        stakeholder: { values: req.body as Record<string, string>, errors: errorsOf(parsed.error, 'projects.error') },
      });
    await projects.addStakeholder(currentUser(res), pid(req), parsed.data);
    res.redirect(303, `/projects/${pid(req)}#stakeholders`);
  });

  type Analysis = { saved: string | null; reading: ReturnType<typeof readerView> };
  const renderStakeholder = async (
    req: Request,
    res: Response,
    status: number,
    values?: Record<string, string>,
    errors: Errors = {},
    analysis: Analysis | null = null,
  ) => {
    const s = await projects.getStakeholder(currentUser(res), pid(req), sidOf(req));
    res.status(status).render('stakeholder', {
      projectId: pid(req),
      s,
      analysis,
      values: values ?? {
        name: s.name,
        department: s.department,
        influence: String(s.influence),
        support: String(s.support),
        drive1: s.drives[0] ?? '',
        drive2: s.drives[1] ?? '',
        concerns: s.concerns,
        approach: s.approach,
        lastContact: s.lastContact ? dayFirst(s.lastContact) : '',
      },
      errors,
      driveOptions: content.current.model.drives.map((d) => ({ id: d.id, name: d.name[res.locals.lang as Lang] })),
    });
  };
  router.get('/:id/stakeholders/:sid', (req, res) => renderStakeholder(req, res, 200));
  router.post('/:id/stakeholders/:sid', verifyFormToken, async (req, res) => {
    const parsed = stakeholderFromForm((req.body ?? {}) as Record<string, unknown>);
    if (!parsed.success)
      return renderStakeholder(req, res, 400, req.body as Record<string, string>, errorsOf(parsed.error, 'projects.error'));
    await projects.updateStakeholder(currentUser(res), pid(req), sidOf(req), parsed.data);
    res.redirect(303, `/projects/${pid(req)}#stakeholders`);
  });
  router.post('/:id/stakeholders/:sid/delete', verifyFormToken, async (req, res) => {
    await projects.removeStakeholder(currentUser(res), pid(req), sidOf(req));
    res.redirect(303, `/projects/${pid(req)}#stakeholders`);
  });
  // "Analyse a remark of this person": the drive reader sets the likely drives (the two strongest). The answer is this page
  // itself, not a redirect: it confirms what was saved and shows the words that pointed to each drive, as /reader does.
  router.post('/:id/stakeholders/:sid/analyse', verifyFormToken, async (req, res) => {
    const text = bodyText(req.body, 'remark').slice(0, MAX_TEXT);
    const user = currentUser(res);
    const lang = res.locals.lang as Lang;
    await projects.getStakeholder(user, pid(req), sidOf(req));
    if (!text.trim()) return renderStakeholder(req, res, 400, undefined, { remark: 'projects.error.remark' });
    const reading = await reader.read({ text }, user);
    const view = readerView(reading, text, lang, res.locals.t as Translate, content);
    // A weak hint sets nothing; otherwise the same rule as the contact log (a second drive from a quarter on).
    const kept = reading.confidence === 'low' ? null : keptReading(reading);
    const drives: DriveId[] = kept ? likelyDrives([kept]) : [];
    if (!drives.length) return renderStakeholder(req, res, 200, undefined, {}, { saved: null, reading: view });
    await projects.updateStakeholder(user, pid(req), sidOf(req), { drives });
    const saved = new Intl.ListFormat(LOCALES[lang]).format(drives.map((d) => view.drives.find((v) => v.drive === d)?.name ?? d));
    await renderStakeholder(req, res, 200, undefined, {}, { saved, reading: view });
  });
  return router;
}
