/**
 * The audit log's filter period. People pick calendar days in the Netherlands ("from 1 December to 3 December"), the
 * log stores instants (UTC): a day starts at midnight in Amsterdam, and "to" includes its whole day.
 */
import { DUTCH_TIME_ZONE as TIME_ZONE } from './dutch-time';

const DAY_MS = 86_400_000;
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/** Amsterdam's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(at: number): number {
  const name = offsetFormat.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant a calendar day ('YYYY-MM-DD') starts in Amsterdam, as ISO text. */
export function dayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Midnight is never inside a daylight-saving jump in Amsterdam (those happen at 02:00 and 03:00).
  return new Date(utcMidnight - amsterdamOffsetMinutes(utcMidnight) * 60_000).toISOString();
}

/** From the start of `from` up to (not including) the start of the day after `to`. */
export function periodOf(from?: string, to?: string): { from?: string; to?: string } {
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return { ...(from ? { from: dayStart(from) } : {}), ...(to ? { to: dayStart(next(to)) } : {}) };
}
