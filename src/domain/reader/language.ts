import { LANGS, type Lang } from '../drives';
import { detectLang as byFunctionWords, tokenise } from './text';

/** Word counts per language, from the example corpus: enough to tell Dutch from English in three words. */
export type LanguageTables = { counts: Record<Lang, ReadonlyMap<string, number>>; totals: Record<Lang, number> };

export function languageTables(texts: Record<Lang, readonly string[]>): LanguageTables {
  const counts = {} as Record<Lang, Map<string, number>>;
  const totals = {} as Record<Lang, number>;
  for (const lang of LANGS) {
    const m = new Map<string, number>();
    let total = 0;
    for (const t of texts[lang]) {
      for (const tok of tokenise(t, lang)) {
        m.set(tok.norm, (m.get(tok.norm) ?? 0) + 1);
        total++;
      }
    }
    counts[lang] = m;
    totals[lang] = total;
  }
  return { counts, totals };
}

// A word one language's corpus never used still counts a little there: names and numbers occur in both.
const SMOOTHING = 0.5;

/**
 * Dutch or English: which language's corpus makes the words most likely (a word-level naive Bayes),
 * so short remarks such as "Not my problem." or "Wie beslist dit?" are read in their own language.
 * With no word known to either corpus, the function-word count decides; Dutch when still undecided.
 */
export function detectLanguage(text: string, tables: LanguageTables): Lang {
  const tokens = tokenise(text, 'nl');
  let nl = 0;
  let en = 0;
  let known = 0;
  for (const t of tokens) {
    const cn = tables.counts.nl.get(t.norm) ?? 0;
    const ce = tables.counts.en.get(t.norm) ?? 0;
    if (!cn && !ce) continue;
    known++;
    nl += Math.log((cn + SMOOTHING) / (tables.totals.nl + 1));
    en += Math.log((ce + SMOOTHING) / (tables.totals.en + 1));
  }
  if (!known || Math.abs(nl - en) < 1e-9) return byFunctionWords(tokens);
  return en > nl ? 'en' : 'nl';
}
