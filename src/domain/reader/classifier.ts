import { z } from 'zod';
import { DRIVE_IDS, LANGS, type DriveId, type Lang } from '../drives';
import { vectorise } from './features';

// Over a hundred thousand weights: one check of the whole array is ten times faster than zod's check per element.
const numbers = z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)), {
  message: 'a list of finite numbers',
});

/** The trained reader of one language, as `npm run reader:train` writes it to data/reader/model.<lang>.json. */
export const modelFileSchema = z
  .object({
    format: z.literal(1),
    lang: z.enum(LANGS),
    drives: z.array(z.enum(DRIVE_IDS)).length(DRIVE_IDS.length),
    corpus: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), remarks: z.number().int().positive(), writers: z.array(z.string()) }),
    corrections: z.number().int().min(0),
    settings: z.object({
      l2: z.number().positive(),
      iterations: z.number().int().positive(),
      /** How much the lexicon's points (damped: log 1 + points) add to the model's scores. */
      lexiconWeight: z.number().min(0),
      /** Divides the combined scores before the softmax, so the probabilities are calibrated. */
      temperature: z.number().positive(),
      /** Below this top probability the reading is "a weak hint"; from this one on it is "clear". */
      weakBelow: z.number().min(0).max(1),
      clearFrom: z.number().min(0).max(1),
    }),
    crossValidation: z.object({ folds: z.string(), top1: z.number(), top2: z.number(), n: z.number().int() }),
    reliability: z.array(z.object({ from: z.number(), to: z.number(), n: z.number().int(), predicted: z.number(), observed: z.number() })),
    features: z.custom<string[]>((v) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length >= 3), {
      message: 'a list of feature names',
    }),
    /** Per feature: log((1 + remarks) / (1 + remarks with it)) + 1, from the training corpus. */
    idf: numbers.refine((xs) => xs.every((x) => x > 0), { message: 'every idf is positive' }),
    bias: z.array(z.number()).length(DRIVE_IDS.length),
    /** Feature-major: weights[f * drives + k] is feature f's weight for drive k. */
    weights: numbers,
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.weights.length !== m.features.length * m.drives.length)
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `expected ${m.features.length * m.drives.length} weights` });
    if (m.idf.length !== m.features.length)
      ctx.addIssue({ code: 'custom', path: ['idf'], message: `expected ${m.features.length} values` });
    // The lexicon's points are added in DRIVE_IDS order: a model must list its drives in that order.
    if (m.drives.some((d, k) => d !== DRIVE_IDS[k]))
      ctx.addIssue({ code: 'custom', path: ['drives'], message: `must be ${DRIVE_IDS.join(', ')}` });
  });
export type ModelFile = z.infer<typeof modelFileSchema>;

export type Classifier = {
  lang: Lang;
  drives: readonly DriveId[];
  index: ReadonlyMap<string, number>;
  idf: Float64Array;
  weights: Float64Array;
  /** The weights minus each feature's mean over the drives: what tells the drives apart (for `push`). */
  centred: Float64Array;
  bias: Float64Array;
  settings: ModelFile['settings'];
  file: ModelFile;
};

export function compileClassifier(file: ModelFile): Classifier {
  const K = file.drives.length;
  const centred = Float64Array.from(file.weights);
  for (let j = 0; j < file.features.length; j++) {
    let mean = 0;
    for (let k = 0; k < K; k++) mean += centred[j * K + k]! / K;
    for (let k = 0; k < K; k++) centred[j * K + k]! -= mean;
  }
  return {
    centred,
    lang: file.lang,
    drives: file.drives,
    index: new Map(file.features.map((f, i) => [f, i])),
    idf: Float64Array.from(file.idf),
    weights: Float64Array.from(file.weights),
    bias: Float64Array.from(file.bias),
    settings: file.settings,
    file,
  };
}

/** The classifier's input vector for a text's feature counts. */
export function vectorFor(c: Classifier, counts: ReadonlyMap<string, number>): Map<string, number> {
  return vectorise(counts, (name) => {
    const j = c.index.get(name);
    return j === undefined ? undefined : c.idf[j];
  });
}

/** The model's raw score per drive (in the classifier's drive order) for a feature vector. */
export function logits(c: Classifier, vector: ReadonlyMap<string, number>): Float64Array {
  const K = c.drives.length;
  const out = Float64Array.from(c.bias);
  for (const [name, v] of vector) {
    const j = c.index.get(name);
    if (j === undefined) continue;
    for (let k = 0; k < K; k++) out[k]! += v * c.weights[j * K + k]!;
  }
  return out;
}

export function softmax(z: ArrayLike<number>, temperature = 1): number[] {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) max = Math.max(max, z[i]! / temperature);
  const e = Array.from(z, (v) => Math.exp(v / temperature - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * How much a set of features pushed drive k above the average drive: the part of the score that tells
 * drives apart, not what all drives share.
 */
export function push(c: Classifier, vector: ReadonlyMap<string, number>, features: readonly string[], k: number): number {
  const K = c.drives.length;
  let total = 0;
  for (const name of features) {
    const j = c.index.get(name);
    const v = vector.get(name);
    if (j !== undefined && v !== undefined) total += v * c.centred[j * K + k]!;
  }
  return total;
}
