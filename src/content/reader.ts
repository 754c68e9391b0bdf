import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeIssues } from '../domain/model';
import { LANGS, type Lang } from '../domain/drives';
import { adviceSchema, type AdviceFile } from '../domain/reader/advice';
import { compileClassifier, modelFileSchema, type Classifier } from '../domain/reader/classifier';
import { corpusFileSchema, corpusProblems, examplesOf, MIN_PER_DRIVE, type CorpusFile } from '../domain/reader/corpus';
import { languageTables } from '../domain/reader/language';
import { compileLexicon, lexiconSchema, type Lexicon } from '../domain/reader/lexicon';
import type { ReaderModel } from '../domain/reader/read';
import { similarIndex } from '../domain/reader/similar';
import type { Example } from '../domain/reader/train';
import type { Remark } from '../domain/studio/remarks';

export class ContentError extends Error {}

export function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(`${file}: cannot be read as JSON (${(err as Error).message})`);
  }
}

export function parseFile<T>(
  file: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } },
  what: string,
): T {
  const parsed = schema.safeParse(readJson(file));
  if (!parsed.success) throw new ContentError(`${file}: invalid ${what}\n${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Every corpus file of a folder (data/reader/corpus, data/reader/heldout), validated, in name order. */
export function loadCorpus(dir: string, minPerDrive: number): CorpusFile[] {
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const files = names.map((name) => ({ name, file: parseFile(path.join(dir, name), corpusFileSchema, 'corpus file') }));
  const problems = corpusProblems(files, minPerDrive);
  if (problems.length) throw new ContentError(`${dir}: invalid corpus\n${problems.join('\n')}`);
  return files.map((f) => f.file);
}

export function loadLexicons(dir: string): Record<Lang, Lexicon> {
  return Object.fromEntries(
    LANGS.map((lang) => {
      const file = path.join(dir, `lexicon.${lang}.json`);
      const lex = parseFile(file, lexiconSchema, 'cue lexicon');
      if (lex.lang !== lang) throw new ContentError(`${file}: lang must be "${lang}"`);
      return [lang, compileLexicon(lex)];
    }),
  ) as Record<Lang, Lexicon>;
}

/** The training examples of a language: the corpus and the workshop's remark bank (another set of writers). */
export function trainingExamples(lang: Lang, corpus: readonly CorpusFile[], bank: Readonly<Record<Lang, readonly Remark[]>>): Example[] {
  const labelled = bank[lang].flatMap((r) => (r.drive ? [{ id: r.id, text: r.text, drive: r.drive, also: r.also }] : []));
  return examplesOf(lang, corpus, [{ writer: 'remark-bank', remarks: labelled }]);
}

/**
 * A fingerprint of what a model was trained on (the examples and the lexicon whose points it learned to
 * weigh), so a model that no longer matches its corpus or lexicon is refused.
 */
export function trainingHash(examples: readonly Example[], lexicon: Lexicon): string {
  const canonical = [...examples]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => [e.id, e.text, e.drive, [...e.also].sort(), e.writer]);
  const lex = {
    negations: [...lexicon.negations].sort(),
    cues: lexicon.cues.map((c) => [c.drive, c.match, c.weight, c.negatable]),
    guards: lexicon.guards.map((g) => [g.drive, g.match, g.gap]),
  };
  return crypto.createHash('sha256').update(JSON.stringify({ canonical, lex })).digest('hex');
}

export type ReaderContent = { lexicons: Readonly<Record<Lang, Lexicon>>; advice: AdviceFile; model: ReaderModel };

/**
 * The drive reader: lexicons, advice, the example corpus and the trained model of each language, checked together.
 * With `lazy`, the model (about two thirds of loading all content) is read and checked on first use: a test or tool
 * that never reads a remark does not pay for it. The server touches it at start-up, so a broken model still stops it.
 */
export function loadReader(dir: string, bank: Readonly<Record<Lang, readonly Remark[]>>, opts: { lazy?: boolean } = {}): ReaderContent {
  const lexicons = loadLexicons(dir);
  const advice = parseFile(path.join(dir, 'advice.json'), adviceSchema, 'advice');
  if (!opts.lazy) return { lexicons, advice, model: loadModel(dir, bank, lexicons) };
  let model: ReaderModel | undefined;
  return {
    lexicons,
    advice,
    get model() {
      return (model ??= loadModel(dir, bank, lexicons));
    },
  };
}

function loadModel(dir: string, bank: Readonly<Record<Lang, readonly Remark[]>>, lexicons: Readonly<Record<Lang, Lexicon>>): ReaderModel {
  const corpus = loadCorpus(path.join(dir, 'corpus'), MIN_PER_DRIVE);
  const examples = Object.fromEntries(LANGS.map((l) => [l, trainingExamples(l, corpus, bank)])) as Record<Lang, Example[]>;
  const classifiers = Object.fromEntries(
    LANGS.map((lang) => {
      const file = path.join(dir, `model.${lang}.json`);
      const m = parseFile(file, modelFileSchema, 'reader model');
      if (m.lang !== lang) throw new ContentError(`${file}: lang must be "${lang}"`);
      if (m.corpus.sha256 !== trainingHash(examples[lang], lexicons[lang]))
        throw new ContentError(`${file}: trained on another corpus or lexicon than data/reader holds now; run "npm run reader:train"`);
      return [lang, compileClassifier(m)];
    }),
  ) as Record<Lang, Classifier>;
  return {
    lexicons,
    classifiers,
    similar: Object.fromEntries(LANGS.map((l) => [l, similarIndex(l, examples[l])])) as ReaderModel['similar'],
    languages: languageTables(Object.fromEntries(LANGS.map((l) => [l, examples[l].map((e) => e.text)])) as Record<Lang, string[]>),
  };
}
