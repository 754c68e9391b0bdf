import fc from 'fast-check';
import { DRIVE_IDS, type DriveId } from '../../src/domain/drives';
import { calibrationChoices, meanNll } from '../../src/domain/reader/calibrate';
import path from 'node:path';
import { loadReader } from '../../src/content/reader';
import { compileClassifier, modelFileSchema, softmax, type ModelFile } from '../../src/domain/reader/classifier';
import { DATA_DIR } from '../../src/paths';
import { corpusProblems, type CorpusFile } from '../../src/domain/reader/corpus';
import { reviewedExamples } from '../../src/domain/reader/corrections';
import { evaluate, wilson } from '../../src/domain/reader/evaluate';
import { CONTRAST_BOOST, featurise, vectorise, wordFeatures } from '../../src/domain/reader/features';
import { fitSoftmax, rowLogits } from '../../src/domain/reader/fit';
import { readText, type ReaderModel } from '../../src/domain/reader/read';
import { behavioursOf } from '../../src/domain/reader/advice';
import { mostSimilar, similarIndex } from '../../src/domain/reader/similar';
import { trainReader, type Example } from '../../src/domain/reader/train';
import { realContent } from '../helpers/content';

const real = () => realContent().reader.model;

describe('reader features', () => {
  test('A word yields itself and its 3- to 5-letter fragments with its edges marked', () => {
    expect(wordFeatures('plan')).toEqual([
      'w:plan',
      'c:<pl',
      'c:pla',
      'c:lan',
      'c:an>',
      'c:<pla',
      'c:plan',
      'c:lan>',
      'c:<plan',
      'c:plan>',
    ]);
  });

  test('Numbers become one feature, so "2016" and "40" say the same', () => {
    expect(wordFeatures('2016')[0]).toBe('w:0');
    expect(wordFeatures('40')[0]).toBe('w:0');
  });

  test('Words after "maar" in the same sentence count 1.5 times; the next sentence counts normally', () => {
    const f = featurise('Prima, maar regels. Regels', 'nl');
    expect(f.tokens.map((t) => t.weight)).toEqual([1, 1, CONTRAST_BOOST, 1]);
    expect(f.counts.get('w:regels')).toBe(1 + CONTRAST_BOOST);
    expect(f.counts.get('b:maar regels')).toBe(CONTRAST_BOOST);
  });

  test('The model input keeps only known features, damped and weighted by rarity, scaled to length 1', () => {
    const counts = new Map([
      ['w:a', 1],
      ['w:b', 3],
      ['w:unknown', 5],
    ]);
    const v = vectorise(counts, (n) => ({ 'w:a': 2, 'w:b': 1 })[n]);
    const a = Math.log(2) * 2;
    const b = Math.log(4);
    expect(v.get('w:a')).toBeCloseTo(a / Math.hypot(a, b), 12);
    expect(v.get('w:b')).toBeCloseTo(b / Math.hypot(a, b), 12);
    expect(v.has('w:unknown')).toBe(false);
  });
});

describe('fitting and calibration', () => {
  const rows = [0, 1, 2].map((j) => ({ idx: Int32Array.of(j), val: Float64Array.of(1) }));
  const targets = [0, 1, 2].map((k) => Float64Array.from([0, 1, 2], (q) => (q === k ? 1 : 0)));

  test('Logistic regression learns three separable classes, and the same data gives the same weights', () => {
    const a = fitSoftmax(rows, targets, 3, 3, { l2: 1e-3, iterations: 200 });
    const b = fitSoftmax(rows, targets, 3, 3, { l2: 1e-3, iterations: 200 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    rows.forEach((row, k) => {
      const z = Array.from(rowLogits(a, row, 3));
      expect(z.indexOf(Math.max(...z))).toBe(k);
    });
  });

  test('Overconfident scores get a temperature above 1, underconfident ones below 1', () => {
    // Right 3 times in 5 with scores that say ~100%: the temperature must soften them.
    const over = [0, 0, 0, 1, 1].map((drive) => ({ scores: [10, 0, 0, 0, 0, 0], drive }));
    expect(calibrationChoices(over).temperature).toBeGreaterThan(1);
    // Always right with scores that say 1 in 6: the temperature must sharpen them.
    const under = DRIVE_IDS.map((_, drive) => ({ scores: DRIVE_IDS.map((__, k) => (k === drive ? 0.1 : 0)), drive }));
    const t = calibrationChoices(under).temperature;
    expect(t).toBeLessThan(1);
    expect(meanNll(under, t)).toBeLessThan(meanNll(under, 1));
  });

  test('"A weak hint" starts where readings were more often wrong than right; "clear" where they were right 9 times in 10', () => {
    // 20 confident readings, all right, and 20 unsure ones, right 5 times.
    const sure = Array.from({ length: 20 }, () => ({ scores: [6, 0, 0, 0, 0, 0], drive: 0 }));
    const unsure = Array.from({ length: 20 }, (_, i) => ({ scores: [0.4, 0, 0, 0, 0, 0], drive: i < 5 ? 0 : 1 }));
    const c = calibrationChoices([...sure, ...unsure]);
    const pUnsure = softmax([0.4, 0, 0, 0, 0, 0], c.temperature)[0]!;
    const pSure = softmax([6, 0, 0, 0, 0, 0], c.temperature)[0]!;
    expect(pUnsure).toBeLessThan(c.weakBelow);
    expect(pSure).toBeGreaterThanOrEqual(c.clearFrom);
  });

  test("Wilson's interval for 8 of 10 is 49.0%–94.3% (computed by hand)", () => {
    const i = wilson(8, 10);
    expect(i.value).toBe(0.8);
    expect(i.low).toBeCloseTo(0.4902, 3);
    expect(i.high).toBeCloseTo(0.9433, 3);
  });

  test('Evaluation counts top-1, top-2, the confusion matrix and per-drive recall', () => {
    const p = (label: DriveId, ranked: DriveId[]) => ({
      label,
      ranked,
      probabilities: DRIVE_IDS.map((d) => (d === ranked[0] ? 0.9 : 0.02)),
    });
    const e = evaluate([p('blue', ['blue', 'red']), p('blue', ['red', 'blue']), p('red', ['green', 'yellow'])]);
    expect(e.top1.value).toBeCloseTo(1 / 3);
    expect(e.top2.value).toBeCloseTo(2 / 3);
    expect(e.confusion[DRIVE_IDS.indexOf('blue')]![DRIVE_IDS.indexOf('red')]).toBe(1);
    expect(e.perDrive.find((d) => d.drive === 'blue')).toMatchObject({ n: 2, recall: 0.5, precision: 1 });
    expect(e.perDrive.find((d) => d.drive === 'red')).toMatchObject({ n: 1, recall: 0, precision: 0 });
  });
});

describe('combination of model and lexicon', () => {
  // A model that knows nothing (all weights 0): every difference comes from the lexicon's points.
  const blank = (lexiconWeight: number): ReaderModel['classifiers']['nl'] => {
    const file: ModelFile = {
      ...real().classifiers.nl.file,
      features: ['w:x'],
      idf: [1],
      bias: [0, 0, 0, 0, 0, 0],
      weights: [0, 0, 0, 0, 0, 0],
      settings: { ...real().classifiers.nl.settings, lexiconWeight, temperature: 1 },
    };
    return compileClassifier(file);
  };
  const withBlank = (lexiconWeight: number): ReaderModel => ({
    ...real(),
    classifiers: { nl: blank(lexiconWeight), en: blank(lexiconWeight) },
  });

  test('With lexicon weight 1, a drive with 3 points gets (1 + 3) / (4 + 5) = 44.4% (computed by hand)', () => {
    // "procedure" is a weight-3 cue for Structuur; nothing else in the text is a cue.
    const r = readText({ text: 'procedure', lang: 'nl' }, withBlank(1));
    expect(r.drives[0]).toMatchObject({ drive: 'blue', points: 3 });
    expect(r.drives[0]!.probability).toBeCloseTo(4 / 9, 4);
  });

  test('When probabilities tie, the drive with more lexicon points comes first, then the fixed drive order', () => {
    const r = readText({ text: 'procedure', lang: 'nl' }, withBlank(0));
    expect(new Set(r.drives.map((d) => d.probability)).size).toBe(1);
    expect(r.drives.map((d) => d.drive)).toEqual(['blue', 'purple', 'red', 'orange', 'green', 'yellow']);
  });

  test('Any text gives six drives whose probabilities add up to 1, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = readText({ text }, real());
        expect(r.drives.map((d) => d.drive).sort()).toEqual([...DRIVE_IDS].sort());
        expect(r.drives.reduce((a, d) => a + d.probability, 0)).toBeCloseTo(1, 3);
        expect(r.drives.every((d, i) => i === 0 || d.probability <= r.drives[i - 1]!.probability)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the real reader: evidence and the repairs of the lexicon', () => {
  const read = (text: string, lang?: 'nl' | 'en') => readText({ text, ...(lang ? { lang } : {}) }, real());
  const cues = (text: string, lang: 'nl' | 'en', drive: DriveId) =>
    read(text, lang)
      .drives.find((d) => d.drive === drive)!
      .evidence.map((e) => e.cue);

  test('Generic words ("team", "nu", "gewoon", "just", "people") weigh half a point: together they cannot outweigh one real cue', () => {
    const lex = realContent().reader.lexicons;
    for (const w of ['team', 'nu', 'gewoon', 'hier', 'mensen']) expect(lex.nl.cues.find((c) => c.match === w)?.weight).toBe(0.5);
    for (const w of ['team', 'just', 'now', 'people']) expect(lex.en.cues.find((c) => c.match === w)?.weight).toBe(0.5);
    const r = read('Het team wil nu gewoon duidelijkheid.', 'nl');
    expect(r.drives.find((d) => d.drive === 'blue')!.points).toBeGreaterThan(r.drives.find((d) => d.drive === 'green')!.points);
  });

  test('Word-sense guards: an appointment is not order, "hangen samen" is not harmony, "sneller klaar" is not power', () => {
    expect(cues('Ik wil een afspraak maken met mevrouw Jansen.', 'nl', 'blue')).not.toContain('afspra*');
    expect(cues('Waar is die afspraak vastgelegd?', 'nl', 'blue')).toContain('afspra*');
    expect(cues('Hoe hangen die processen samen?', 'nl', 'green')).toEqual([]);
    expect(cues('Dan zijn we sneller klaar.', 'nl', 'red')).toEqual([]);
    expect(cues('Ask the team leader.', 'en', 'green')).toEqual([]);
  });

  test('Words inside a guard give the model nothing either, so the whole reading no longer takes the other sense', () => {
    const guardedOut = (text: string) => featurise(text, 'nl', undefined, new Set([3, 4])).counts;
    expect([...guardedOut('Kunnen we een afspraak maken voor dinsdag?').keys()].some((k) => k.includes('afspraak'))).toBe(false);
    expect(read('Kunnen we een afspraak maken voor dinsdag?', 'nl').drives[0]!.drive).not.toBe('blue');
    expect(read('Ik wil een afspraak maken met mevrouw Jansen.', 'nl').drives[0]!.drive).not.toBe('blue');
    expect(read('Hoe hangen die processen samen?', 'nl').drives[0]!.drive).not.toBe('green');
    expect(read('Dan zijn we sneller klaar.', 'nl').drives[0]!.drive).not.toBe('red');
  });

  test('"toch" and a non-initial "alleen" are no contrast; "alleen" starting a clause is', () => {
    const weights = (text: string) => featurise(text, 'nl').tokens.map((t) => t.weight);
    expect(weights('Dat is toch raar, wie beslist dit?').every((w) => w === 1)).toBe(true);
    expect(weights('Dat doe ik alleen als het moet')).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(weights('Prima, alleen wie betaalt het?')).toEqual([1, 1, CONTRAST_BOOST, CONTRAST_BOOST, CONTRAST_BOOST]);
  });

  test('Each of the twelve behaviours, ticked alone, puts its own strongest drive first, in both languages', () => {
    for (const b of behavioursOf(realContent().reader.advice)) {
      const strongest = (Object.entries(b.weights) as [DriveId, number][]).sort((x, y) => y[1] - x[1])[0]![0];
      for (const lang of ['nl', 'en'] as const)
        expect(`${b.id} ${lang} ${readText({ text: '', lang, behaviours: [b] }, real()).drives[0]!.drive}`).toBe(
          `${b.id} ${lang} ${strongest}`,
        );
    }
  });

  test('A text with nothing the model or the lexicon knows is a guess: no signal, and always a weak hint', () => {
    for (const t of ['?!', '…', '🙂🙂']) {
      const r = read(t, 'nl');
      expect(r.signal).toBe(false);
      expect(r.confidence).toBe('low');
    }
    expect(read('Wie beslist hier?', 'nl').signal).toBe(true);
  });

  test('A reply of one or two words is never called "clear", however high its chance', () => {
    const r = read('Waarom?', 'nl');
    expect(r.drives[0]!.drive).toBe('yellow');
    expect(r.drives[0]!.probability).toBeGreaterThan(real().classifiers.nl.settings.clearFrom);
    expect(r.confidence).toBe('medium');
  });

  test('Sarcasm: "weer een nieuw systeem, het vorige ging ook zo soepel" is read as Verbondenheid, not as praise', () => {
    expect(read('Geweldig hoor, weer een nieuw systeem. Het vorige ging ook zo soepel, weet je nog?').drives[0]!.drive).toBe('purple');
  });

  test('Negation keeps the drive: "niemand weet wie wat goedkeurt" is still Structuur, and a negated cue is listed as such', () => {
    expect(read('Niemand weet wie wat goedkeurt.').drives[0]!.drive).toBe('blue');
    const r = read('Dat is nooit zo afgesproken.', 'nl');
    expect(r.drives[0]!.drive).toBe('blue');
    expect(r.negated.map((e) => e.cue)).toContain('afgesproken');
  });

  test('"Ja, maar …": a cue after "maar" weighs 1.5 times', () => {
    const blue = read('Het oude systeem werkte prima, maar wie is er verantwoordelijk?', 'nl').drives.find((d) => d.drive === 'blue')!;
    expect(blue.evidence.find((e) => e.cue === 'verantwoordelijk*')!.weight).toBe(3 * CONTRAST_BOOST);
  });

  test('Short English remarks are read as English, short Dutch ones as Dutch', () => {
    for (const t of ['Not my problem.', 'Who decides?', 'Fix it. Today.', 'Why, though?']) expect(read(t).lang).toBe('en');
    for (const t of ['Wie beslist?', 'Prima.', 'Wanneer is dit klaar?', 'Waarom eigenlijk?']) expect(read(t).lang).toBe('nl');
  });

  test('The three layers of evidence: highlighted cues, content words that pushed the model, similar example remarks', () => {
    const r = read('Wie is er verantwoordelijk als het misgaat, en waar staat dat beschreven?');
    expect(r.drives[0]!.drive).toBe('blue');
    expect(r.drives[0]!.evidence.map((e) => e.match)).toContain('verantwoordelijk');
    expect(r.words.length).toBeGreaterThan(0);
    for (const w of r.words) expect(['wie', 'het', 'als', 'en', 'dat']).not.toContain(w.word);
    expect(r.similar.length).toBeGreaterThan(0);
    expect(r.similar.length).toBeLessThanOrEqual(3);
  });

  test('A text with no content gives a weak hint, and the top two are shown as close', () => {
    const r = read('Ok');
    expect(r.confidence).toBe('low');
    expect(r.close).toBe(true);
    expect(r.words).toEqual([]);
  });
});

describe('similar remarks, corpus checks, corrections and training', () => {
  test('The most similar example of a text that is in the index is that example itself', () => {
    const remarks = [
      { id: 'a', text: 'Wie keurt de wijziging goed?', drive: 'blue' as const },
      { id: 'b', text: 'Wat levert het op in euro?', drive: 'orange' as const },
    ];
    const index = similarIndex('nl', remarks);
    expect(mostSimilar(index, 'Wie keurt de wijziging goed?')[0]).toMatchObject({ remark: { id: 'a' } });
    expect(mostSimilar(index, 'Zonnebloemen en tulpen')).toEqual([]);
  });

  test('Corpus checks name duplicate texts across files and drives with too few remarks', () => {
    const file = (writer: string, text: string): CorpusFile => ({
      lang: 'nl',
      writer,
      voices: [{ id: 'v', description: 'd' }],
      remarks: [{ id: `${writer}-001`, text, drive: 'blue', also: [], voice: 'v', style: 'direct' }],
    });
    const problems = corpusProblems(
      [
        { name: 'a.json', file: file('a', 'Wie beslist?') },
        { name: 'b.json', file: file('b', 'wie  beslist?') },
      ],
      2,
    );
    expect(problems).toContain('b.json: "wie  beslist?…" also in a.json');
    expect(problems.some((p) => p.includes('drive "blue"') && p.startsWith('nl'))).toBe(false);
    expect(problems.some((p) => p.startsWith('nl: 0 remarks for drive "red"'))).toBe(true);
  });

  test('Only corrections a person marked as reviewed become training examples', () => {
    const c = (id: string, reviewed: boolean) => ({
      id,
      lang: 'nl' as const,
      text: 'Wie beslist hier?',
      read: 'blue' as const,
      drive: 'red' as const,
      also: [],
      createdAt: '2026-12-01T00:00:00Z',
      reviewed,
    });
    const examples = reviewedExamples(
      { format: 'drijfveer-reader-corrections/1', exportedAt: '', corrections: [c('a', true), c('b', false)] },
      'nl',
    );
    expect(examples).toEqual([{ id: 'correction-a', text: 'Wie beslist hier?', drive: 'red', also: [], writer: 'corrections' }]);
  });

  test('Training is deterministic: the same examples and settings give the same model file', () => {
    const corpus = realContent().reader.model.similar.nl.entries.slice(0, 240);
    const examples: Example[] = corpus.map((e, i) => ({ ...e.remark, also: [], writer: `w${i % 3}` }));
    const none = (text: string) => ({ counts: featurise(text, 'nl').counts, points: new Float64Array(6) });
    const settings = { l2Grid: [1e-3], lexiconWeightGrid: [0], iterations: 20, minRemarks: 2 };
    expect(JSON.stringify(trainReader('nl', examples, none, settings))).toBe(JSON.stringify(trainReader('nl', examples, none, settings)));
  });

  test('A model file with a weight that is not a finite number, or with its drives in another order, is refused', () => {
    const file = real().classifiers.nl.file;
    expect(modelFileSchema.safeParse(file).success).toBe(true);
    expect(modelFileSchema.safeParse({ ...file, weights: [...file.weights.slice(1), 'x'] }).success).toBe(false);
    expect(modelFileSchema.safeParse({ ...file, weights: [...file.weights.slice(1), Number.NaN] }).success).toBe(false);
    expect(modelFileSchema.safeParse({ ...file, drives: [...file.drives].reverse() }).success).toBe(false);
  });

  test('When loaded lazily, a model trained on another corpus is refused on first use; loaded eagerly, at once', () => {
    const bank = realContent().remarks;
    const changed = { ...bank, nl: bank.nl.map((r, i) => (i === 0 ? { ...r, text: `${r.text} (edited)` } : r)) };
    const lazy = loadReader(path.join(DATA_DIR, 'reader'), changed, { lazy: true });
    expect(lazy.lexicons.nl.cues.length).toBeGreaterThan(0);
    expect(() => lazy.model).toThrow(/model\.nl\.json: trained on another corpus or lexicon/);
    const good = loadReader(path.join(DATA_DIR, 'reader'), bank, { lazy: true });
    expect(good.model).toBe(good.model);
  });

  test('A model trained on another corpus or lexicon than data/reader holds is refused at start-up, naming the fix', () => {
    const bank = realContent().remarks;
    const changed = { ...bank, nl: bank.nl.map((r, i) => (i === 0 ? { ...r, text: `${r.text} (edited)` } : r)) };
    expect(() => loadReader(path.join(DATA_DIR, 'reader'), changed)).toThrow(
      /model\.nl\.json: trained on another corpus or lexicon.*npm run reader:train/,
    );
  });
});
