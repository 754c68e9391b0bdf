import type { Translate } from '../content/texts';
import type { DriveId } from '../domain/drives';
import type { Formatter } from './format';
import { PLOT, R, gridFrame, spotOffsets } from './marker-grid';

/**
 * The stakeholder map as server-drawn SVG geometry (views/partials/stakeholder-map.ejs): support (−2…+2) across, influence
 * (1…5) up, four labelled quadrants. Each person is a numbered marker; their full name is in the numbered list beside the map,
 * so no name can be cut off at the plot's edge or sit on top of another, at any screen width, in print and without JavaScript.
 */

/** A band at the top and bottom of the plot holds the quadrant names; markers stay between the bands, so they never cover a name. */
const BAND = 26;

const xOf = (support: number) => PLOT.left + ((support + 2.5) / 5) * (PLOT.right - PLOT.left);
const yOf = (influence: number) => PLOT.top + BAND + R + ((5 - influence) / 4) * (PLOT.bottom - PLOT.top - 2 * (BAND + R));

export type MapPerson = { number: number; name: string; support: number; influence: number; drive: DriveId | null };

/** Which quadrant a person is in: influence 3 and support 0 are the middle lines and count as "high" and "for". */
export function quadrantOf(p: { influence: number; support: number }): 'involve' | 'winOver' | 'inform' | 'watch' {
  if (p.influence >= 3) return p.support >= 0 ? 'involve' : 'winOver';
  return p.support >= 0 ? 'inform' : 'watch';
}

export function stakeholderMap(people: MapPerson[], t: Translate, fmt: Formatter) {
  const midX = xOf(0);
  const midY = yOf(3);
  const offsets = spotOffsets(people.map((p) => `${p.support},${p.influence}`));
  const markers = people.map((p, i) => ({
    number: p.number,
    drive: p.drive,
    cx: xOf(p.support) + offsets[i]!.dx,
    cy: yOf(p.influence) + offsets[i]!.dy,
    r: R,
  }));
  const pad = 8;
  return {
    ...gridFrame(t('projects.mapAxisSupport'), t('projects.mapAxisInfluence')),
    midX,
    midY,
    quadrants: [
      { id: 'winOver', label: t('projects.quadrant.winOver'), x: PLOT.left + pad, y: PLOT.top + BAND - 8, anchor: 'start' },
      { id: 'involve', label: t('projects.quadrant.involve'), x: PLOT.right - pad, y: PLOT.top + BAND - 8, anchor: 'end' },
      { id: 'watch', label: t('projects.quadrant.watch'), x: PLOT.left + pad, y: PLOT.bottom - 8, anchor: 'start' },
      { id: 'inform', label: t('projects.quadrant.inform'), x: PLOT.right - pad, y: PLOT.bottom - 8, anchor: 'end' },
    ],
    xTicks: [-2, -1, 0, 1, 2].map((v) => ({ x: xOf(v), label: fmt.signed(v) })),
    yTicks: [1, 2, 3, 4, 5].map((v) => ({ y: yOf(v), label: fmt.count(v) })),
    markers,
  };
}
export type StakeholderMapView = ReturnType<typeof stakeholderMap>;
