import type { Formatter } from './format';

/**
 * A support trend as server-drawn SVG geometry (views/partials/support-trend.ejs): support −2 … +2 up, time across in
 * proportion to the days between the dates. A single date sits in the middle. The same numbers go in a table beside
 * it, so the chart needs no JavaScript and has a text alternative.
 */
const W = 360;
const H = 200;
const PLOT = { left: 44, right: W - 16, top: 12, bottom: H - 36 };

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
export const yOfSupport = (support: number) => PLOT.top + ((2 - support) / 4) * (PLOT.bottom - PLOT.top);

export type TrendPoint = { date: string; value: number };

export function supportTrendSvg(points: readonly TrendPoint[], fmt: Formatter) {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = sorted.length ? dayNumber(sorted[0]!.date) : 0;
  const span = sorted.length ? dayNumber(sorted[sorted.length - 1]!.date) - first : 0;
  const xOf = (date: string) =>
    span === 0 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + ((dayNumber(date) - first) / span) * (PLOT.right - PLOT.left);
  const round = (n: number) => Math.round(n * 10) / 10;
  const marks = sorted.map((p) => ({ x: round(xOf(p.date)), y: round(yOfSupport(p.value)), date: p.date, value: p.value }));
  const ends = marks.length > 1 ? [marks[0]!, marks[marks.length - 1]!] : marks;
  return {
    width: W,
    height: H,
    plot: { x: PLOT.left, y: PLOT.top, width: PLOT.right - PLOT.left, height: PLOT.bottom - PLOT.top },
    zeroY: yOfSupport(0),
    points: marks,
    path: marks.map((m, i) => `${i === 0 ? 'M' : 'L'}${m.x} ${m.y}`).join(' '),
    yTicks: [2, 1, 0, -1, -2].map((v) => ({ y: yOfSupport(v), label: fmt.signed(v) })),
    // Only the first and last dates: more would collide on a phone; the table has them all.
    xTicks: ends.map((m, i) => ({
      x: m.x,
      label: fmt.shortDate(m.date),
      anchor: ends.length === 1 ? 'middle' : i === 0 ? 'start' : 'end',
    })),
    tickY: PLOT.bottom + 22,
    tickX: PLOT.left - 8,
  };
}
export type SupportTrendSvg = ReturnType<typeof supportTrendSvg>;
