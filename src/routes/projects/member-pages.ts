import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { verifyFormToken } from '../../http/csrf';
import { bodyText } from '../../http/validate';
import type { ProjectService } from '../../services/projects';

/** What the members form shows again after a refusal: what was typed and the message's key. */
export type MemberForm = { email: string; error: string };
type Again = (req: Request, res: Response, status: number, form: MemberForm) => Promise<void>;

const emailField = z.string().trim().min(1).max(254);
const noMember = () => new AppError('not_found', 'This user is not a member of the project.');

/** The members section's view model (partials/project-members.ejs). */
export async function projectMembersView(projects: ProjectService, res: Response, projectId: string, form?: MemberForm) {
  const user = currentUser(res);
  const { owner, members } = await projects.members(user, projectId);
  return { owner, members, me: user.id, isOwner: owner?.id === user.id, form: form ?? { email: '', error: '' } };
}

/**
 * The project page's members forms: the owner adds a colleague by e-mail address or removes one; a member may leave.
 * A refused address shows the project page again with the message at the field (400, or 409 for the owner's own).
 */
export function memberPageRoutes(router: Router, projects: ProjectService, again: Again): void {
  router.post('/:id/members', verifyFormToken, async (req, res) => {
    const id = String(req.params.id);
    const user = currentUser(res);
    await projects.getOwned(user, id); // a member: 403; anyone else: 404
    const email = bodyText(req.body, 'email');
    const parsed = emailField.safeParse(email);
    if (!parsed.success) return again(req, res, 400, { email, error: 'members.error.email' });
    try {
      await projects.addMember(user, id, parsed.data);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'validation_failed' && err.code !== 'conflict')) throw err;
      const error = err.code === 'conflict' ? 'members.error.owner' : 'members.error.unknown';
      return again(req, res, err.status, { email, error });
    }
    res.redirect(303, `/projects/${id}#members`);
  });
  router.post('/:id/members/:userId/delete', verifyFormToken, async (req, res) => {
    const id = String(req.params.id);
    const user = currentUser(res);
    const userId = z.coerce.number().int().positive().safeParse(req.params.userId);
    if (!userId.success) {
      await projects.get(user, id);
      throw noMember();
    }
    await projects.removeMember(user, id, userId.data);
    // Who left can no longer see the project: back to their list.
    res.redirect(303, userId.data === user.id ? '/projects' : `/projects/${id}#members`);
  });
}
