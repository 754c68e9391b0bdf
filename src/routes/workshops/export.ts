import { amsterdamTime } from '../../domain/dutch-time';
import { stringify } from 'csv-stringify/sync';
import { DRIVE_IDS } from '../../domain/drives';
import type { DriveStats } from '../../domain/team';
import type { ExportRow, WorkshopSummary } from '../../services/workshops';
import type { Translate } from '../../content/texts';

/**
 * Spreadsheets run cells that start with = + - @ (or a tab / carriage return) as formulas:
 * such text cells get a leading apostrophe. Numbers stay numbers.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV file (header first; Windows line ends, which spreadsheets expect): quoting by csv-stringify, text cells neutralised.
 * `excel` is the Dutch-Excel dialect: `;` between cells, decimal commas and a UTF-8 byte order mark.
 */
export function toCsv(header: string[], rows: (string | number | null)[][], dialect: 'plain' | 'excel' = 'plain'): string {
  const cells = rows.map((r) => r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : (v ?? ''))));
  const excel = dialect === 'excel' ? { delimiter: ';', bom: true, cast: { number: (n: number) => String(n).replace('.', ',') } } : {};
  return stringify([header, ...cells], { eof: true, record_delimiter: 'windows', ...excel });
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
  return toCsv(
    ['drive', 'n', 'mean', 'sd', 'min', 'max', 'top_count'],
    drives.map((d) => [d.drive, n, d.mean, d.sd, d.min, d.max, d.topCount]),
  );
}

/** Names for the Dutch-Excel export, in the session's language. */
export type ExcelNames = { t: Translate; drive: (id: string) => string };

/** Dutch-Excel CSV: one row per completed participant, column names in the session's language, local times. */
export function exportExcelCsv(rows: ExportRow[], { t, drive }: ExcelNames): string {
  const header = [
    t('export.name'),
    t('export.completedAt'),
    ...DRIVE_IDS.flatMap((d) => ['likert', 'choice', 'combined'].map((part) => t(`export.${part}`, { drive: drive(d) }))),
  ];
  const body = rows.map((r) => [
    r.name,
    amsterdamTime(r.completedAt),
    ...DRIVE_IDS.flatMap((d) => {
      const s = r.scores.find((x) => x.drive === d)!;
      return [s.likert, s.choice, s.combined];
    }),
  ]);
  return toCsv(header, body, 'excel');
}

/** Dutch-Excel CSV of an anonymous session: one row per drive over the published group. */
export function exportGroupExcelCsv(n: number, drives: DriveStats[], { t, drive }: ExcelNames): string {
  const header = ['drive', 'n', 'mean', 'sd', 'min', 'max', 'topCount'].map((c) => t(`export.group.${c}`));
  return toCsv(
    header,
    drives.map((d) => [drive(d.drive), n, d.mean, d.sd, d.min, d.max, d.topCount]),
    'excel',
  );
}

type WorkshopHead = Pick<WorkshopSummary, 'id' | 'code' | 'title' | 'anonymous'>;
const head = (s: WorkshopHead) => ({ id: s.id, code: s.code, title: s.title, anonymous: s.anonymous });

/** The team's agreements travel with the export ("what we do differently with clients"). */
type Agreements = { text: string; drive: string | null }[];

export function exportJson(summary: WorkshopHead, rows: ExportRow[], agreements: Agreements = []) {
  return { session: head(summary), participants: rows, agreements };
}

export function exportGroupJson(summary: WorkshopHead, n: number, drives: DriveStats[], agreements: Agreements = []) {
  return {
    session: head(summary),
    group: { n, drives: drives.map((d) => ({ drive: d.drive, n, mean: d.mean, sd: d.sd, min: d.min, max: d.max, topCount: d.topCount })) },
    agreements,
  };
}
