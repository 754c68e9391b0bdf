import type { AnswerPatch, Answers } from '../domain/answers';
import type { ModelIndex } from '../domain/model-index';
import type { QuestionPage } from '../domain/pages';
import type { ItemErrors } from './questionnaire';

export type PageAction = 'prev' | 'next' | 'finish';
export type PageForm = { action: PageAction; patch: AnswerPatch; submitted: Answers; errors: ItemErrors; count: number };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Reads a posted questionnaire page (works without JavaScript). Only the page's own items are read;
 * error values are message keys, so the page can show them in its language.
 */
export function readPageForm(index: ModelIndex, page: QuestionPage, body: Record<string, unknown>): PageForm {
  const actionValue = str(body.action);
  const action: PageAction = actionValue === 'prev' || actionValue === 'finish' ? actionValue : 'next';
  const patch: Required<Pick<AnswerPatch, 'likert' | 'choice'>> = { likert: {}, choice: {} };
  const submitted: Answers = { likert: {}, choice: {} };
  const errors: ItemErrors = {};
  for (const id of page.itemIds) {
    if (page.kind === 'likert') {
      const raw = body[id];
      if (raw === undefined) continue;
      const v = Number(raw);
      if (typeof raw === 'string' && /^[1-5]$/.test(raw)) patch.likert[id] = submitted.likert[id] = v;
      else errors[id] = 'questionnaire.errorLikert';
      continue;
    }
    const most = str(body[`${id}.most`]);
    const least = str(body[`${id}.least`]);
    if (!most && !least) continue;
    const belongs = (o: string | undefined) => o !== undefined && index.optionById.get(o)?.situationId === id;
    submitted.choice[id] = { most: most ?? '', least: least ?? '' };
    if (!belongs(most) || !belongs(least)) errors[id] = 'questionnaire.errorBoth';
    else if (most === least) errors[id] = 'questionnaire.errorSame';
    else patch.choice[id] = { most: most!, least: least! };
  }
  const count = Object.keys(patch.likert).length + Object.keys(patch.choice).length;
  return { action, patch, submitted, errors, count };
}

/** Stored answers with the just-submitted ones on top, so a re-rendered page loses nothing. */
export function mergeAnswers(stored: Answers, submitted: Answers): Answers {
  return { likert: { ...stored.likert, ...submitted.likert }, choice: { ...stored.choice, ...submitted.choice } };
}
