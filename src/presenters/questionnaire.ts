import type { Answers } from '../domain/answers';
import type { Lang } from '../domain/drives';
import type { ModelIndex } from '../domain/model-index';
import { buildPages, type QuestionPage } from '../domain/pages';

// Pages depend only on the model: computed once per model version.
const pagesCache = new WeakMap<ModelIndex, QuestionPage[]>();
export function pagesOf(index: ModelIndex): QuestionPage[] {
  let pages = pagesCache.get(index);
  if (!pages) pagesCache.set(index, (pages = buildPages(index)));
  return pages;
}

export type ItemErrors = Record<string, string>;

export type QuestionnaireView = {
  token: string;
  privateLink: string;
  page: QuestionPage;
  pageCount: number;
  answered: number;
  total: number;
  percent: number;
  labels: string[];
  likert: { id: string; text: string; value: number | null; error: string | null }[];
  situations: {
    id: string;
    text: string;
    options: { id: string; text: string }[];
    most: string | null;
    least: string | null;
    error: string | null;
  }[];
  missingByPage: { number: number; count: number }[];
  /** Some item on this page has an error message. */
  hasErrors: boolean;
  isLast: boolean;
};

/** What one questionnaire page shows: the items of the page with their current answers and errors. */
export function questionnaireView(args: {
  index: ModelIndex;
  lang: Lang;
  token: string;
  privateLink: string;
  page: QuestionPage;
  answers: Answers;
  answered: number;
  errors: ItemErrors;
  missing: string[] | null;
}): QuestionnaireView {
  const { index, lang, page, answers, errors } = args;
  const pages = pagesOf(index);
  const missingSet = new Set(args.missing ?? []);
  return {
    token: args.token,
    privateLink: args.privateLink,
    page,
    pageCount: pages.length,
    answered: args.answered,
    total: index.total,
    percent: Math.round((args.answered / index.total) * 100),
    labels: index.model.likert.scale.labels[lang],
    likert:
      page.kind === 'likert'
        ? page.itemIds.map((id) => ({
            id,
            text: index.likertById.get(id)!.text[lang],
            value: answers.likert[id] ?? null,
            error: errors[id] ?? null,
          }))
        : [],
    situations:
      page.kind === 'choice'
        ? page.itemIds.map((id) => {
            const s = index.choiceById.get(id)!;
            return {
              id,
              text: s.text[lang],
              options: s.options.map((o) => ({ id: o.id, text: o.text[lang] })),
              most: answers.choice[id]?.most ?? null,
              least: answers.choice[id]?.least ?? null,
              error: errors[id] ?? null,
            };
          })
        : [],
    missingByPage: pages
      .map((p) => ({ number: p.number, count: p.itemIds.filter((id) => missingSet.has(id)).length }))
      .filter((p) => p.count > 0),
    hasErrors: page.itemIds.some((id) => errors[id] !== undefined),
    isLast: page.number === pages.length,
  };
}
