import fs from 'node:fs';
import path from 'node:path';
import { describeIssues, modelSchema } from '../domain/model';
import { indexModel, type ModelIndex } from '../domain/model-index';
import { LANGS, type Lang } from '../domain/drives';
import { parseTexts, type Texts } from './texts';
import { buildBank, remarkFileSchema, type Remark } from '../domain/studio/remarks';
import { changeFileSchema, type ChangeFile } from '../domain/change';
import { surveyFileSchema, type SurveyFile } from '../domain/survey/statements';
import { ContentError, loadReader, parseFile, readJson, type ReaderContent } from './reader';

export { ContentError };

export type Content = {
  /** Every model version under data/model, so old profiles keep their own texts. */
  models: ReadonlyMap<string, ModelIndex>;
  /** The version new assessments are taken with: the highest. */
  current: ModelIndex;
  texts: Readonly<Record<Lang, Texts>>;
  /** The drive reader: a cue lexicon, example corpus and trained model per language, and the advice per drive. */
  reader: ReaderContent;
  /** The remark bank of the workshop exercises, per language, sorted by id. */
  remarks: Readonly<Record<Lang, readonly Remark[]>>;
  /** The dimensions of a change and how each acts on the drives, with what to say when a drive is threatened. */
  change: ChangeFile;
  /** The pulse survey's statements (1–5) and scale labels, in both languages. */
  survey: SurveyFile;
};

const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Reads and validates the drive model(s) and texts; a broken file stops start-up naming the bad entry. The drive
 * reader's trained model is checked on first use with `lazy` (the tests' choice); the server and tools load eagerly.
 */
export function loadContent(dataDir: string, opts: { lazy?: boolean } = {}): Content {
  const modelDir = path.join(dataDir, 'model');
  const files = fs.readdirSync(modelDir).filter((f) => f.endsWith('.json'));
  if (!files.length) throw new ContentError(`${modelDir}: no model file`);
  const models = new Map<string, ModelIndex>();
  for (const f of files) {
    const file = path.join(modelDir, f);
    const parsed = modelSchema.safeParse(readJson(file));
    if (!parsed.success) throw new ContentError(`${file}: invalid drive model\n${describeIssues(parsed.error)}`);
    if (models.has(parsed.data.version)) throw new ContentError(`${file}: version ${parsed.data.version} exists twice`);
    models.set(parsed.data.version, indexModel(parsed.data));
  }
  const latest = [...models.keys()].sort(byVersion).at(-1)!;

  const raw = Object.fromEntries(LANGS.map((l) => [l, readTexts(path.join(dataDir, 'texts'), l)]));
  const texts = parseTexts(raw as Record<Lang, unknown>, (msg) => new ContentError(`${path.join(dataDir, 'texts')}: ${msg}`));
  const remarks = loadRemarks(path.join(dataDir, 'remarks'));
  const change = parseFile(path.join(dataDir, 'change', 'dimensions.json'), changeFileSchema, 'change dimensions');
  const survey = parseFile(path.join(dataDir, 'survey', 'statements.json'), surveyFileSchema, 'survey statements');
  return {
    models,
    current: models.get(latest)!,
    texts,
    reader: loadReader(path.join(dataDir, 'reader'), remarks, opts),
    remarks,
    change,
    survey,
  };
}

/**
 * A language's texts: `texts/<lang>.json` plus one file per area in `texts/<lang>/` (e.g. `nl/survey.json`), so an
 * area's texts live beside each other and parallel work does not meet in one big file. A top-level key may be
 * defined in one file only.
 */
function readTexts(dir: string, lang: Lang): Record<string, unknown> {
  const merged = { ...(readJson(path.join(dir, `${lang}.json`)) as Record<string, unknown>) };
  const areaDir = path.join(dir, lang);
  const areas = fs.existsSync(areaDir)
    ? fs
        .readdirSync(areaDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  for (const f of areas) {
    const file = path.join(areaDir, f);
    const part = readJson(file);
    if (typeof part !== 'object' || part === null || Array.isArray(part)) throw new ContentError(`${file}: not an object of texts`);
    for (const [key, value] of Object.entries(part)) {
      if (key in merged) throw new ContentError(`${file}: "${key}" is already defined in another texts file`);
      merged[key] = value;
    }
  }
  return merged;
}

export function loadRemarks(dir: string): Content['remarks'] {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const { bank, problems } = buildBank(files.map((f) => parseFile(path.join(dir, f), remarkFileSchema, 'remark file')));
  if (problems.length) throw new ContentError(`${dir}: invalid remark bank\n${problems.join('\n')}`);
  return bank;
}
