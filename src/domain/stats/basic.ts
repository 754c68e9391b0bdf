// Descriptive statistics on plain number arrays. Pure; NaN signals "not defined".

export function mean(xs: number[]): number {
  if (xs.length === 0) return NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample covariance (n − 1 denominator); NaN when n < 2 or the lengths differ. */
export function covariance(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return NaN;
  const mx = mean(xs);
  const my = mean(ys);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
  return sum / (n - 1);
}

/** Sample variance (n − 1 denominator); NaN when n < 2. */
export function variance(xs: number[]): number {
  return covariance(xs, xs);
}

export function sd(xs: number[]): number {
  return Math.sqrt(variance(xs));
}

/** Pearson r; NaN when n < 3 (r is meaningless with two points) or either side is constant. */
export function correlation(xs: number[], ys: number[]): number {
  if (xs.length < 3 || ys.length !== xs.length) return NaN;
  const vx = variance(xs);
  const vy = variance(ys);
  if (!(vx > 0) || !(vy > 0)) return NaN;
  const r = covariance(xs, ys) / Math.sqrt(vx * vy);
  // Rounding can push |r| a hair past 1; keep it in range.
  return Math.max(-1, Math.min(1, r));
}

/** Covariance matrix of variables; each column is one variable over all respondents. */
export function covarianceMatrix(columns: number[][]): number[][] {
  return columns.map((a) => columns.map((b) => covariance(a, b)));
}

export function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** digits;
  return Math.round(x * factor) / factor;
}
