import type { ModelIndex } from './model-index';

export type QuestionPage = { number: number; kind: 'likert' | 'choice'; itemIds: string[] };

export const LIKERT_PER_PAGE = 8;
export const SITUATIONS_PER_PAGE = 4;

function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Splits the questionnaire into pages: likert statements first, then the situations. */
export function buildPages(index: ModelIndex): QuestionPage[] {
  const likert = chunk(
    index.model.likert.items.map((i) => i.id),
    LIKERT_PER_PAGE,
  );
  const choice = chunk(
    index.model.choice.items.map((i) => i.id),
    SITUATIONS_PER_PAGE,
  );
  return [
    ...likert.map((itemIds) => ({ kind: 'likert' as const, itemIds })),
    ...choice.map((itemIds) => ({ kind: 'choice' as const, itemIds })),
  ].map((p, i) => ({ ...p, number: i + 1 }));
}

/** The page holding the first of the given item ids, or null when none is on any page. */
export function pageOf(pages: QuestionPage[], itemIds: readonly string[]): QuestionPage | null {
  const wanted = new Set(itemIds);
  return pages.find((p) => p.itemIds.some((id) => wanted.has(id))) ?? null;
}
