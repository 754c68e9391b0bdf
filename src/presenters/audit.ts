import type { Translate } from '../content/texts';
import type { AuditRecord } from '../db/store';
import type { Formatter } from './format';

/** The filter as the form shows it again, and as the paging and export links carry it. */
export type AuditFilterValues = { from: string; to: string; actor: string; action: string };

export type AuditRowView = { at: string; when: string; actor: string; action: string; label: string; target: string; detail: string };

/** "format: csv · rows: 3": the detail as short pairs; booleans in words. */
function detailText(detail: AuditRecord['detail'], t: Translate): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${v === null ? '–' : typeof v === 'boolean' ? t(v ? 'audit.yes' : 'audit.no') : String(v)}`)
    .join(' · ');
}

/** Query text for a page of the list or the export with the same filter (empty fields left out). */
export function filterQuery(values: AuditFilterValues, page?: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
  if (page && page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function auditView(
  result: { rows: AuditRecord[]; total: number; page: number; pages: number },
  values: AuditFilterValues,
  t: Translate,
  fmt: Formatter,
) {
  const rows: AuditRowView[] = result.rows.map((r) => ({
    at: r.at,
    when: fmt.shortDateTime(r.at),
    actor: r.actor,
    action: r.action,
    label: t(`audit.actions.${r.action}`),
    target: r.target ?? '',
    detail: detailText(r.detail, t),
  }));
  const link = (page: number) => `/admin/audit${filterQuery(values, page)}`;
  return {
    rows,
    total: result.total,
    page: result.page,
    pages: result.pages,
    previous: result.page > 1 ? link(Math.min(result.page - 1, result.pages)) : null,
    next: result.page < result.pages ? link(result.page + 1) : null,
    exportUrl: `/api/admin/audit/export.csv${filterQuery(values)}`,
  };
}
