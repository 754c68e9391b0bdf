/**
 * Multinomial logistic regression on sparse features, fitted by full-batch gradient descent with Adam.
 * Full batches make the result depend only on the data and the settings, never on an order of
 * examples: training is deterministic without a seed.
 */
export type SparseRow = { idx: Int32Array; val: Float64Array };
export type Fitted = { weights: Float64Array; bias: Float64Array };
export type FitOptions = { l2: number; iterations: number; learningRate?: number };

export function rowLogits(f: Fitted, row: SparseRow, K: number): Float64Array {
  const z = Float64Array.from(f.bias);
  for (let n = 0; n < row.idx.length; n++) {
    const base = row.idx[n]! * K;
    const v = row.val[n]!;
    for (let k = 0; k < K; k++) z[k]! += v * f.weights[base + k]!;
  }
  return z;
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k]! - max);
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
}

/**
 * Fits weights (feature-major, F × K) and biases minimising the mean cross-entropy plus l2/2 · |W|².
 * `targets[i]` is a probability per class for row i; training uses one-hot targets (the labelled drive only: the
 * acceptable second drives serve the studio's points, not the model).
 */
export function fitSoftmax(rows: SparseRow[], targets: Float64Array[], F: number, K: number, o: FitOptions): Fitted {
  const lr = o.learningRate ?? 0.05;
  const P = F * K;
  const w = new Float64Array(P);
  const b = new Float64Array(K);
  const gw = new Float64Array(P);
  const gb = new Float64Array(K);
  const mw = new Float64Array(P);
  const vw = new Float64Array(P);
  const mb = new Float64Array(K);
  const vb = new Float64Array(K);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  const N = rows.length;
  const fitted = { weights: w, bias: b };
  for (let it = 1; it <= o.iterations; it++) {
    for (let p = 0; p < P; p++) gw[p] = o.l2 * w[p]!;
    gb.fill(0);
    rows.forEach((row, i) => {
      const z = rowLogits(fitted, row, K);
      softmaxInPlace(z);
      const t = targets[i]!;
      for (let k = 0; k < K; k++) z[k] = (z[k]! - t[k]!) / N;
      for (let k = 0; k < K; k++) gb[k]! += z[k]!;
      for (let n = 0; n < row.idx.length; n++) {
        const base = row.idx[n]! * K;
        const v = row.val[n]!;
        for (let k = 0; k < K; k++) gw[base + k]! += v * z[k]!;
      }
    });
    const c1 = 1 - beta1 ** it;
    const c2 = 1 - beta2 ** it;
    const step = (x: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array) => {
      for (let p = 0; p < x.length; p++) {
        m[p] = beta1 * m[p]! + (1 - beta1) * g[p]!;
        v[p] = beta2 * v[p]! + (1 - beta2) * g[p]! * g[p]!;
        x[p]! -= (lr * (m[p]! / c1)) / (Math.sqrt(v[p]! / c2) + eps);
      }
    };
    step(w, gw, mw, vw);
    step(b, gb, mb, vb);
  }
  return fitted;
}
