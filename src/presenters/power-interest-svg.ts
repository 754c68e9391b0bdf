import type { Translate } from '../content/texts';
import type { DriveId } from '../domain/drives';
import type { Formatter } from './format';
import { PLOT, R, gridFrame, spotOffsets } from './marker-grid';

/**
 * Mendelow's power–interest grid as server-drawn SVG geometry (views/partials/power-interest.ejs): interest (1…5)
 * across, influence (1…5) up. As on the stakeholder map, 3 counts as high; so the quadrant lines lie between 2 and 3 and
 * no marker sits on a line. Numbered markers; the names are in the numbered list of the map beside it.
 */
/** Bands at the top and bottom hold the quadrant names on two lines (the low-interest half is narrow); markers stay between them. */
const BAND = 44;
/** The axes run from 0.5 to 5.5, so a value's marker sits in the middle of its fifth of the axis. */
const xOf = (interest: number) => PLOT.left + ((interest - 0.5) / 5) * (PLOT.right - PLOT.left);
const yOf = (influence: number) => PLOT.bottom - BAND - ((influence - 0.5) / 5) * (PLOT.bottom - PLOT.top - 2 * BAND);

export type Mendelow = 'keepSatisfied' | 'manageClosely' | 'monitor' | 'keepInformed';

/** The quadrant of a person: influence and interest of 3 or more count as high. */
export function mendelowQuadrant(p: { influence: number; interest: number }): Mendelow {
  if (p.influence >= 3) return p.interest >= 3 ? 'manageClosely' : 'keepSatisfied';
  return p.interest >= 3 ? 'keepInformed' : 'monitor';
}

export type GridPerson = { number: number; influence: number; interest: number; drive: DriveId | null };

export function powerInterestGrid(people: readonly GridPerson[], t: Translate, fmt: Formatter) {
  const midX = xOf(2.5);
  const midY = yOf(2.5);
  const offsets = spotOffsets(people.map((p) => `${p.interest},${p.influence}`));
  const markers = people.map((p, i) => ({
    number: p.number,
    drive: p.drive,
    quadrant: mendelowQuadrant(p),
    cx: xOf(p.interest) + offsets[i]!.dx,
    cy: yOf(p.influence) + offsets[i]!.dy,
    r: R,
  }));
  // Each name on up to two lines (split at its last space), centred in its quadrant, so no name runs into the next one.
  const q = (id: Mendelow, x: number, y: number) => {
    const label = t(`stake.grid.${id}`);
    const cut = label.lastIndexOf(' ');
    return { id, label, x, y, lines: cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label] };
  };
  const left = (PLOT.left + midX) / 2;
  const right = (midX + PLOT.right) / 2;
  return {
    ...gridFrame(t('stake.grid.axisInterest'), t('stake.grid.axisInfluence')),
    midX,
    midY,
    quadrants: [
      q('keepSatisfied', left, PLOT.top + 18),
      q('manageClosely', right, PLOT.top + 18),
      q('monitor', left, PLOT.bottom - BAND + 18),
      q('keepInformed', right, PLOT.bottom - BAND + 18),
    ],
    xTicks: [1, 2, 3, 4, 5].map((v) => ({ x: xOf(v), label: fmt.count(v) })),
    yTicks: [1, 2, 3, 4, 5].map((v) => ({ y: yOf(v), label: fmt.count(v) })),
    lineHeight: 18,
    markers,
  };
}
export type PowerInterestGrid = ReturnType<typeof powerInterestGrid>;
