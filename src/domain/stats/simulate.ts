import { DRIVE_IDS } from '../drives';
import type { Answers } from '../answers';
import type { ModelIndex } from '../model-index';
import { normal } from './random';

/**
 * Synthetic respondents from a latent-trait model with known reliability. Each person has a trait per
 * drive (standard normal); each statement is trait + independent error, with the error chosen so that a
 * scale of k parallel items has the wanted reliability (Spearman–Brown: item reliability
 * ρ = R / (k − (k − 1)·R), error variance 1/ρ − 1). The continuous response is cut into the five answers at
 * the quintiles of its distribution (cutting loses a little reliability; see the tolerance in the tests), and
 * reverse-keyed statements are answered the other way round. In each situation the person picks as most
 * and least the drives with the highest and lowest trait plus noise.
 */
export function simulateRespondents(index: ModelIndex, n: number, reliability: number, rand: () => number): Answers[] {
  const { min, max } = index.model.likert.scale;
  const byDrive = (d: string) => index.model.likert.items.filter((i) => i.drive === d).length;
  const errorSd = Object.fromEntries(
    DRIVE_IDS.map((d) => {
      const k = byDrive(d);
      const rho = reliability / (k - (k - 1) * reliability);
      return [d, Math.sqrt(1 / rho - 1)];
    }),
  );
  // Quintiles of a normal distribution with variance 1 + error², scaled per drive below.
  const Z = [-0.8416, -0.2533, 0.2533, 0.8416];
  const answer = (x: number, spread: number) => min + Z.filter((z) => x > z * spread).length;

  return Array.from({ length: n }, () => {
    const trait = Object.fromEntries(DRIVE_IDS.map((d) => [d, normal(rand)]));
    const likert: Answers['likert'] = {};
    for (const it of index.model.likert.items) {
      const e = errorSd[it.drive]!;
      const raw = answer(trait[it.drive]! + e * normal(rand), Math.sqrt(1 + e * e));
      likert[it.id] = it.reverse ? min + max - raw : raw;
    }
    const choice: Answers['choice'] = {};
    for (const s of index.model.choice.items) {
      const scored = s.options.map((o) => ({ id: o.id, v: trait[o.drive]! + normal(rand) })).sort((a, b) => b.v - a.v);
      choice[s.id] = { most: scored[0]!.id, least: scored[scored.length - 1]!.id };
    }
    return { likert, choice };
  });
}
