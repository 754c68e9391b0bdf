import { stringify } from 'csv-stringify/sync';
import { DRIVE_IDS } from '../domain/drives';
import type { WorkshopSummary } from '../services/workshops';

export type ExportRow = { name: string; completedAt: string; scores: { drive: string; likert: number; choice: number; combined: number }[] };

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

export function exportJson(summary: Pick<WorkshopSummary, 'id' | 'code' | 'title' | 'anonymous'>, rows: ExportRow[]) {
  return { session: { id: summary.id, code: summary.code, title: summary.title, anonymous: summary.anonymous }, participants: rows };
}
