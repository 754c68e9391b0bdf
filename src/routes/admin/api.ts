import { Router, type Request } from 'express';
import type { Config } from '../../config';
import type { UserRecord } from '../../db/store';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { linkBase } from '../../http/link-base';
import { parse } from '../../http/validate';
import type { AdminUsers } from '../../services/admin-users';
import { adminOnly } from './guard';
import { changeBody, inviteBody, userId } from './schemas';

/** What the API shows of a user: never the password hash. `invited`: the invitation is open (no password yet). */
export const userJson = (u: UserRecord) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  status: u.status,
  invited: !u.hasPassword,
  lastLoginAt: u.lastLoginAt,
  createdAt: u.createdAt,
});

const idOf = (req: Request): number => {
  const id = userId.safeParse(req.params.id);
  if (!id.success) throw new AppError('not_found', 'No such user.');
  return id.data;
};

/** GET/POST /api/admin/users, PATCH/DELETE /api/admin/users/:id: admins only (others get 404). */
export function adminUsersApi(admin: AdminUsers, config: Config): Router {
  const router = Router({ caseSensitive: true });
  router.use(adminOnly);

  router.get('/', async (_req, res) => {
    res.json({ users: (await admin.list()).map(userJson), mail: admin.mailConfigured() });
  });

  router.post('/', async (req, res) => {
    const body = parse(inviteBody, req.body ?? {});
    const user = await admin.invite(currentUser(res), body, linkBase(config, req));
    res.status(201).json({ user: userJson(user) });
  });

  router.patch('/:id', async (req, res) => {
    const id = idOf(req);
    const body = parse(changeBody, req.body ?? {});
    const actor = currentUser(res);
    let user = await admin.get(id);
    if (body.role) user = await admin.setRole(actor, id, body.role);
    if (body.status) user = await admin.setStatus(actor, id, body.status);
    res.json({ user: userJson(user) });
  });

  router.delete('/:id', async (req, res) => {
    await admin.remove(currentUser(res), idOf(req));
    res.status(204).end();
  });
  return router;
}
