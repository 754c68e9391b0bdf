import type { Lang } from '../drives';
import { tokenise, type Token } from './text';

/**
 * Words after which the speaker's real point usually follows ("ja, maar ..."): the rest of that sentence
 * weighs more, in the lexicon's points and in the model's features alike.
 */
export const CONTRAST_WORDS: Record<Lang, ReadonlySet<string>> = {
  nl: new Set(['maar', 'echter', 'behalve']),
  en: new Set(['but', 'however', 'except']),
};
/** Contrast words only where a clause starts ("Prima, alleen wie betaalt?"); elsewhere they mean "alone" or "just". */
export const CLAUSE_CONTRAST_WORDS: Record<Lang, ReadonlySet<string>> = { nl: new Set(['alleen']), en: new Set(['only']) };
export const CONTRAST_BOOST = 1.5;

/** Character fragments of 3 to 5 letters, taken inside a word with its edges marked ("<plan>"). */
export const CHAR_GRAMS = [3, 4, 5] as const;

export type WeightedToken = Token & { weight: number };

/** Each token's weight: 1, or the contrast boost when it follows a contrast word in the same sentence. */
export function weighTokens(tokens: Token[], lang: Lang, text?: string): WeightedToken[] {
  let boostedSentence = -1;
  return tokens.map((t, i) => {
    const weight = t.sentence === boostedSentence ? CONTRAST_BOOST : 1;
    const prev = tokens[i - 1];
    const clauseStart = !prev || prev.sentence !== t.sentence || (text !== undefined && /[,;—–-]/.test(text.slice(prev.end, t.start)));
    if (CONTRAST_WORDS[lang].has(t.norm) || (clauseStart && CLAUSE_CONTRAST_WORDS[lang].has(t.norm))) boostedSentence = t.sentence;
    return { ...t, weight };
  });
}

// Numbers differ from remark to remark ("2016", "40 uur") without changing the drive: one feature for all.
const wordKey = (norm: string) => (/^\d+$/.test(norm) ? '0' : norm);

/** The feature names one word yields: the word itself and its character fragments. */
export function wordFeatures(norm: string): string[] {
  const w = wordKey(norm);
  const out = [`w:${w}`];
  const padded = `<${w}>`;
  for (const n of CHAR_GRAMS) for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.slice(i, i + n)}`);
  return out;
}

export type Featurised = {
  tokens: WeightedToken[];
  /** Feature name → how often it occurs (a token after a contrast word counts 1.5 times). */
  counts: Map<string, number>;
  /** For each token, the features it produced; used to say which words pushed the model. */
  perToken: string[][];
};

/**
 * Turns a text into the model's features: words, pairs of adjacent words in one sentence, and character
 * fragments (which let "werkinstructies" meet "werkinstructie" and carry a misspelling).
 */
export function featurise(text: string, lang: Lang, tokens: Token[] = tokenise(text, lang), skip?: ReadonlySet<number>): Featurised {
  const weighted = weighTokens(tokens, lang, text);
  const counts = new Map<string, number>();
  const add = (name: string, w: number) => counts.set(name, (counts.get(name) ?? 0) + w);
  // A word inside a word-sense guard ("afspraak maken") gives the model nothing: its sense there is not the one it learned.
  const perToken: string[][] = weighted.map((t, i) => (skip?.has(i) ? [] : wordFeatures(t.norm)));
  weighted.forEach((t, i) => {
    for (const f of perToken[i]!) add(f, t.weight);
    const next = weighted[i + 1];
    if (next && next.sentence === t.sentence && !skip?.has(i) && !skip?.has(i + 1)) {
      const pair = `b:${wordKey(t.norm)} ${wordKey(next.norm)}`;
      add(pair, Math.max(t.weight, next.weight));
      perToken[i]!.push(pair);
    }
  });
  return { tokens: weighted, counts, perToken };
}

/**
 * The model's input: only the features the model knows, each count damped (log 1 + n, so a repeated word
 * cannot shout) and weighted by its rarity in the training corpus (idf), the whole scaled to length 1 so
 * long and short texts are comparable.
 */
export function vectorise(counts: ReadonlyMap<string, number>, idf: (name: string) => number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [name, c] of counts) {
    const w = idf(name);
    if (w === undefined) continue;
    const v = Math.log1p(c) * w;
    out.set(name, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [name, v] of out) out.set(name, v / norm);
  return out;
}
