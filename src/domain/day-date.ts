/**
 * A calendar date typed by a person. Dutch users write the day first (1-12-2026, 01-12-2026, also with / or .); the ISO form
 * (2026-12-01) is taken too, since that is what the API, exports and browsers' date pickers use. An impossible date
 * (31-02-2026) is not a date.
 */
export function parseDayDate(text: string): string | null {
  const s = text.trim();
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const isoFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const parts = dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : isoFirst ? [isoFirst[1], isoFirst[2], isoFirst[3]] : null;
  if (!parts) return null;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  if (y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** An ISO date as the form shows it: day first, as people write it (01-12-2026). */
export function dayFirst(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}
