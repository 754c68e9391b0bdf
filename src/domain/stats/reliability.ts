// Scale reliability: Cronbach's alpha, its Feldt confidence interval and item diagnostics.
// Input matrices have one row per respondent and one column per (already reverse-scored) item.
import { correlation, mean, sd, variance } from './basic';

// jstat ships without type definitions; declare only the F quantile we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jStat } = require('jstat') as { jStat: { centralF: { inv(p: number, df1: number, df2: number): number } } };

/** Items whose corrected item-total correlation falls below this are flagged as weak. */
export const LOW_ITEM_TOTAL = 0.2;

function itemCount(items: number[][]): number {
  return items[0]?.length ?? 0;
}

function column(items: number[][], j: number): number[] {
  return items.map((row) => row[j] as number);
}

function rowSums(items: number[][], skip = -1): number[] {
  return items.map((row) => row.reduce((sum, x, j) => (j === skip ? sum : sum + x), 0));
}

function withoutColumn(items: number[][], skip: number): number[][] {
  return items.map((row) => row.filter((_, j) => j !== skip));
}

/** alpha = k/(k−1) · (1 − Σ var(item) / var(total)). */
export function cronbachAlpha(items: number[][]): number {
  const k = itemCount(items);
  if (k < 2 || items.length < 2) return NaN;
  const totalVariance = variance(rowSums(items));
  if (!(totalVariance > 0)) return NaN;
  let itemVarianceSum = 0;
  for (let j = 0; j < k; j++) itemVarianceSum += variance(column(items, j));
  return (k / (k - 1)) * (1 - itemVarianceSum / totalVariance);
}

/** Same alpha from a covariance matrix (trace vs. sum of all entries); an independent cross-check. */
export function alphaFromCovariance(cov: number[][]): number {
  const k = cov.length;
  if (k < 2) return NaN;
  let trace = 0;
  let total = 0;
  cov.forEach((row, i) =>
    row.forEach((c, j) => {
      total += c;
      if (i === j) trace += c;
    }),
  );
  if (!(total > 0)) return NaN;
  return (k / (k - 1)) * (1 - trace / total);
}

/** Feldt (1965) confidence interval for alpha, based on (1 − alpha) following a scaled F distribution. */
export function feldtInterval(alpha: number, n: number, k: number, level = 0.95): { lower: number; upper: number } {
  const df1 = n - 1;
  const df2 = (n - 1) * (k - 1);
  const tail = (1 - level) / 2;
  return {
    lower: 1 - (1 - alpha) * jStat.centralF.inv(1 - tail, df1, df2),
    upper: 1 - (1 - alpha) * jStat.centralF.inv(tail, df1, df2),
  };
}

/** Per item: correlation with the sum of the other items (the item itself would inflate r). */
export function correctedItemTotal(items: number[][]): number[] {
  return Array.from({ length: itemCount(items) }, (_, j) => correlation(column(items, j), rowSums(items, j)));
}

/** Per item: alpha of the scale with that item removed. */
export function alphaIfDeleted(items: number[][]): number[] {
  return Array.from({ length: itemCount(items) }, (_, j) => cronbachAlpha(withoutColumn(items, j)));
}

export function itemStats(items: number[][]): { mean: number; sd: number }[] {
  return Array.from({ length: itemCount(items) }, (_, j) => {
    const xs = column(items, j);
    return { mean: mean(xs), sd: sd(xs) };
  });
}

/** Jacobson–Truax reliable change index: is the change larger than measurement error explains (p < .05)? */
export function reliableChange(x1: number, x2: number, sd: number, alpha: number): { rci: number; reliable: boolean } {
  const seDiff = sd * Math.SQRT2 * Math.sqrt(1 - alpha);
  if (!Number.isFinite(seDiff) || seDiff === 0) return { rci: NaN, reliable: false };
  const rci = (x2 - x1) / seDiff;
  return { rci, reliable: Math.abs(rci) > 1.96 };
}
