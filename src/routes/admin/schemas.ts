import { z } from 'zod';
import { LANGS } from '../../domain/drives';
import { ROLES } from '../../services/users';
import { visibleText } from '../fields';

const name = visibleText(100, { required: true });
const email = z.string().trim().max(254);

export const inviteBody = z.strictObject({ name, email, role: z.enum(ROLES), lang: z.enum(LANGS).default('nl') });
export const inviteForm = z.object({ name, email, role: z.enum(ROLES), lang: z.enum(LANGS) });
export const changeBody = z
  .strictObject({ role: z.enum(ROLES).optional(), status: z.enum(['active', 'deactivated']).optional() })
  .refine((b) => b.role !== undefined || b.status !== undefined, 'give role or status');
export const roleForm = z.object({ role: z.enum(ROLES) });
export const statusForm = z.object({ status: z.enum(['active', 'deactivated']) });
/** A user id in a path; anything else is a 404. */
export const userId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
