/**
 * Time as the Netherlands keeps it, in the forms machines read: the calendar day ("overdue" is measured against it) and
 * a moment with its offset (the Dutch-Excel export). Pages write dates through presenters/format.ts, in the same zone.
 */
export const DUTCH_TIME_ZONE = 'Europe/Amsterdam';

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: DUTCH_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const MOMENT = new Intl.DateTimeFormat('en-GB', {
  timeZone: DUTCH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** The calendar day in the Netherlands as 'YYYY-MM-DD'. */
export function dayIn(at: Date): string {
  const parts = DAY.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A moment as Dutch local time with its offset, e.g. 2026-12-01 14:03:22 +01:00 (summer time: +02:00). */
export function amsterdamTime(iso: string): string {
  const parts = Object.fromEntries(MOMENT.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}
