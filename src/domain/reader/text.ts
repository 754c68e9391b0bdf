import type { Lang } from '../drives';

/** A word of the input with its place in the original text, so matches can be shown highlighted. */
export type Token = { norm: string; stem: string; start: number; end: number; sentence: number };

/** Lower case, accents removed ("beïnvloeden" → "beinvloeden"), apostrophes dropped ("don't" → "dont"). */
export function normaliseWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '');
}

const undouble = (s: string) => (/([bdfgklmnprst])\1$/.test(s) ? s.slice(0, -1) : s);

/**
 * Light suffix stripping, enough to let "regels" meet "regel" and "planning" meet "plan":
 * not a full Porter or Snowball stemmer, but predictable, and the same on cues and text.
 */
export function stem(word: string, lang: Lang): string {
  let w = word;
  if (lang === 'nl') {
    if (w.length > 5 && w.endsWith('tjes')) return w.slice(0, -4);
    if (w.length > 4 && w.endsWith('jes')) return w.slice(0, -3);
    if (w.length > 4 && w.endsWith('en')) return undouble(w.slice(0, -2));
    if (w.length > 3 && w.endsWith('e')) return undouble(w.slice(0, -1));
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
    return w;
  }
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return undouble(w.slice(0, -3));
  if (w.length > 4 && w.endsWith('ed')) return undouble(w.slice(0, -2));
  if (w.length > 5 && w.endsWith('ly')) return w.slice(0, -2);
  if (w.length > 4 && /(s|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const SENTENCE_END = /[.!?;:\n]/;

/** Splits text into words; a sentence ends at . ! ? ; : or a new line (negation does not reach across it). */
export function tokenise(text: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (SENTENCE_END.test(text.slice(last, m.index))) sentence++;
    const norm = normaliseWord(m[0]);
    tokens.push({ norm, stem: stem(norm, lang), start: m.index, end: m.index + m[0].length, sentence });
    last = m.index + m[0].length;
  }
  return tokens;
}

const STOPWORDS: Record<Lang, Set<string>> = {
  nl: new Set(
    'de het een en van ik je jij we wij niet dat is op te voor met zijn maar ook hier dit die wat er ons onze naar bij nog wel dan als'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the a an and of i you we not that is on to for with are but also here this what it be have our us was do does if then than'.split(' '),
  ),
};

/** Dutch or English, by counting common function words; Dutch when undecided. */
export function detectLang(tokens: { norm: string }[]): Lang {
  let nl = 0;
  let en = 0;
  for (const t of tokens) {
    if (STOPWORDS.nl.has(t.norm)) nl++;
    if (STOPWORDS.en.has(t.norm)) en++;
  }
  return en > nl ? 'en' : 'nl';
}
