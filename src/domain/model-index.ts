import type { DriveId } from './drives';
import type { ChoiceItem, LikertItem, Model } from './model';

/** Lookup tables built once per model version, so hot paths never scan arrays. */
export interface ModelIndex {
  model: Model;
  likertById: ReadonlyMap<string, LikertItem>;
  choiceById: ReadonlyMap<string, ChoiceItem>;
  optionById: ReadonlyMap<string, { situationId: string; drive: DriveId }>;
  /** Likert items and situations together: what "answered / total" counts. */
  total: number;
}

export function indexModel(model: Model): ModelIndex {
  const optionById = new Map<string, { situationId: string; drive: DriveId }>();
  for (const s of model.choice.items) for (const o of s.options) optionById.set(o.id, { situationId: s.id, drive: o.drive });
  return {
    model,
    likertById: new Map(model.likert.items.map((i) => [i.id, i])),
    choiceById: new Map(model.choice.items.map((i) => [i.id, i])),
    optionById,
    total: model.likert.items.length + model.choice.items.length,
  };
}
