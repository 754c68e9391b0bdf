import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { linkBase } from '../../http/link-base';
import { noStore } from '../../http/security';
import { INVITE_HOURS, type AdminUsers } from '../../services/admin-users';
import { ROLES } from '../../services/users';
import { adminOnly } from './guard';
import { inviteForm, roleForm, statusForm, userId } from './schemas';

type Errors = Record<string, string>;
const DONE = new Set(['saved', 'deactivated', 'reactivated', 'removed', 'invited']);
const fieldErrors = (e: z.ZodError): Errors =>
  Object.fromEntries(e.issues.map((i) => [String(i.path[0]), `admin.errors.${String(i.path[0])}`]));
const idOf = (req: Request): number => {
  const id = userId.safeParse(req.params.id);
  if (!id.success) throw new AppError('not_found', 'No such user.');
  return id.data;
};

/** /admin/users: the list, inviting, role and status changes, removal with a confirmation step. Admins only. */
export function adminUserPages(admin: AdminUsers, config: Config): Router {
  const router = Router({ caseSensitive: true });
  router.use(adminOnly, noStore, provideFormToken);

  router.get('/', async (req, res) => {
    const done = typeof req.query.done === 'string' && DONE.has(req.query.done) ? req.query.done : null;
    const about = userId.safeParse(req.query.user);
    const subject = about.success ? await admin.get(about.data).catch(() => null) : null;
    res.render('admin-users', {
      user: currentUser(res),
      users: await admin.list(),
      roles: ROLES,
      done,
      subject,
      hours: INVITE_HOURS,
      mail: admin.mailConfigured(),
    });
  });

  const renderInvite = (res: Response, status: number, values: Record<string, string>, errors: Errors) =>
    res
      .status(status)
      .render('admin-invite', { user: currentUser(res), roles: ROLES, values, errors, hours: INVITE_HOURS, mail: admin.mailConfigured() });

  router.get('/invite', (_req, res) =>
    renderInvite(res, 200, { name: '', email: '', role: 'trainer', lang: res.locals.lang as string }, {}),
  );

  router.post('/invite', verifyFormToken, async (req, res) => {
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const values = Object.fromEntries(['name', 'email', 'role', 'lang'].map((k) => [k, typeof raw[k] === 'string' ? raw[k] : '']));
    const form = inviteForm.safeParse(values);
    if (!form.success) return renderInvite(res, 400, values, fieldErrors(form.error));
    try {
      const invited = await admin.invite(currentUser(res), form.data, linkBase(config, req));
      res.redirect(303, `/admin/users?done=invited&user=${invited.id}`);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'validation_failed') return renderInvite(res, 400, values, { email: 'admin.errors.email' });
      if (err.code === 'conflict') return renderInvite(res, 409, values, { email: 'admin.errors.emailTaken' });
      if (err.code === 'unavailable') return renderInvite(res, 503, values, { form: 'admin.errors.mailFailed' });
      if (err.code === 'mail_not_configured') return renderInvite(res, 503, values, {});
      throw err;
    }
  });

  router.post('/:id/role', verifyFormToken, async (req, res) => {
    const id = idOf(req);
    const form = roleForm.safeParse(req.body ?? {});
    if (!form.success) throw new AppError('validation_failed', 'Choose a role.');
    await admin.setRole(currentUser(res), id, form.data.role);
    res.redirect(303, `/admin/users?done=saved&user=${id}`);
  });

  router.post('/:id/status', verifyFormToken, async (req, res) => {
    const id = idOf(req);
    const form = statusForm.safeParse(req.body ?? {});
    if (!form.success) throw new AppError('validation_failed', 'Choose a status.');
    await admin.setStatus(currentUser(res), id, form.data.status);
    res.redirect(303, `/admin/users?done=${form.data.status === 'active' ? 'reactivated' : 'deactivated'}&user=${id}`);
  });

  router.get('/:id/remove', async (req, res) => {
    const { user: subject, counts } = await admin.removalPreview(currentUser(res), idOf(req));
    res.render('admin-remove', { user: currentUser(res), subject, counts });
  });

  router.post('/:id/remove', verifyFormToken, async (req, res) => {
    await admin.remove(currentUser(res), idOf(req));
    res.redirect(303, '/admin/users?done=removed');
  });
  return router;
}
