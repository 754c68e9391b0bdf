import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../../src/content/reader';
import { LANGS } from '../../src/domain/drives';
import { evaluateRemarks } from '../../src/domain/reader/evaluate';
import { readText } from '../../src/domain/reader/read';
import { tokenise } from '../../src/domain/reader/text';
import { DATA_DIR } from '../../src/paths';
import { realContent } from '../helpers/content';

/**
 * The held-out set (data/reader/heldout): remarks by writers whose work the training never saw, used for no
 * choice of features, weights or thresholds. These are the figures README quotes.
 */
const heldOut = loadCorpus(path.join(DATA_DIR, 'reader', 'heldout'), 20);
const training = loadCorpus(path.join(DATA_DIR, 'reader', 'corpus'), 100);
const model = () => realContent().reader.model;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

describe.each(LANGS)('the drive reader on the held-out remarks in %s', (lang) => {
  const remarks = heldOut.filter((f) => f.lang === lang).flatMap((f) => f.remarks);
  const e = evaluateRemarks(remarks, (text) => readText({ text }, model()));
  console.log(
    `Held-out ${lang} (${e.n} remarks): top-1 ${pct(e.top1.value)} (${pct(e.top1.low)}–${pct(e.top1.high)}), ` +
      `top-2 ${pct(e.top2.value)}; recall ${e.perDrive.map((d) => `${d.drive} ${pct(d.recall)}`).join(', ')}`,
  );

  test('There are at least 20 remarks per drive', () => {
    expect(e.perDrive.every((d) => d.n >= 20)).toBe(true);
  });
  test('The top drive is right at least 80% of the time', () => {
    expect(e.top1.value).toBeGreaterThanOrEqual(0.8);
  });
  test('The right drive is among the top two at least 92% of the time', () => {
    expect(e.top2.value).toBeGreaterThanOrEqual(0.92);
  });
  test('Every drive is found at least 65% of the time (recall)', () => {
    for (const d of e.perDrive) expect(`${d.drive} ${d.recall >= 0.65}`).toBe(`${d.drive} true`);
  });
  test('Every remark is read in its own language when the language is left on automatic', () => {
    expect(remarks.filter((r) => readText({ text: r.text }, model()).lang !== lang).map((r) => r.id)).toEqual([]);
  });
});

describe('the held-out set is really held out', () => {
  test('Its writers and voices are not those of the training corpus', () => {
    const trainWriters = new Set(training.map((f) => f.writer));
    const trainVoices = new Set(training.flatMap((f) => f.voices.map((v) => v.id)));
    for (const f of heldOut) {
      expect(trainWriters.has(f.writer)).toBe(false);
      for (const v of f.voices) expect(trainVoices.has(v.id)).toBe(false);
    }
    expect(heldOut.reduce((a, f) => a + f.remarks.length, 0)).toBeGreaterThanOrEqual(240);
  });

  test('No held-out remark is in the training examples, nor nearly the same (80% of the same words) as one', () => {
    const words = (text: string) => new Set(tokenise(text, 'nl').map((t) => t.norm));
    for (const f of heldOut) {
      const examples = model().similar[f.lang].entries.map((e) => words(e.remark.text));
      for (const r of f.remarks) {
        const mine = words(r.text);
        const overlap = Math.max(...examples.map((w) => [...mine].filter((x) => w.has(x)).length / new Set([...mine, ...w]).size));
        expect(`${r.id} ${overlap < 0.8}`).toBe(`${r.id} true`);
      }
    }
  });

  test('The model files stay within 2 MB per language', () => {
    for (const lang of LANGS) expect(fs.statSync(path.join(DATA_DIR, 'reader', `model.${lang}.json`)).size).toBeLessThanOrEqual(2e6);
  });
});
