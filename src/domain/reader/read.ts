import { DRIVE_IDS, type DriveId, type Lang } from '../drives';
import { logits, push, softmax, vectorFor, type Classifier } from './classifier';
import type { Featurised } from './features';
import { BEHAVIOUR_WEIGHT, modelInputs } from './inputs';
import { detectLanguage, type LanguageTables } from './language';
import type { Lexicon } from './lexicon';
import type { Behaviour, Confidence, Evidence } from './recognise';
import { isContentWord, mostSimilar, type SimilarIndex } from './similar';

/** Everything the reader needs, per language; built once at start-up from data/reader. */
export type ReaderModel = {
  lexicons: Readonly<Record<Lang, Lexicon>>;
  classifiers: Readonly<Record<Lang, Classifier>>;
  similar: Readonly<Record<Lang, SimilarIndex>>;
  languages: LanguageTables;
};

export type DriveReading = {
  drive: DriveId;
  /** The calibrated probability in whole percents. */
  score: number;
  probability: number;
  /** The lexicon's points (cues found, behaviours ticked). */
  points: number;
  confidence: Confidence;
  evidence: Evidence[];
};
export type PushingWord = { word: string; drive: DriveId; weight: number };
export type SimilarRemark = { id: string; text: string; drive: DriveId; similarity: number };
export type Reading = {
  lang: Lang;
  /** All six drives, most probable first. */
  drives: DriveReading[];
  /** In words: how sure the top drive is (a "weak hint", "likely", "clear"). */
  confidence: Confidence;
  /** False when nothing in the text is known to the model or the lexicon (and no behaviour is ticked): a guess. */
  signal: boolean;
  /** The top two are close: show both ("X or Y"). */
  close: boolean;
  /** Content words that pushed the model towards the top drive (and the second when close), strongest first. */
  words: PushingWord[];
  similar: SimilarRemark[];
  negated: Evidence[];
};

/** Two drives are "close" when the second's probability is within this distance of the first's. */
export const CLOSE_WITHIN = 0.15;
const MAX_WORDS = 5;

/** A text of fewer words than this is never called "clear": two words are too little to be sure of a person's drive. */
export const CLEAR_MIN_WORDS = 3;

export function confidenceFor(p: number, s: Classifier['settings'], words = CLEAR_MIN_WORDS): Confidence {
  if (p >= s.clearFrom && words >= CLEAR_MIN_WORDS) return 'high';
  if (p >= s.weakBelow) return 'medium';
  return 'low';
}

function pushingWords(c: Classifier, f: Featurised, vector: ReadonlyMap<string, number>, lang: Lang, drives: number[]): PushingWord[] {
  const byWord = new Map<string, PushingWord>();
  for (const k of drives) {
    f.tokens.forEach((t, i) => {
      if (!isContentWord(t.norm, lang)) return;
      const weight = push(c, vector, f.perToken[i]!, k);
      const prev = byWord.get(t.norm);
      if (weight > 0 && (!prev || weight > prev.weight)) byWord.set(t.norm, { word: t.norm, drive: c.drives[k]!, weight });
    });
  }
  return [...byWord.values()]
    .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
    .slice(0, MAX_WORDS)
    .map((w) => ({ ...w, weight: Math.round(w.weight * 1000) / 1000 }));
}

/**
 * Reads which drives speak in a text: the trained model's scores plus the lexicon's damped points times the
 * weight cross-validation chose, turned into calibrated probabilities. Ties go to the drive with more
 * lexicon points, then to the model's drive order.
 */
export function readText(input: { text: string; lang?: Lang; behaviours?: Behaviour[] }, m: ReaderModel): Reading {
  const lang = input.lang ?? detectLanguage(input.text, m.languages);
  const { lexical, features: f, textPoints, behaviourPoints } = modelInputs(input.text, lang, m.lexicons, input.behaviours);
  const c = m.classifiers[lang];
  const vector = vectorFor(c, f.counts);
  const z = logits(c, vector);
  // The model's drive order is DRIVE_IDS (checked when the model is loaded), as the points are.
  c.drives.forEach((_, k) => (z[k]! += c.settings.lexiconWeight * textPoints[k]! + BEHAVIOUR_WEIGHT * behaviourPoints[k]!));
  const p = softmax(z, c.settings.temperature);
  const pointsOf = (d: DriveId) => lexical.drives.find((r) => r.drive === d)?.points ?? 0;
  const signal = vector.size > 0 || lexical.drives.length > 0;
  const order = c.drives
    .map((drive, k) => ({ drive, k, probability: p[k]!, points: pointsOf(drive) }))
    .sort((a, b) => b.probability - a.probability || b.points - a.points || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive));
  const words = f.tokens.length + (input.behaviours?.length ? CLEAR_MIN_WORDS : 0);
  const drives = order.map(({ drive, probability, points }) => ({
    drive,
    score: Math.round(probability * 100),
    probability: Math.round(probability * 1e4) / 1e4,
    points,
    confidence: signal ? confidenceFor(probability, c.settings, words) : ('low' as const),
    evidence: lexical.drives.find((r) => r.drive === drive)?.evidence ?? [],
  }));
  const close = order[0]!.probability - order[1]!.probability <= CLOSE_WITHIN;
  return {
    lang,
    drives,
    confidence: drives[0]!.confidence,
    signal,
    close,
    words: f.tokens.length ? pushingWords(c, f, vector, lang, close ? [order[0]!.k, order[1]!.k] : [order[0]!.k]) : [],
    similar: input.text.trim()
      ? mostSimilar(m.similar[lang], input.text).map((s) => ({ ...s.remark, similarity: Math.round(s.similarity * 100) / 100 }))
      : [],
    negated: lexical.negated,
  };
}

/** Several readings together: the mean chance per drive in whole percents, each text counting once however long. */
export function meanReading(readings: readonly { drives: readonly { drive: DriveId; probability: number }[] }[]) {
  const sum = new Map<DriveId, number>(DRIVE_IDS.map((d) => [d, 0]));
  for (const r of readings) for (const d of r.drives) sum.set(d.drive, sum.get(d.drive)! + d.probability);
  return DRIVE_IDS.map((drive) => ({ drive, score: readings.length ? Math.round((sum.get(drive)! / readings.length) * 100) : 0 })).sort(
    (a, b) => b.score - a.score || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive),
  );
}
