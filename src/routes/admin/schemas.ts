import { z } from 'zod';
import { parseDayDate } from '../../domain/day-date';
import { AUDIT_ACTIONS } from '../../services/audit';

/** An empty form field is no filter. */
const blank = (v: unknown) => (v === '' ? undefined : v);
const day = z
  .string()
  .max(20)
  .transform((s, ctx) => {
    const iso = parseDayDate(s);
    if (!iso) ctx.addIssue({ code: 'custom', message: 'not a date (e.g. 2026-12-01 or 1-12-2026)' });
    return iso ?? '';
  });

/** The audit log's filters, the same for the page, the JSON and the CSV: days, actor (e-mail or 'cli', …), action, page. */
export const auditQuery = z
  .object({
    from: z.preprocess(blank, day.optional()),
    to: z.preprocess(blank, day.optional()),
    actor: z.preprocess(blank, z.string().trim().toLowerCase().max(254).optional()),
    action: z.preprocess(blank, z.enum(AUDIT_ACTIONS).optional()),
    page: z.preprocess(blank, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before "from"' });
export type AuditQuery = z.infer<typeof auditQuery>;
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
