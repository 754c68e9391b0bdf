import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Content } from '../content/load';
import type { Store } from '../db/store';
import type { ModelIndex } from '../domain/model-index';
import { AppError } from '../errors';

/** The installed model of `version`, or a clear error naming the versions there are. */
export function installedModel(content: Content, version: string): ModelIndex {
  const index = content.models.get(version);
  if (index) return index;
  const known = [...content.models.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(', ');
  throw new AppError('validation_failed', `--model-version "${version}" does not exist; installed versions: ${known}.`);
}

/**
 * Anonymised item-level answers of one model version, for an external factor analysis.
 * Kept to what the analysis needs: a random row id (made fresh on every export, so two exports cannot be
 * joined on it), the version, the questionnaire language (the nl and en items may behave differently),
 * each statement's raw answer 1–5 (not reversed: the keying is in data/model/v<version>.json) and each
 * situation's most and least option id. No token, name, account, session or date: none of those is
 * needed for a factor analysis, and each would help to find out who someone is. Rows are in random
 * order, so the order does not give away who completed when.
 */
export async function exportResponses(store: Store, content: Content, version: string): Promise<{ csv: string; rows: number }> {
  const index = installedModel(content, version);
  const likert = index.model.likert.items.map((i) => i.id);
  const situations = index.model.choice.items.map((s) => s.id);
  const header = ['row_id', 'model_version', 'lang', ...likert, ...situations.flatMap((s) => [`${s}_most`, `${s}_least`])];
  const body = (await store.stats.responses(version))
    .map(({ lang, answers }) => [
      randomUUID(),
      version,
      lang,
      ...likert.map((id) => answers.likert[id] ?? ''),
      ...situations.flatMap((id) => [answers.choice[id]?.most ?? '', answers.choice[id]?.least ?? '']),
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return { csv: stringify([header, ...body], { eof: true }), rows: body.length };
}
