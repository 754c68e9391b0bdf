import type { ModelIndex } from './model-index';

export type ChoiceAnswer = { most: string; least: string };
export type Answers = {
  likert: Record<string, number>;
  choice: Record<string, ChoiceAnswer>;
};
/** A set of answers to merge into what is stored; optional per-item durations in milliseconds. */
export type AnswerPatch = Partial<Answers> & { durations?: Record<string, number> };
export type FieldError = { field: string; message: string };

/** Checks a shape-valid patch against the model: ids exist, options belong to their situation, most ≠ least. */
export function checkPatch(index: ModelIndex, patch: AnswerPatch): FieldError[] {
  const errors: FieldError[] = [];
  for (const [id, value] of Object.entries(patch.likert ?? {})) {
    if (!index.likertById.has(id)) errors.push({ field: `likert.${id}`, message: 'unknown item' });
    else if (!Number.isInteger(value) || value < index.model.likert.scale.min || value > index.model.likert.scale.max) {
      errors.push({ field: `likert.${id}`, message: 'must be an integer from 1 to 5' });
    }
  }
  for (const [id, answer] of Object.entries(patch.choice ?? {})) {
    if (!index.choiceById.has(id)) {
      errors.push({ field: `choice.${id}`, message: 'unknown situation' });
      continue;
    }
    for (const key of ['most', 'least'] as const) {
      if (index.optionById.get(answer[key])?.situationId !== id) {
        errors.push({ field: `choice.${id}.${key}`, message: `not an option of situation ${id}` });
      }
    }
    if (answer.most === answer.least) errors.push({ field: `choice.${id}.least`, message: 'must differ from most' });
  }
  for (const id of Object.keys(patch.durations ?? {})) {
    if (!index.likertById.has(id) && !index.choiceById.has(id)) errors.push({ field: `durations.${id}`, message: 'unknown item' });
  }
  return errors;
}

export function countAnswered(index: ModelIndex, answers: Answers): number {
  let n = 0;
  for (const id of index.likertById.keys()) if (answers.likert[id] !== undefined) n++;
  for (const id of index.choiceById.keys()) if (answers.choice[id] !== undefined) n++;
  return n;
}

/** Item ids (likert items and situations) that still need an answer, in questionnaire order. */
export function missingItems(index: ModelIndex, answers: Answers): string[] {
  const missing: string[] = [];
  for (const id of index.likertById.keys()) if (answers.likert[id] === undefined) missing.push(id);
  for (const id of index.choiceById.keys()) if (answers.choice[id] === undefined) missing.push(id);
  return missing;
}
