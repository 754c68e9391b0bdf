/*
 * What the two people grids share (the stakeholder map: support × influence; Mendelow's grid: interest × influence):
 * the drawing's units, the frame with its axis titles, and how numbered markers at one spot make room for each other.
 */

/** The drawing's own units (viewBox); the SVG scales to the width it gets, its texts with it. */
export const W = 360;
export const H = 320;
export const PLOT = { left: 52, right: W - 8, top: 8, bottom: H - 52 };
/** A marker's radius. */
export const R = 12;
/** Markers at the same spot sit side by side this far apart, three to a row. */
const SPREAD = 25;

/** The frame of a grid: plot area, axis titles and where the tick labels go. */
export function gridFrame(xTitle: string, yTitle: string) {
  return {
    width: W,
    height: H,
    plot: { x: PLOT.left, y: PLOT.top, width: PLOT.right - PLOT.left, height: PLOT.bottom - PLOT.top },
    xTitle: { x: (PLOT.left + PLOT.right) / 2, y: H - 8, text: xTitle },
    yTitle: { x: 20, y: (PLOT.top + PLOT.bottom) / 2, text: yTitle },
    tickY: PLOT.bottom + 20,
    tickX: PLOT.left - 10,
  };
}

/**
 * The offset of each marker from its spot (people with the same `spot` key share one): side by side, three to a row,
 * each row centred on the spot, further rows above the first.
 */
export function spotOffsets(spots: readonly string[]): { dx: number; dy: number }[] {
  const total = new Map<string, number>();
  for (const s of spots) total.set(s, (total.get(s) ?? 0) + 1);
  const seen = new Map<string, number>();
  return spots.map((s) => {
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    const inRow = Math.min(3, total.get(s)! - Math.floor(n / 3) * 3);
    return { dx: ((n % 3) - (inRow - 1) / 2) * SPREAD, dy: -Math.floor(n / 3) * SPREAD };
  });
}
