import { Router, type Request, type Response } from 'express';
import type { Content } from '../../content/load';
import type { Translate } from '../../content/texts';
import { dayFirst } from '../../domain/day-date';
import type { DriveId, Lang } from '../../domain/drives';
import { keptReading, likelyDrives } from '../../domain/reader/accumulate';
import { currentUser } from '../../http/auth';
import { verifyFormToken } from '../../http/csrf';
import { bodyText } from '../../http/validate';
import { formatter } from '../../presenters/format';
import { readerView } from '../../presenters/reader';
import { stakeholderLogView } from '../../presenters/stakeholder-log';
import { dayIn } from '../../domain/dutch-time';
import type { ContactService } from '../../services/contacts';
import { ID, type ProjectService } from '../../services/projects';
import type { ReaderService } from '../../services/reader';
import { MAX_TEXT } from '../../services/reader';
import { contactFromForm, errorsOf, stakeholderErrors, stakeholderFromForm, type Errors } from './stakeholder-form';

const pid = (req: Request) => String(req.params.id);
const sidOf = (req: Request) => String(req.params.sid);
type Form = { values: Record<string, string>; errors: Errors };
type Analysis = { saved: string | null; reading: ReturnType<typeof readerView> };

/** A stakeholder's page: the form, the contact log with its form, the likely drives with their evidence, the trend. */
export function stakeholderPages(projects: ProjectService, reader: ReaderService, content: Content, contacts: ContactService): Router {
  const router = Router({ caseSensitive: true });

  async function render(
    req: Request,
    res: Response,
    status: number,
    forms: { stakeholder?: Form; contact?: Form; remarkError?: string } = {},
    analysis: Analysis | null = null,
  ) {
    const lang = res.locals.lang as Lang;
    const data = await contacts.stakeholder(currentUser(res), pid(req), sidOf(req));
    const { s } = data;
    res.status(status).render('stakeholder', {
      projectId: pid(req),
      s,
      analysis,
      values: forms.stakeholder?.values ?? {
        name: s.name,
        department: s.department,
        influence: String(s.influence),
        interest: String(s.interest),
        support: String(s.support),
        desiredSupport: String(s.desiredSupport),
        drive1: s.drives[0] ?? '',
        drive2: s.drives[1] ?? '',
        concerns: s.concerns,
        approach: s.approach,
        lastContact: s.lastContact ? dayFirst(s.lastContact) : '',
      },
      errors: forms.stakeholder?.errors ?? (forms.remarkError ? { remark: forms.remarkError } : {}),
      contactForm: forms.contact ?? { values: {}, errors: {} },
      view: stakeholderLogView(data, content, lang, res.locals.t as Translate, dayIn(new Date())),
      driveOptions: content.current.model.drives.map((d) => ({ id: d.id, name: d.name[lang] })),
    });
  }

  router.get('/:id/stakeholders/:sid', (req, res) => render(req, res, 200));
  router.post('/:id/stakeholders/:sid', verifyFormToken, async (req, res) => {
    const parsed = stakeholderFromForm((req.body ?? {}) as Record<string, unknown>);
    if (!parsed.success)
      return render(req, res, 400, {
        stakeholder: { values: req.body as Record<string, string>, errors: stakeholderErrors(parsed.error) },
      });
    await projects.updateStakeholder(currentUser(res), pid(req), sidOf(req), parsed.data);
    res.redirect(303, `/projects/${pid(req)}#stakeholders`);
  });
  router.post('/:id/stakeholders/:sid/delete', verifyFormToken, async (req, res) => {
    await projects.removeStakeholder(currentUser(res), pid(req), sidOf(req));
    res.redirect(303, `/projects/${pid(req)}#stakeholders`);
  });

  // A contact: the page again (its log then shows it) or, with a bad field, the form with what was typed and the errors.
  router.post('/:id/stakeholders/:sid/contacts', verifyFormToken, async (req, res) => {
    const parsed = contactFromForm((req.body ?? {}) as Record<string, unknown>);
    if (!parsed.success)
      return render(req, res, 400, {
        contact: { values: req.body as Record<string, string>, errors: errorsOf(parsed.error, 'stake.contact.error') },
      });
    await contacts.add(currentUser(res), pid(req), sidOf(req), parsed.data);
    res.redirect(303, `/projects/${pid(req)}/stakeholders/${sidOf(req)}#log`);
  });
  // "Hand the drives back to the log": as PATCH { drives: [] }, the log decides again at once from the readings so far.
  router.post('/:id/stakeholders/:sid/drives-to-log', verifyFormToken, async (req, res) => {
    await projects.updateStakeholder(currentUser(res), pid(req), sidOf(req), { drives: [] });
    res.redirect(303, `/projects/${pid(req)}/stakeholders/${sidOf(req)}#drives`);
  });
  // "Mark done" from the project's next actions or from a stakeholder's log; back to where it was pressed.
  router.post('/:id/contacts/:cid/done', verifyFormToken, async (req, res) => {
    await contacts.markDone(currentUser(res), pid(req), String(req.params.cid));
    const sid = bodyText(req.body, 'sid');
    res.redirect(303, ID.test(sid) ? `/projects/${pid(req)}/stakeholders/${sid}#log` : `/projects/${pid(req)}#next-actions`);
  });

  // "Analyse a remark of this person": the drive reader sets the likely drives (the two strongest). The answer is this page
  // itself, not a redirect: it confirms what was saved and shows the words that pointed to each drive, as /reader does.
  router.post('/:id/stakeholders/:sid/analyse', verifyFormToken, async (req, res) => {
    const text = bodyText(req.body, 'remark').slice(0, MAX_TEXT);
    const user = currentUser(res);
    const lang = res.locals.lang as Lang;
    await projects.getStakeholder(user, pid(req), sidOf(req));
    if (!text.trim()) return render(req, res, 400, { remarkError: 'projects.error.remark' });
    const reading = await reader.read({ text }, user);
    const view = readerView(reading, text, lang, res.locals.t as Translate, content);
    // A weak hint sets nothing; otherwise the same rule as the contact log (a second drive from a quarter on).
    const kept = reading.confidence === 'low' ? null : keptReading(reading);
    const drives: DriveId[] = kept ? likelyDrives([kept]) : [];
    if (!drives.length) return render(req, res, 200, {}, { saved: null, reading: view });
    await projects.updateStakeholder(user, pid(req), sidOf(req), { drives });
    const saved = formatter(lang).list(drives.map((d) => view.drives.find((v) => v.drive === d)?.name ?? d));
    await render(req, res, 200, {}, { saved, reading: view });
  });
  return router;
}
