import { softmax } from './classifier';

/** A remark's combined scores (one per drive) and the index of its labelled drive. */
export type Scored = { scores: ArrayLike<number>; drive: number };
export type ReliabilityBin = { from: number; to: number; n: number; predicted: number; observed: number };

const TEMPERATURES = Array.from({ length: 41 }, (_, i) => Math.round(0.2 * 1.1 ** i * 1000) / 1000); // 0.2 … ~9
const WEAK_CANDIDATES = [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
const CLEAR_CANDIDATES = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
/** A share of readings is only judged on at least this many remarks. */
const MIN_CASES = 10;
/** "Clear" means right at least this often among the remarks it was said of. */
export const CLEAR_PRECISION = 0.9;

const top = (p: number[]) => p.reduce((best, v, k) => (v > p[best]! ? k : best), 0);

/** Mean negative log-likelihood of the labelled drives at a temperature. */
export function meanNll(rows: Scored[], temperature: number): number {
  return rows.reduce((a, r) => a - Math.log(Math.max(1e-12, softmax(r.scores, temperature)[r.drive]!)), 0) / rows.length;
}

/** Predicted probability of the top drive against how often it was right, in bins of 0.2. */
export function reliabilityCurve(rows: Scored[], temperature: number, width = 0.2): ReliabilityBin[] {
  const bins: ReliabilityBin[] = [];
  for (let from = 0; from < 1 - 1e-9; from += width) {
    const to = Math.min(1, from + width);
    const inBin = rows
      .map((r) => ({ p: softmax(r.scores, temperature), drive: r.drive }))
      .filter(({ p }) => {
        const v = p[top(p)]!;
        return v >= from && (v < to || to === 1);
      });
    const n = inBin.length;
    const predicted = n ? inBin.reduce((a, { p }) => a + p[top(p)]!, 0) / n : 0;
    const observed = n ? inBin.filter(({ p, drive }) => top(p) === drive).length / n : 0;
    const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
    bins.push({ from: r4(from), to: r4(to), n, predicted: r4(predicted), observed: r4(observed) });
  }
  return bins;
}

/**
 * Chooses, from out-of-fold scores only: the temperature with the lowest log-loss; "a weak hint" below the
 * highest threshold under which readings were more often wrong than right; "clear" from the lowest
 * threshold above which they were right at least 90% of the time (never, if no threshold reaches that).
 */
export function calibrationChoices(rows: Scored[]) {
  const temperature = TEMPERATURES.reduce((best, t) => (meanNll(rows, t) < meanNll(rows, best) - 1e-12 ? t : best), 1);
  const tops = rows.map((r) => {
    const p = softmax(r.scores, temperature);
    const k = top(p);
    return { p: p[k]!, right: k === r.drive };
  });
  const accuracy = (set: typeof tops) => set.filter((x) => x.right).length / set.length;
  let weakBelow = 0;
  for (const t of WEAK_CANDIDATES) {
    const below = tops.filter((x) => x.p < t);
    if (below.length >= MIN_CASES && accuracy(below) < 0.5) weakBelow = t;
  }
  let clearFrom = 1;
  for (const t of [...CLEAR_CANDIDATES].reverse()) {
    const above = tops.filter((x) => x.p >= t);
    if (t > weakBelow && above.length >= MIN_CASES && accuracy(above) >= CLEAR_PRECISION) clearFrom = t;
  }
  return { temperature, weakBelow, clearFrom, reliability: reliabilityCurve(rows, temperature) };
}
