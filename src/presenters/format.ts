import type { Lang } from '../domain/drives';
import { DUTCH_TIME_ZONE as TIME_ZONE } from '../domain/dutch-time';

/** The locale behind each page language: Dutch conventions (decimal comma, "1 december 2026", 24-hour clock) and British English. */
export const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
/** Shown for a number that could not be computed (too few answers, no variance). */
export const NO_VALUE = '–';

export type Formatter = {
  locale: string;
  /** A score on the 0–100 scale, or a mean or SD of scores: at most one decimal. */
  score(x: number): string;
  /** A change or a difference from the mean, with its sign: +2,5 / -3 / 0. */
  signed(x: number): string;
  /** A statistic (alpha, a correlation, an item mean), at most three decimals; null as a dash. */
  stat(x: number | null | undefined): string;
  /** A count or a percentage point, grouped by the language's convention. */
  count(x: number): string;
  /** "1 december 2026" / "1 December 2026". */
  date(iso: string): string;
  /** "1 dec 2026" / "1 Dec 2026": where space is short (lists, chart legends). */
  shortDate(iso: string): string;
  /** "1 december 2026 om 14:05" / "1 December 2026 at 14:05", always on a 24-hour clock. */
  dateTime(iso: string): string;
  /** "1 dec 2026 14:05": to tell apart two moments on one day. */
  shortDateTime(iso: string): string;
  /** "1 dec 2026 14:05:09": to tell apart two moments in one minute. */
  secondsDateTime(iso: string): string;
  /** "A, B en C" / "A, B and C". */
  list(items: string[]): string;
};

function make(lang: Lang): Formatter {
  const locale = LOCALES[lang];
  // No fixed fraction digits: a whole number stays whole ("0", not "0,0"); a value that rounds to zero has no sign either
  // ("0", not "-0", for an SD, a correlation or a score of -0.04). Intl's signDisplay 'negative' does this too, but is ES2023.
  const number = (max: number, extra: Intl.NumberFormatOptions = {}) => {
    const f = new Intl.NumberFormat(locale, { maximumFractionDigits: max, ...extra });
    const zero = 0.5 / 10 ** max;
    return { format: (x: number) => f.format(Math.abs(x) < zero ? 0 : x) };
  };
  const score = number(1);
  const signed = number(1, { signDisplay: 'exceptZero' });
  const stat = number(3);
  const count = number(0);
  const dates = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
  const long = dates({ dateStyle: 'long' });
  const medium = dates({ dateStyle: 'medium' });
  const withTime = dates({ dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' });
  const shortWithTime = dates({ dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  const withSeconds = dates({ dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' });
  const list = new Intl.ListFormat(locale);
  return {
    locale,
    score: (x) => score.format(x),
    signed: (x) => signed.format(x),
    stat: (x) => (x === null || x === undefined || !Number.isFinite(x) ? NO_VALUE : stat.format(x)),
    count: (x) => count.format(x),
    date: (iso) => long.format(new Date(iso)),
    shortDate: (iso) => medium.format(new Date(iso)),
    dateTime: (iso) => withTime.format(new Date(iso)),
    shortDateTime: (iso) => shortWithTime.format(new Date(iso)),
    secondsDateTime: (iso) => withSeconds.format(new Date(iso)),
    list: (items) => list.format(items),
  };
}

// Intl formatters are costly to build and safe to share: one set per language.
const FORMATTERS: Record<Lang, Formatter> = { nl: make('nl'), en: make('en') };

/** The one way numbers and dates are written on pages, per language (presenters, views via res.locals.fmt). */
export function formatter(lang: Lang): Formatter {
  return FORMATTERS[lang];
}
