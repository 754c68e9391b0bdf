import { stringify } from 'csv-stringify/sync';
import { DRIVE_IDS } from '../../domain/drives';
import type { DriveStats } from '../../domain/team';
import type { ExportRow, WorkshopSummary } from '../../services/workshops';

/**
 * Spreadsheets run cells that start with = + - @ (or a tab / carriage return) as formulas:
 * such text cells get a leading apostrophe. Numbers stay numbers.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV file (header first; Windows line ends, which spreadsheets expect): quoting by csv-stringify, text cells neutralised. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cells = rows.map((r) => r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v ?? '')));
  return stringify([header, ...cells], { eof: true, record_delimiter: 'windows' });
}

/** CSV: a header and one row per completed participant. */
export function exportCsv(rows: ExportRow[]): string {
  const header = ['name', 'completed_at', ...DRIVE_IDS.flatMap((d) => [`${d}_likert`, `${d}_choice`, `${d}_combined`])];
  const body = rows.map((r) => [
    r.name,
    r.completedAt,
    ...DRIVE_IDS.flatMap((d) => {
      const s = r.scores.find((x) => x.drive === d)!;
      return [s.likert, s.choice, s.combined];
    }),
  ]);
  return toCsv(header, body);
}

/** CSV of an anonymous session: one row per drive over the published group, no one's own scores. */
export function exportGroupCsv(n: number, drives: DriveStats[]): string {
  return toCsv(['drive', 'n', 'mean', 'sd', 'min', 'max', 'top_count'], drives.map((d) => [d.drive, n, d.mean, d.sd, d.min, d.max, d.topCount]));
}

type WorkshopHead = Pick<WorkshopSummary, 'id' | 'code' | 'title' | 'anonymous'>;
const head = (s: WorkshopHead) => ({ id: s.id, code: s.code, title: s.title, anonymous: s.anonymous });

export function exportJson(summary: WorkshopHead, rows: ExportRow[]) {
  return { session: head(summary), participants: rows };
}

export function exportGroupJson(summary: WorkshopHead, n: number, drives: DriveStats[]) {
  return { session: head(summary), group: { n, drives: drives.map((d) => ({ drive: d.drive, n, mean: d.mean, sd: d.sd, min: d.min, max: d.max, topCount: d.topCount })) } };
}
