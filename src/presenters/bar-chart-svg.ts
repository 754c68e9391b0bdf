import type { DriveId } from '../domain/drives';
import type { Formatter } from './format';

/**
 * The geometry of a horizontal bar chart drawn as SVG on the server (views/partials/bar-chart-svg.ejs): for paper and for
 * browsers without JavaScript, where no canvas is drawn. All numbers are in the SVG's own user units (its viewBox); the view
 * only draws them. The axis always runs from 0 to `max`, so a bar's width is exactly its share of the axis.
 */
export type SvgBarChart = {
  label: string;
  width: number;
  height: number;
  max: number;
  plot: { x: number; width: number; top: number; bottom: number };
  ticks: { value: number; x: number; text: string; textY: number }[];
  bars: {
    drive: DriveId;
    name: string;
    value: number;
    text: string;
    hex: string;
    y: number;
    width: number;
    height: number;
    textY: number;
    valueX: number;
  }[];
};

// Room for the longest drive name on the left ("Verbondenheid") and for "100" after the longest bar.
const WIDTH = 480;
const LABELS = 135;
const VALUE_ROOM = 45;
const TOP = 8;
const ROW = 36;
const BAR = 24;
const AXIS_TEXT = 28;
/** Text sits on its row's middle line: a baseline about a third of the font size below the centre. */
const BASELINE = 5;
const TICK_STEP = 25;

const round = (x: number) => Math.round(x * 100) / 100;

/** A bar per row, in the given order (the score table's), on an axis 0–max with ticks every 25. */
export function svgBarChart(args: {
  label: string;
  rows: { drive: DriveId; name: string; value: number; hex: string }[];
  fmt: Formatter;
  max?: number;
}): SvgBarChart {
  const max = args.max ?? 100;
  const plot = { x: LABELS, width: WIDTH - LABELS - VALUE_ROOM, top: TOP, bottom: TOP + args.rows.length * ROW };
  const at = (value: number) => round(plot.x + (Math.min(Math.max(value, 0), max) / max) * plot.width);
  const ticks = [];
  for (let v = 0; v <= max; v += TICK_STEP) ticks.push({ value: v, x: at(v), text: args.fmt.count(v), textY: plot.bottom + AXIS_TEXT - 6 });
  const bars = args.rows.map((r, i) => {
    const y = TOP + i * ROW + (ROW - BAR) / 2;
    return {
      drive: r.drive,
      name: r.name,
      value: r.value,
      text: args.fmt.score(r.value),
      hex: r.hex,
      y,
      width: round(at(r.value) - plot.x),
      height: BAR,
      textY: y + BAR / 2 + BASELINE,
      valueX: at(r.value) + 6,
    };
  });
  return { label: args.label, width: WIDTH, height: plot.bottom + AXIS_TEXT, max, plot, ticks, bars };
}
