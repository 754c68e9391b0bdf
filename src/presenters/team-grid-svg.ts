import { DRIVE_IDS, type DriveId, type DriveLabel } from '../domain/drives';
import type { DiversityCell } from '../domain/team-picture';
import type { Formatter } from './format';

/**
 * The diversity map as SVG geometry (views/partials/team-grid-svg.ejs): a 6×6 grid with the first drive as rows and the
 * second as columns, both in the model's fixed order (which alternates group and self drives), a count in every filled cell.
 * Names never go into the SVG: in named sessions the view lists them beside the grid, where they can wrap and be read aloud.
 */
export type SvgDiversityGrid = {
  label: string;
  width: number;
  height: number;
  grid: { x: number; y: number; size: number };
  rows: { drive: DriveId; name: string; hex: string; y: number; textY: number }[];
  columns: { drive: DriveId; name: string; hex: string; x: number; textX: number }[];
  cells: {
    first: DriveId;
    second: DriveId;
    x: number;
    y: number;
    count: number;
    text: string;
    shade: number;
    dark: boolean;
    same: boolean;
  }[];
  captions: { rows: { text: string; x: number; y: number }; columns: { text: string; x: number; y: number } };
};

// Left: the row names ("Verbondenheid") and a swatch; top: the column names, turned 45° so that six fit above the grid.
const LEFT = 140;
const TOP = 104;
const CELL = 48;
/** The last column's turned name reaches past the grid on the right. */
const RIGHT = 66;
const BASELINE = 5;

const round = (x: number) => Math.round(x * 100) / 100;

export function svgDiversityGrid(args: {
  label: string;
  cells: DiversityCell[];
  labels: DriveLabel[];
  fmt: Formatter;
  captions: { rows: string; columns: string };
}): SvgDiversityGrid {
  const label = (id: DriveId) => args.labels.find((l) => l.id === id)!;
  const counts = new Map(args.cells.map((c) => [`${c.first}/${c.second}`, c.count]));
  const max = Math.max(2, ...args.cells.map((c) => c.count));
  const size = CELL * DRIVE_IDS.length;
  const rows = DRIVE_IDS.map((drive, i) => ({
    drive,
    ...pick(label(drive)),
    y: TOP + i * CELL,
    textY: TOP + i * CELL + CELL / 2 + BASELINE,
  }));
  const columns = DRIVE_IDS.map((drive, i) => ({ drive, ...pick(label(drive)), x: LEFT + i * CELL, textX: LEFT + i * CELL + CELL / 2 }));
  const cells = rows.flatMap((r) =>
    columns.map((c) => {
      const count = counts.get(`${r.drive}/${c.drive}`) ?? 0;
      // Two tones, so that the count is readable on every cell: light tints (dark text) up to half the fullest cell, dark
      // ones (white text) above it. A team where every cell holds one person stays light: the fullest counts as two.
      const share = count / max;
      const shade = !count ? 0 : share <= 0.5 ? round(0.1 + 0.6 * share) : round(0.75 + 0.3 * (share - 0.5));
      return {
        first: r.drive,
        second: c.drive,
        x: c.x,
        y: r.y,
        count,
        text: count ? args.fmt.count(count) : '',
        shade,
        dark: shade >= 0.75,
        same: r.drive === c.drive,
      };
    }),
  );
  return {
    label: args.label,
    width: LEFT + size + RIGHT,
    height: TOP + size + 4,
    grid: { x: LEFT, y: TOP, size },
    rows,
    columns,
    cells,
    captions: {
      rows: { text: args.captions.rows, x: 4, y: TOP - 12 },
      columns: { text: args.captions.columns, x: 4, y: 18 },
    },
  };
}

function pick(l: DriveLabel) {
  return { name: l.name, hex: l.hex };
}
