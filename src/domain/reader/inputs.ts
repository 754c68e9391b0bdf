import { DRIVE_IDS, type DriveId, type Lang } from '../drives';
import { featurise, type Featurised } from './features';
import type { Lexicon } from './lexicon';
import { guardedPositions, recognise, type Behaviour, type LexiconReading } from './recognise';
import { tokenise } from './text';

/** Damped points, as the combination weights were chosen on: log(1 + points). */
export const dampedPoints = (points: number) => Math.log1p(points);

/**
 * Ticked behaviours are observations, not words: they get their own weight, so that ticking "refers to how it was
 * always done" alone puts Verbondenheid first whatever the model's leanings on an empty text (the lexicon's weight
 * was chosen on texts, without behaviours).
 */
export const BEHAVIOUR_WEIGHT = 2;

export type ModelInputs = {
  lexical: LexiconReading;
  features: Featurised;
  /** Per drive in DRIVE_IDS order: damped points of the text's cues, and of the ticked behaviours. */
  textPoints: Float64Array;
  behaviourPoints: Float64Array;
};

/**
 * How a text becomes the reader's input, the same in training and in reading: the lexicon's cues (with its guards,
 * negation and contrast rules) and the model's features, where words inside a guard phrase give no features.
 */
export function modelInputs(
  text: string,
  lang: Lang,
  lexicons: Readonly<Record<Lang, Lexicon>>,
  behaviours: Behaviour[] = [],
): ModelInputs {
  const tokens = tokenise(text, lang);
  const guarded = guardedPositions(lexicons[lang], tokens);
  const lexical = recognise({ text, lang, tokens, guarded, behaviours }, lexicons);
  const skip = new Set<number>();
  for (const positions of guarded.values()) for (const k of positions) skip.add(k);
  const sum = (d: DriveId, kind: 'text' | 'behaviour') =>
    (lexical.drives.find((r) => r.drive === d)?.evidence ?? []).filter((e) => e.kind === kind).reduce((a, e) => a + e.weight, 0);
  return {
    lexical,
    features: featurise(text, lang, tokens, skip),
    textPoints: Float64Array.from(DRIVE_IDS, (d) => dampedPoints(sum(d, 'text'))),
    behaviourPoints: Float64Array.from(DRIVE_IDS, (d) => dampedPoints(sum(d, 'behaviour'))),
  };
}
