import { DRIVE_IDS } from '../drives';
import type { Answers } from '../answers';
import type { ModelIndex } from '../model-index';
import { normal } from './random';

/** What the synthetic respondents are like; every threat defaults to off. */
export type SimulationOptions = {
  /** Reliability of each statement scale (0–1). */
  reliability: number;
  /** Correlation between the six drive traits (one shared factor); 0 = independent. */
  correlation?: number;
  /** SD of a person's pull towards "agree", in units of the response SD; 0 = none. */
  acquiescence?: number;
  /** Share of people who give the same answer to every statement and pick the first/last reaction. */
  straightLining?: number;
  /** Share of people who answer everything uniformly at random. */
  random?: number;
  /** Strength of the pull towards good-sounding answers (statements and reactions), in response SD units. */
  desirability?: number;
};

/** How "good" an item sounds, fixed per id (a hash, −1..1), so the same item always pulls the same way. */
function desirabilityOf(id: string): number {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) / 4294967295) * 2 - 1;
}

/**
 * Synthetic respondents from a latent-trait model with known reliability. Each person has a trait per
 * drive (standard normal, optionally sharing a common factor with weight √correlation); each statement is
 * trait + independent error, with the error chosen so that a scale of k parallel items has the wanted
 * reliability (Spearman–Brown: item reliability ρ = R / (k − (k − 1)·R), error variance 1/ρ − 1). The
 * continuous response is cut into the five answers at the quintiles of its distribution (cutting loses a
 * little reliability; see the tolerance in the tests), and reverse-keyed statements are answered the other
 * way round. Acquiescence adds a person-level shift to every raw answer before keying (so it does not cancel
 * on reverse-keyed items); desirability adds person pull × item desirability. In each situation the person
 * picks as most and least the drives with the highest and lowest trait plus noise (plus desirability).
 * Straight-liners and random responders replace a share of the people.
 */
export function simulateRespondents(index: ModelIndex, n: number, options: number | SimulationOptions, rand: () => number): Answers[] {
  const o: SimulationOptions = typeof options === 'number' ? { reliability: options } : options;
  const { min, max } = index.model.likert.scale;
  const byDrive = (d: string) => index.model.likert.items.filter((i) => i.drive === d).length;
  const errorSd = Object.fromEntries(
    DRIVE_IDS.map((d) => {
      const k = byDrive(d);
      const rho = o.reliability / (k - (k - 1) * o.reliability);
      return [d, Math.sqrt(1 / rho - 1)];
    }),
  );
  // Quintiles of a normal distribution with variance 1 + error², scaled per drive below.
  const Z = [-0.8416, -0.2533, 0.2533, 0.8416];
  const answer = (x: number, spread: number) => min + Z.filter((z) => x > z * spread).length;
  const shared = Math.sqrt(Math.max(0, Math.min(1, o.correlation ?? 0)));
  const randomShare = o.random ?? 0;
  const straightShare = o.straightLining ?? 0;

  return Array.from({ length: n }, () => {
    // Draws only for what is switched on, so the plain model keeps its seeded sequences.
    const kind = randomShare + straightShare > 0 ? rand() : 1;
    if (kind < randomShare) return randomAnswers(index, rand);
    if (kind < randomShare + straightShare) return straightLine(index, min + Math.floor(rand() * (max - min + 1)));
    const common = shared ? normal(rand) : 0;
    const trait = Object.fromEntries(DRIVE_IDS.map((d) => [d, shared * common + Math.sqrt(1 - shared * shared) * normal(rand)]));
    const agree = o.acquiescence ? o.acquiescence * normal(rand) : 0;
    const pull = o.desirability ? o.desirability * Math.abs(normal(rand)) : 0;
    const likert: Answers['likert'] = {};
    for (const it of index.model.likert.items) {
      const e = errorSd[it.drive]!;
      const spread = Math.sqrt(1 + e * e);
      const keyed = trait[it.drive]! + e * normal(rand);
      const x = (it.reverse ? -keyed : keyed) + (agree + pull * desirabilityOf(it.id)) * spread;
      likert[it.id] = answer(x, spread);
    }
    const choice: Answers['choice'] = {};
    for (const s of index.model.choice.items) {
      const scored = s.options
        .map((opt) => ({ id: opt.id, v: trait[opt.drive]! + normal(rand) + pull * desirabilityOf(opt.id) }))
        .sort((a, b) => b.v - a.v);
      choice[s.id] = { most: scored[0]!.id, least: scored[scored.length - 1]!.id };
    }
    return { likert, choice };
  });
}

/** One uniformly random answer set: every statement 1–5, in each situation a random most and a different least. */
export function randomAnswers(index: ModelIndex, rand: () => number): Answers {
  const { min, max } = index.model.likert.scale;
  const likert = Object.fromEntries(index.model.likert.items.map((it) => [it.id, min + Math.floor(rand() * (max - min + 1))]));
  const choice = Object.fromEntries(
    index.model.choice.items.map((s) => {
      const m = Math.floor(rand() * 6);
      const l = (m + 1 + Math.floor(rand() * 5)) % 6;
      return [s.id, { most: s.options[m]!.id, least: s.options[l]!.id }];
    }),
  );
  return { likert, choice };
}

/** The same answer to every statement; in each situation the first reaction as most and the last as least. */
function straightLine(index: ModelIndex, value: number): Answers {
  return {
    likert: Object.fromEntries(index.model.likert.items.map((it) => [it.id, value])),
    choice: Object.fromEntries(index.model.choice.items.map((s) => [s.id, { most: s.options[0]!.id, least: s.options[5]!.id }])),
  };
}
