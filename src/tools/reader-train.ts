import fs from 'node:fs';
import path from 'node:path';
import { parseFile, loadCorpus, loadLexicons, trainingHash, trainingExamples } from '../content/reader';
import { loadRemarks } from '../content/load';
import { spawn } from 'node:child_process';
import { LANGS, type Lang } from '../domain/drives';
import { correctionsFileSchema, reviewedExamples, type CorrectionsFile } from '../domain/reader/corrections';
import { MIN_PER_DRIVE } from '../domain/reader/corpus';
import { modelInputs } from '../domain/reader/inputs';
import { DEFAULT_TRAINING, trainReader, type TrainSettings } from '../domain/reader/train';

/**
 * `npm run reader:train [-- --with FILE] [--data DIR]`: trains the drive reader of each language on
 * data/reader/corpus and the remark bank (and the reviewed corrections in FILE), and writes
 * data/reader/model.<lang>.json. Deterministic: the same inputs give the same file.
 */
export function trainModels(o: {
  dataDir: string;
  langs?: readonly Lang[];
  withFile?: string;
  outDir?: string;
  settings?: TrainSettings;
  log: (line: string) => void;
}) {
  const { dataDir, withFile } = o;
  const readerDir = path.join(dataDir, 'reader');
  const lexicons = loadLexicons(readerDir);
  const corpus = loadCorpus(path.join(readerDir, 'corpus'), MIN_PER_DRIVE);
  const bank = loadRemarks(path.join(dataDir, 'remarks'));
  const corrections: CorrectionsFile | null = withFile ? parseFile(withFile, correctionsFileSchema, 'corrections file') : null;
  if (corrections) {
    const unreviewed = corrections.corrections.filter((c) => !c.reviewed).length;
    o.log(
      `${withFile}: ${corrections.corrections.length - unreviewed} reviewed corrections used, ${unreviewed} not reviewed and left out.`,
    );
  }
  for (const lang of o.langs ?? LANGS) {
    const started = Date.now();
    const base = trainingExamples(lang, corpus, bank);
    const extra = corrections ? reviewedExamples(corrections, lang) : [];
    const inputs = (text: string) => {
      const x = modelInputs(text, lang, lexicons);
      return { counts: x.features.counts, points: x.textPoints };
    };
    const trained = trainReader(lang, [...base, ...extra], inputs, o.settings ?? DEFAULT_TRAINING);
    const writers = [...new Set(base.map((e) => e.writer))].sort();
    const file = {
      ...trained,
      corpus: { sha256: trainingHash(base, lexicons[lang]), remarks: base.length, writers },
      corrections: extra.length,
    };
    const out = path.join(o.outDir ?? readerDir, `model.${lang}.json`);
    fs.writeFileSync(out, `${JSON.stringify(file)}\n`);
    const cv = trained.crossValidation;
    o.log(
      `${lang}: ${base.length} remarks + ${extra.length} corrections, ${trained.features.length} features, ` +
        `cross-validated top-1 ${(cv.top1 * 100).toFixed(1)}%, top-2 ${(cv.top2 * 100).toFixed(1)}% ` +
        `(l2 ${trained.settings.l2}, lexicon weight ${trained.settings.lexiconWeight}, temperature ${trained.settings.temperature}, ` +
        `weak below ${trained.settings.weakBelow}, clear from ${trained.settings.clearFrom}); ` +
        `${(fs.statSync(out).size / 1e6).toFixed(2)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

/** With no --lang: each language in its own process at once (about 40 s each), so training takes under a minute. */
if (require.main === module) {
  const argv = process.argv.slice(2);
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const lang = arg('--lang');
  if (lang && !(LANGS as readonly string[]).includes(lang)) {
    console.error(`--lang must be one of: ${LANGS.join(', ')}`);
    process.exitCode = 2;
  } else if (lang) {
    const dataDir = arg('--data') ?? path.join(__dirname, '..', '..', 'data');
    trainModels({ dataDir, langs: [lang as Lang], ...(arg('--with') ? { withFile: arg('--with')! } : {}), log: console.log });
  } else {
    const runs = LANGS.map(
      (l) =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, [__filename, ...argv, '--lang', l], { stdio: 'inherit' });
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    );
    void Promise.all(runs).then((codes) => (process.exitCode = Math.max(...codes)));
  }
}
