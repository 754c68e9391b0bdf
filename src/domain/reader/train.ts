import { DRIVE_IDS, type DriveId, type Lang } from '../drives';
import type { ModelFile } from './classifier';
import { softmax } from './classifier';
import { vectorise } from './features';
import { fitSoftmax, rowLogits, type SparseRow } from './fit';
import { calibrationChoices, type Scored } from './calibrate';

export type Example = { id: string; text: string; drive: DriveId; also: readonly DriveId[]; writer: string };
/** A text's model features and its lexicon's damped points per drive (DRIVE_IDS order): inputs.ts's modelInputs. */
export type TextInputs = (text: string) => { counts: ReadonlyMap<string, number>; points: Float64Array };

export type TrainSettings = {
  /** Candidates for the strength of the weight penalty; cross-validation picks one. */
  l2Grid: readonly number[];
  lexiconWeightGrid: readonly number[];
  iterations: number;
  /** A feature must occur in this many training remarks to be kept. */
  minRemarks: number;
};
export const DEFAULT_TRAINING: TrainSettings = {
  l2Grid: [1e-4, 3e-4, 1e-3],
  lexiconWeightGrid: [0, 0.25, 0.5, 0.75, 1, 1.5, 2],
  iterations: 150,
  minRemarks: 2,
};

const K = DRIVE_IDS.length;
const oneHot = (d: DriveId) => Float64Array.from(DRIVE_IDS, (x) => (x === d ? 1 : 0));

/** The features in at least `minRemarks` remarks, sorted, with their idf. */
function vocabulary(counts: ReadonlyMap<string, number>[], minRemarks: number): { features: string[]; idf: number[] } {
  const df = new Map<string, number>();
  for (const v of counts) for (const name of v.keys()) df.set(name, (df.get(name) ?? 0) + 1);
  const features = [...df]
    .filter(([, n]) => n >= minRemarks)
    .map(([name]) => name)
    .sort();
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  return { features, idf: features.map((f) => r4(Math.log((1 + counts.length) / (1 + df.get(f)!)) + 1)) };
}

function toRow(vector: Map<string, number>, index: Map<string, number>): SparseRow {
  const pairs = [...vector].flatMap(([name, v]) => {
    const j = index.get(name);
    return j === undefined ? [] : [[j, v] as const];
  });
  return { idx: Int32Array.from(pairs, (p) => p[0]), val: Float64Array.from(pairs, (p) => p[1]) };
}

/**
 * Out-of-fold model scores, one writer left out at a time: every remark is scored by a model that never
 * saw that remark's writer, as the reader will meet writers it never saw.
 */
function outOfFold(rows: SparseRow[], examples: Example[], F: number, l2: number, iterations: number): Float64Array[] {
  const writers = [...new Set(examples.map((e) => e.writer))].sort();
  const out = new Array<Float64Array>(rows.length);
  for (const w of writers) {
    const train = examples.flatMap((e, i) => (e.writer === w ? [] : [i]));
    const fitted = fitSoftmax(
      train.map((i) => rows[i]!),
      train.map((i) => oneHot(examples[i]!.drive)),
      F,
      K,
      { l2, iterations },
    );
    examples.forEach((e, i) => {
      if (e.writer === w) out[i] = rowLogits(fitted, rows[i]!, K);
    });
  }
  return out;
}

const combine = (model: Float64Array, lex: Float64Array, weight: number) => Float64Array.from(model, (v, k) => v + weight * lex[k]!);

function top1(scores: Float64Array[], examples: Example[]): number {
  let right = 0;
  scores.forEach((z, i) => {
    let best = 0;
    for (let k = 1; k < K; k++) if (z[k]! > z[best]!) best = k;
    if (DRIVE_IDS[best] === examples[i]!.drive) right++;
  });
  return right / scores.length;
}

export type Trained = Omit<ModelFile, 'corpus' | 'corrections'>;

/**
 * Trains one language's reader: picks the penalty and the lexicon's weight by leave-one-writer-out
 * cross-validation (best top-1), calibrates on the same out-of-fold scores, then fits on all remarks.
 */
export function trainReader(lang: Lang, examples: Example[], inputs: TextInputs, s: TrainSettings = DEFAULT_TRAINING): Trained {
  const prepared = examples.map((e) => inputs(e.text));
  const counts = prepared.map((x) => x.counts);
  const { features, idf } = vocabulary(counts, s.minRemarks);
  const index = new Map(features.map((f, i) => [f, i]));
  const rows = counts.map((c) =>
    toRow(
      vectorise(c, (name) => idf[index.get(name) ?? -1]),
      index,
    ),
  );
  const lex = prepared.map((x) => x.points);

  let best = { l2: s.l2Grid[0]!, weight: 0, accuracy: -1, scores: [] as Float64Array[] };
  for (const l2 of s.l2Grid) {
    const oof = outOfFold(rows, examples, features.length, l2, s.iterations);
    for (const weight of s.lexiconWeightGrid) {
      const scores = oof.map((z, i) => combine(z, lex[i]!, weight));
      const accuracy = top1(scores, examples);
      if (accuracy > best.accuracy + 1e-9) best = { l2, weight, accuracy, scores };
    }
  }
  const scored: Scored[] = best.scores.map((z, i) => ({ scores: z, drive: DRIVE_IDS.indexOf(examples[i]!.drive) }));
  const calibration = calibrationChoices(scored);
  const top2 =
    scored.filter((r) => {
      const p = softmax(r.scores, calibration.temperature);
      const order = p.map((v, k) => [v, k] as const).sort((a, b) => b[0] - a[0]);
      return order[0]![1] === r.drive || order[1]![1] === r.drive;
    }).length / scored.length;

  const fitted = fitSoftmax(
    rows,
    examples.map((e) => oneHot(e.drive)),
    features.length,
    K,
    { l2: best.l2, iterations: s.iterations },
  );
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    format: 1,
    lang,
    drives: [...DRIVE_IDS],
    settings: {
      l2: best.l2,
      iterations: s.iterations,
      lexiconWeight: best.weight,
      temperature: calibration.temperature,
      weakBelow: calibration.weakBelow,
      clearFrom: calibration.clearFrom,
    },
    crossValidation: { folds: 'one writer left out at a time', top1: round(best.accuracy), top2: round(top2), n: examples.length },
    reliability: calibration.reliability,
    features,
    idf,
    bias: Array.from(fitted.bias, round),
    weights: Array.from(fitted.weights, round),
  };
}
