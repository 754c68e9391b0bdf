// How often a drive must be picked before that says more than chance.

/** P(X ≥ k) for X ~ Binomial(n, p), summed exactly (n is a handful of situations). */
export function binomialTail(n: number, p: number, k: number): number {
  let term = (1 - p) ** n; // P(X = 0)
  let tail = k <= 0 ? term : 0;
  for (let x = 1; x <= n; x++) {
    term *= ((n - x + 1) / x) * (p / (1 - p));
    if (x >= k) tail += term;
  }
  return Math.min(1, tail);
}

/** The chance of one reaction among six: each drive is one of the six options of a situation. */
export const CHANCE_PICK = 1 / 6;
/** A label may appear by chance for at most this share of drives of a random responder. */
export const LABEL_ALPHA = 0.05;

/**
 * The smallest k with P(X ≥ k) ≤ alpha when every drive is picked with chance p in each of n situations:
 * with 12 situations, k = 5 (P = 0.036; at 4 it would be 0.125).
 */
export function chanceThreshold(n: number, p = CHANCE_PICK, alpha = LABEL_ALPHA): number {
  let k = 0;
  while (k <= n && binomialTail(n, p, k) > alpha) k++;
  return k;
}
