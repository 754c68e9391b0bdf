import { eng, nld } from 'stopword';
import type { DriveId, Lang } from '../drives';
import { stem, tokenise } from './text';

/** Words that carry no content: they neither make remarks "similar" nor count as a word that pushed the model. */
export const FUNCTION_WORDS: Record<Lang, ReadonlySet<string>> = {
  nl: new Set([...nld, 'gewoon', 'echt', 'heel', 'even', 'hè', 'he', 'toch', 'nou', 'ja', 'nee', 'oke', 'ok', 'zo', 'dus', 'gaan', 'gaat']),
  en: new Set([
    ...eng,
    'just',
    'really',
    'yeah',
    'yes',
    'no',
    'ok',
    'okay',
    'well',
    'gonna',
    'get',
    'got',
    'dont',
    'cant',
    'its',
    'im',
    'thats',
  ]),
};

export const isContentWord = (norm: string, lang: Lang) => norm.length > 2 && !/^\d+$/.test(norm) && !FUNCTION_WORDS[lang].has(norm);

export type ExampleRemark = { id: string; text: string; drive: DriveId };
type Entry = { remark: ExampleRemark; terms: Map<string, number>; norm: number };
export type SimilarIndex = { lang: Lang; entries: Entry[]; postings: Map<string, number[]>; idf: Map<string, number> };

const termsOf = (text: string, lang: Lang) => {
  const terms = new Map<string, number>();
  for (const t of tokenise(text, lang)) if (isContentWord(t.norm, lang)) terms.set(t.stem, (terms.get(t.stem) ?? 0) + 1);
  return terms;
};

/** Indexes the example remarks of one language by their content words (stemmed), weighted by rarity. */
export function similarIndex(lang: Lang, remarks: readonly ExampleRemark[]): SimilarIndex {
  const raw = remarks.map((remark) => ({ remark, terms: termsOf(remark.text, lang) }));
  const df = new Map<string, number>();
  for (const r of raw) for (const term of r.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = new Map([...df].map(([term, n]) => [term, Math.log((1 + raw.length) / (1 + n)) + 1]));
  const postings = new Map<string, number[]>();
  const entries = raw.map((r, i) => {
    let sq = 0;
    for (const [term, c] of r.terms) {
      const w = (1 + Math.log(c)) * idf.get(term)!;
      r.terms.set(term, w);
      sq += w * w;
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
    return { remark: r.remark, terms: r.terms, norm: Math.sqrt(sq) || 1 };
  });
  return { lang, entries, postings, idf };
}

/**
 * The example remarks most like a text (cosine of content words), best first; only those sharing enough
 * to be worth showing as "klinkt als".
 */
export function mostSimilar(index: SimilarIndex, text: string, limit = 3, minimum = 0.12): { remark: ExampleRemark; similarity: number }[] {
  const query = new Map<string, number>();
  for (const t of tokenise(text, index.lang)) {
    if (!isContentWord(t.norm, index.lang)) continue;
    const s = stem(t.norm, index.lang);
    query.set(s, (query.get(s) ?? 0) + 1);
  }
  let qNorm = 0;
  // Scores in a typed array and the entries touched in a list: no map of thousands of entries per reading.
  const dots = new Float64Array(index.entries.length);
  const touched: number[] = [];
  for (const [term, c] of query) {
    const idf = index.idf.get(term);
    // A word no example has still makes the text less like every example.
    const w = (1 + Math.log(c)) * (idf ?? Math.log(1 + index.entries.length) + 1);
    qNorm += w * w;
    if (idf === undefined) continue;
    for (const i of index.postings.get(term)!) {
      if (dots[i] === 0) touched.push(i);
      dots[i]! += w * index.entries[i]!.terms.get(term)!;
    }
  }
  qNorm = Math.sqrt(qNorm);
  if (!qNorm) return [];
  return touched
    .map((i) => ({ remark: index.entries[i]!.remark, similarity: dots[i]! / (qNorm * index.entries[i]!.norm) }))
    .filter((s) => s.similarity >= minimum)
    .sort((a, b) => b.similarity - a.similarity || a.remark.id.localeCompare(b.remark.id))
    .slice(0, limit);
}
