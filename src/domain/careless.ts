// Careless responding: answers that do not hang together, whatever the person's drives are.
import { DRIVE_IDS } from './drives';
import type { Answers } from './answers';
import type { ModelIndex } from './model-index';

export type CarelessIndices = {
  /** Mean distance (scale points, after reverse keying) between the two statements of each consistency pair. */
  pairGap: number;
  /** Longest run of the same answer to consecutive statements, in the order they are shown. */
  longString: number;
  /**
   * Person fit between statements and situations: per situation, the statement score (1–5) of the drive
   * picked as most minus that of the drive picked least, averaged. Near 0 or below: the choices contradict
   * the person's own ratings.
   */
  personFit: number;
};

// Thresholds, set with the simulator (src/tools/simulate-command.ts), checked in test/unit/measurement.test.ts;
// figures in the README, "Scoring".
/** Weight of the pair distance against person fit in one score: personFit − PAIR_WEIGHT · pairGap. */
export const PAIR_WEIGHT = 0.2;
/** Flag when that score falls below this (3% of trait-driven respondents at reliability .8, 86% of random ones)... */
export const SCORE_MIN = -0.12;
/** ...or when this many consecutive statements get the same answer (no simulated trait-driven or random one reaches 8). */
export const LONG_STRING_MIN = 10;

export function carelessIndices(index: ModelIndex, answers: Answers): CarelessIndices {
  const { min, max } = index.model.likert.scale;
  const keyed = (id: string) => {
    const v = answers.likert[id]!;
    return index.likertById.get(id)!.reverse ? min + max - v : v;
  };
  const pairs = index.model.likert.pairs ?? [];
  const pairGap = pairs.length ? pairs.reduce((sum, [a, b]) => sum + Math.abs(keyed(a) - keyed(b)), 0) / pairs.length : 0;

  let longString = 0;
  let run = 0;
  let previous: number | undefined;
  for (const it of index.model.likert.items) {
    const v = answers.likert[it.id];
    run = v === previous ? run + 1 : 1;
    previous = v;
    longString = Math.max(longString, run);
  }

  const likert = DRIVE_IDS.map((d) => {
    const items = index.model.likert.items.filter((it) => it.drive === d);
    return items.reduce((sum, it) => sum + keyed(it.id), 0) / items.length;
  });
  const situations = index.model.choice.items;
  const scoreOf = (optionId: string) => likert[DRIVE_IDS.indexOf(index.optionById.get(optionId)!.drive)]!;
  const personFit =
    situations.reduce((sum, s) => sum + scoreOf(answers.choice[s.id]!.most) - scoreOf(answers.choice[s.id]!.least), 0) / situations.length;
  return { pairGap, longString, personFit };
}

/**
 * Whether the answers look careless: the choices and the pairs together contradict the person's own ratings
 * (one score, as each sign alone is too weak on 12 situations and a dozen pairs), or a long string of equal answers.
 */
export function isCareless(index: ModelIndex, answers: Answers): boolean {
  const c = carelessIndices(index, answers);
  return c.longString >= LONG_STRING_MIN || c.personFit - PAIR_WEIGHT * c.pairGap < SCORE_MIN;
}
