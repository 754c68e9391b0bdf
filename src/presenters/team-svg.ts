import type { DriveId } from '../domain/drives';
import type { DriveStats } from '../domain/team';
import type { Side } from '../domain/team-picture';
import type { Formatter } from './format';

/**
 * The geometry of the team report's charts, drawn on the server as SVG (views/partials/team-chart-svg.ejs and
 * team-orientation-svg.ejs): for paper and for browsers without JavaScript. All numbers are in the SVG's own user units
 * (its viewBox); the views only draw them. Colours of drives are fill attributes from the model; the rest is in the
 * stylesheet (public/css/app/).
 */
export type SvgTeamChart = {
  label: string;
  width: number;
  height: number;
  plot: { x: number; width: number; top: number; bottom: number };
  ticks: { value: number; x: number; text: string; textY: number }[];
  rows: {
    drive: DriveId;
    name: string;
    hex: string;
    mean: { text: string; width: number; y: number; height: number };
    range: { x1: number; x2: number; y: number; capTop: number; capBottom: number };
    textY: number;
    valueX: number;
    rangeText: string;
  }[];
};

// Room for the longest drive name on the left ("Verbondenheid") and for "63,9 (50–78)" after the axis; narrow enough
// that a phone (390 px) shows the text at about 12 px.
const WIDTH = 460;
const LABELS = 130;
const VALUES = 105;
const TOP = 6;
const ROW = 42;
const BAR = 18;
/** The range line sits under its bar, in the same row: never on top of a dark bar, where it would not be seen. */
const RANGE_Y = 32;
const CAP = 5;
const AXIS_TEXT = 26;
const BASELINE = 5;
const TICK_STEP = 25;

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Per drive a bar to the team's mean and under it a line from the lowest to the highest score, on an axis 0–100 with
 * ticks every 25; rows in the given order (the report's: strongest mean first).
 */
export function svgTeamChart(args: {
  label: string;
  rows: { stats: DriveStats; name: string; hex: string }[];
  fmt: Formatter;
}): SvgTeamChart {
  const { fmt } = args;
  const plot = { x: LABELS, width: WIDTH - LABELS - VALUES, top: TOP, bottom: TOP + args.rows.length * ROW };
  const at = (value: number) => round(plot.x + (Math.min(Math.max(value, 0), 100) / 100) * plot.width);
  const ticks = [];
  for (let v = 0; v <= 100; v += TICK_STEP) ticks.push({ value: v, x: at(v), text: fmt.count(v), textY: plot.bottom + AXIS_TEXT - 6 });
  const rows = args.rows.map(({ stats, name, hex }, i) => {
    const y = TOP + i * ROW + 6;
    return {
      drive: stats.drive,
      name,
      hex,
      mean: { text: fmt.score(stats.mean), width: round(at(stats.mean) - plot.x), y, height: BAR },
      range: {
        x1: at(stats.min),
        x2: at(stats.max),
        y: TOP + i * ROW + RANGE_Y,
        capTop: TOP + i * ROW + RANGE_Y - CAP,
        capBottom: TOP + i * ROW + RANGE_Y + CAP,
      },
      textY: y + BAR / 2 + BASELINE,
      valueX: plot.x + plot.width + 12,
      // Whole points: the range is for reading the spread, not for comparing decimals.
      rangeText: `${fmt.count(stats.min)}–${fmt.count(stats.max)}`,
    };
  });
  return { label: args.label, width: WIDTH, height: plot.bottom + AXIS_TEXT, plot, ticks, rows };
}

export type SvgSideBar = {
  label: string;
  width: number;
  height: number;
  segments: { side: Side; x: number; width: number; text: string; textX: number; showText: boolean }[];
};

const SIDE_WIDTH = 400;
const SIDE_HEIGHT = 36;
/** Below this width a count does not fit in its segment; the legend under the bar has it anyway. */
const MIN_TEXT_WIDTH = 30;

/** One bar across the width: the self side on the left, the balanced in the middle, the group side on the right. */
export function svgSideBar(args: { label: string; counts: Record<Side, number>; fmt: Formatter }): SvgSideBar {
  const total = args.counts.self + args.counts.balanced + args.counts.group;
  let x = 0;
  const segments = (['self', 'balanced', 'group'] as const)
    .filter((side) => args.counts[side] > 0)
    .map((side) => {
      const width = round((args.counts[side] / total) * SIDE_WIDTH);
      const segment = {
        side,
        x: round(x),
        width,
        text: args.fmt.count(args.counts[side]),
        textX: round(x + width / 2),
        showText: width >= MIN_TEXT_WIDTH,
      };
      x += width;
      return segment;
    });
  return { label: args.label, width: SIDE_WIDTH, height: SIDE_HEIGHT, segments };
}

export type SvgCentre = {
  label: string;
  width: number;
  height: number;
  cx: number;
  cy: number;
  r: number;
  drives: {
    drive: DriveId;
    name: string;
    hex: string;
    x: number;
    y: number;
    textX: number;
    textY: number;
    anchor: 'start' | 'middle' | 'end';
  }[];
  dot: { x: number; y: number } | null;
};

// Room around the circle for the names: above and below it for the top and bottom drive, left and right for the others.
const CENTRE_WIDTH = 340;
const CENTRE_R = 80;
const NAME_GAP = 16;
const NAME_HEIGHT = 22;
/**
 * The centre's strength at which the dot reaches the rim. Strength 1 (all weight on one drive) never happens in a team, and
 * real teams lie near 0.1–0.2: with the rim at 1 every dot would sit in the middle. The view says how to read the distance.
 */
export const CENTRE_RIM = 0.4;

/**
 * The six drives on a circle in the fixed order (purple at the top, then clockwise: the model's counter-clockwise angles
 * mirrored, which domain/team-picture allows) and the team's centre of gravity as a dot.
 */
export function svgCentre(args: {
  label: string;
  centre: { angleDeg: number; strength: number } | null;
  labels: { id: DriveId; name: string; hex: string }[];
}): SvgCentre {
  const cx = CENTRE_WIDTH / 2;
  const cy = CENTRE_R + NAME_GAP + NAME_HEIGHT;
  const at = (deg: number, radius: number) => {
    const rad = (deg * Math.PI) / 180;
    return { x: round(cx + radius * Math.sin(rad)), y: round(cy - radius * Math.cos(rad)) };
  };
  const drives = args.labels.map((l, i) => {
    const rad = (i * Math.PI) / 3;
    const t = at(i * 60, CENTRE_R + NAME_GAP);
    const side = Math.round(Math.sin(rad) * 100);
    // The baseline: just above the point at the top, a line below it at the bottom, about level at the sides.
    const textY = round(t.y + BASELINE - 7 * Math.cos(rad));
    const anchor = side > 0 ? ('start' as const) : side < 0 ? ('end' as const) : ('middle' as const);
    return { drive: l.id, name: l.name, hex: l.hex, ...at(i * 60, CENTRE_R), textX: t.x, textY, anchor };
  });
  const dot = args.centre ? at(args.centre.angleDeg, Math.min(args.centre.strength / CENTRE_RIM, 1) * CENTRE_R) : null;
  return { label: args.label, width: CENTRE_WIDTH, height: 2 * cy, cx, cy, r: CENTRE_R, drives, dot };
}
