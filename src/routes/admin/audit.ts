import { Router } from 'express';
import type { Translate } from '../../content/texts';
import { currentUser } from '../../http/auth';
import { noStore } from '../../http/security';
import { provideFormToken } from '../../http/csrf';
import { parse, zodFieldErrors } from '../../http/validate';
import { periodOf } from '../../domain/audit-period';
import { auditView, type AuditFilterValues } from '../../presenters/audit';
import type { Formatter } from '../../presenters/format';
import { AUDIT_ACTIONS, type AuditService } from '../../services/audit';
import { toCsv } from '../workshops/export';
import { auditQuery, type AuditQuery } from './schemas';
import type { AuditFilter } from '../../db/store';

const filterOf = (q: AuditQuery): AuditFilter => ({ ...periodOf(q.from, q.to), actor: q.actor, action: q.action });
const FIELD_TEXT: Record<string, string> = { from: 'audit.errorDate', to: 'audit.errorTo' };
const CSV_HEADER = ['id', 'at', 'actor_id', 'actor', 'action', 'target', 'detail'];

/** GET /api/admin/audit (paged JSON) and /api/admin/audit/export.csv. Mounted at /api/admin/audit behind adminOnly. */
export function auditApi(audit: AuditService): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore);
  router.get('/', async (req, res) => {
    const q = parse(auditQuery, req.query);
    const { rows, ...paging } = await audit.page(filterOf(q), q.page);
    res.json({ items: rows, ...paging });
  });
  // The export is recorded (export.audit) before it is sent; a failing record means no file.
  router.get('/export.csv', async (req, res) => {
    const q = parse(auditQuery, req.query);
    const rows = await audit.exportRows(currentUser(res), filterOf(q));
    const cells = rows.map((r) => [r.id, r.at, r.actorId, r.actor, r.action, r.target, JSON.stringify(r.detail)]);
    res.attachment(`drijfveer-audit-${new Date().toISOString().slice(0, 10)}.csv`).type('text/csv; charset=utf-8');
    res.send(`\uFEFF${toCsv(CSV_HEADER, cells)}`);
  });
  return router;
}

/** /admin/audit: the log with its filters, newest first, paged. Mounted at /admin/audit behind adminOnly. */
export function auditPages(audit: AuditService): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore, provideFormToken);
  router.get('/', async (req, res) => {
    const t = res.locals.t as Translate;
    const fmt = res.locals.fmt as Formatter;
    const raw = req.query as Record<string, unknown>;
    const text = (k: string) => (typeof raw[k] === 'string' ? raw[k] : '');
    const values: AuditFilterValues = { from: text('from'), to: text('to'), actor: text('actor'), action: text('action') };
    const parsed = auditQuery.safeParse(req.query);
    // Each bad field gets its own text on the page (the API says it in the error's details).
    const errors: Record<string, string> = parsed.success
      ? {}
      : Object.fromEntries(zodFieldErrors(parsed.error).map((e) => [e.field, FIELD_TEXT[e.field] ?? 'audit.errorFilter']));
    const result = parsed.success
      ? await audit.page(filterOf(parsed.data), parsed.data.page)
      : { rows: [], total: 0, page: 1, pages: 1, pageSize: 0 };
    res.status(parsed.success ? 200 : 400).render('admin-audit', {
      user: currentUser(res),
      values,
      errors,
      actions: AUDIT_ACTIONS.map((a) => ({ id: a, label: t(`audit.actions.${a}`) })),
      view: auditView(result, values, t, fmt),
    });
  });
  return router;
}
