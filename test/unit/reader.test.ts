import fc from 'fast-check';
import { compileLexicon, lexiconSchema } from '../../src/domain/reader/lexicon';
import { confidenceOf, recognise } from '../../src/domain/reader/recognise';
import { detectLang, normaliseWord, stem, tokenise } from '../../src/domain/reader/text';
import { highlight } from '../../src/domain/reader/highlight';
import { adviceFor } from '../../src/domain/reader/advice';
import { realContent } from '../helpers/content';

// A small lexicon with known weights, so that scores can be computed by hand.
const lex = (
  lang: 'nl' | 'en',
  cues: { drive: string; match: string; weight: number; negatable?: boolean }[],
  negations = ['niet', 'geen', 'not', 'dont'],
) =>
  compileLexicon(
    lexiconSchema.parse({
      lang,
      negations,
      cues: [...cues, ...['purple', 'red', 'blue', 'orange', 'green', 'yellow'].map((d) => ({ drive: d, match: `zz${d}`, weight: 1 }))],
    }),
  );
const nl = lex('nl', [
  { drive: 'purple', match: 'zo doen we het hier', weight: 3 },
  { drive: 'purple', match: 'hier', weight: 1 },
  { drive: 'blue', match: 'regel', weight: 2 },
  { drive: 'blue', match: 'verantwoordelijk*', weight: 2 },
  { drive: 'blue', match: 'niet duidelijk', weight: 2, negatable: false },
  { drive: 'orange', match: '*rendement*', weight: 2 },
  { drive: 'green', match: 'collega', weight: 2 },
  { drive: 'red', match: 'snel', weight: 2 },
]);
const en = lex('en', [
  { drive: 'yellow', match: 'why', weight: 2 },
  { drive: 'orange', match: 'save time', weight: 3 },
  { drive: 'green', match: 'worr*', weight: 2 },
]);
const lexicons = { nl, en };

describe('text normalisation', () => {
  test('normaliseWord() lowers case, removes accents and apostrophes', () => {
    expect(normaliseWord('Beïnvloeden')).toBe('beinvloeden');
    expect(normaliseWord("Don't")).toBe('dont');
    expect(normaliseWord('CAFÉ')).toBe('cafe');
  });

  test.each([
    ['nl', 'regels', 'regel'],
    ['nl', 'plannen', 'plan'],
    ['nl', 'collega', 'collega'],
    ['nl', 'collegas', 'collega'],
    ['nl', 'huisjes', 'huis'],
    ['en', 'worries', 'worry'],
    ['en', 'planning', 'plan'],
    ['en', 'stopped', 'stop'],
    ['en', 'processes', 'process'],
    ['en', 'rules', 'rule'],
    ['en', 'class', 'class'],
  ] as const)('stem(%s, %s) is %s', (lang, word, expected) => {
    expect(stem(word, lang)).toBe(expected);
  });

  test('tokenise() keeps the place of each word and counts sentences', () => {
    const tokens = tokenise('Waarom?  Dat is níet duidelijk.', 'nl');
    expect(tokens.map((t) => t.norm)).toEqual(['waarom', 'dat', 'is', 'niet', 'duidelijk']);
    expect(tokens[3]).toMatchObject({ start: 16, end: 20, sentence: 1 });
    expect(tokens[0]!.sentence).toBe(0);
  });

  test('detectLang() tells Dutch from English by function words, Dutch when undecided', () => {
    expect(detectLang(tokenise('Wij werken hier al jaren met dit systeem en dat gaat prima.', 'nl'))).toBe('nl');
    expect(detectLang(tokenise('We have been using this system for years and it is fine.', 'nl'))).toBe('en');
    expect(detectLang(tokenise('', 'nl'))).toBe('nl');
  });

  test('Any input tokenises without throwing, and every token points into the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        for (const t of tokenise(text, 'nl')) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(t.end).toBeGreaterThan(t.start);
        }
      }),
    );
  });
});

describe('recognise()', () => {
  test('When a phrase and its own words are cues, then the longer phrase wins the words and the scores are shares of the points', () => {
    const r = recognise({ text: 'Zo doen we het hier. De regels zijn van de collega’s.', lang: 'nl' }, lexicons);
    expect(r.drives.map((d) => [d.drive, d.points, d.score])).toEqual([
      ['purple', 3, 43],
      ['blue', 2, 29],
      ['green', 2, 29],
    ]);
    expect(r.drives[0]!.evidence).toEqual([
      { cue: 'zo doen we het hier', match: 'Zo doen we het hier', weight: 3, kind: 'text', start: 0, end: 19 },
    ]);
    expect(r.drives[2]!.evidence[0]!.match).toBe('collega’s');
  });

  test('When "niet" stands up to 3 words before a cue, then the cue still counts for its drive and is marked as negated (the tone)', () => {
    const r = recognise({ text: 'Het hoeft niet zo snel. Snel is goed.', lang: 'nl' }, lexicons);
    expect(r.drives).toEqual([expect.objectContaining({ drive: 'red', points: 4 })]);
    expect(r.negated.map((e) => e.match)).toEqual(['snel']);
    expect(r.drives[0]!.evidence.map((e) => e.negated ?? false)).toEqual([true, false]);
  });

  test('When a negation is further away or in another sentence, then the cue is not marked as negated', () => {
    expect(recognise({ text: 'Niet doen. Snel.', lang: 'nl' }, lexicons).negated).toEqual([]);
    expect(recognise({ text: 'Geen idee wat jullie willen, zo snel', lang: 'nl' }, lexicons).negated).toEqual([]);
  });

  test('When a cue stands after "maar" in the same sentence, then it weighs 1.5 times; in the next sentence, normally', () => {
    expect(recognise({ text: 'Geen idee wat jullie willen, maar snel', lang: 'nl' }, lexicons).drives[0]!.points).toBe(3);
    expect(recognise({ text: 'Prima, maar. Snel', lang: 'nl' }, lexicons).drives[0]!.points).toBe(2);
  });

  test('When a cue keeps its meaning under negation, then it counts anyway, and its own "niet" negates nothing after it', () => {
    expect(recognise({ text: 'Het is niet duidelijk wie verantwoordelijk is.', lang: 'nl' }, lexicons).drives).toEqual([
      expect.objectContaining({ drive: 'blue', points: 4 }),
    ]);
  });

  test('Prefix and part cues match word forms and compounds', () => {
    const r = recognise({ text: 'De verantwoordelijkheid voor het projectrendement', lang: 'nl' }, lexicons);
    expect(r.drives.map((d) => d.drive)).toEqual(['blue', 'orange']);
    expect(r.drives[1]!.evidence[0]!.match).toBe('projectrendement');
  });

  test('A repeated cue counts at most twice', () => {
    expect(recognise({ text: 'Snel, snel, snel, snel!', lang: 'nl' }, lexicons).drives[0]!.points).toBe(4);
  });

  test('Ticked behaviours add their weights as evidence, with their label', () => {
    const r = recognise(
      {
        text: '',
        lang: 'en',
        behaviours: [{ id: 'wants-numbers', label: { nl: 'Wil cijfers', en: 'Wants numbers' }, weights: { orange: 3, blue: 1 } }],
      },
      lexicons,
    );
    expect(r.drives.map((d) => [d.drive, d.points])).toEqual([
      ['orange', 3],
      ['blue', 1],
    ]);
    expect(r.drives[0]!.evidence[0]).toEqual({ cue: 'wants-numbers', match: 'Wants numbers', weight: 3, kind: 'behaviour' });
  });

  test('When no language is given, then it is detected and the matching lexicon is used', () => {
    const r = recognise({ text: 'I wonder why we need this; it will not save time and I worry about it.' }, lexicons);
    expect(r.lang).toBe('en');
    // "not save time" still speaks of results (3 points); the tie between green and yellow (2 each) keeps the drive order.
    expect(r.drives.map((d) => d.drive)).toEqual(['orange', 'green', 'yellow']);
    expect(r.negated.map((e) => e.cue)).toEqual(['save time']);
  });

  test('Ties in points go to the drive with the strongest single cue', () => {
    const tie = lex('nl', [
      { drive: 'purple', match: 'wij', weight: 1 },
      { drive: 'purple', match: 'ons', weight: 1 },
      { drive: 'green', match: 'samen', weight: 2 },
    ]);
    expect(recognise({ text: 'Wij willen samen met ons', lang: 'nl' }, { nl: tie, en: tie }).drives.map((d) => d.drive)).toEqual([
      'green',
      'purple',
    ]);
  });

  test('confidenceOf() turns points and share into words', () => {
    expect(confidenceOf(6, 0.6)).toBe('high');
    expect(confidenceOf(6, 0.3)).toBe('medium');
    expect(confidenceOf(3, 0.25)).toBe('medium');
    expect(confidenceOf(2, 1)).toBe('low');
  });

  test('Any text gives shares that add up to about 100 and drives sorted by points', () => {
    const real = realContent().reader.lexicons;
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom<'nl' | 'en' | undefined>('nl', 'en', undefined), (text, lang) => {
        const r = recognise({ text, ...(lang ? { lang } : {}) }, real);
        const points = r.drives.map((d) => d.points);
        expect(points).toEqual([...points].sort((a, b) => b - a));
        if (r.drives.length) expect(Math.abs(r.drives.reduce((a, d) => a + d.score, 0) - 100)).toBeLessThanOrEqual(3);
      }),
      { numRuns: 200 },
    );
  });
});

describe('highlight() and adviceFor()', () => {
  test('Matched words become marked segments; overlapping matches go to the higher-ranked drive', () => {
    const segments = highlight('abc def ghi', [
      { drive: 'blue', evidence: [{ start: 4, end: 11 }] },
      { drive: 'red', evidence: [{ start: 0, end: 7 }] },
    ]);
    expect(segments).toEqual([
      { text: 'abc ', drive: 'red' },
      { text: 'def ghi', drive: 'blue' },
    ]);
  });

  test('Advice covers the top drive, the second when it has at least a quarter, and names the mismatch with the consultant', () => {
    const { advice } = realContent().reader;
    const reading = (drive: 'purple' | 'orange', score: number) => ({ drive, score, points: 1, confidence: 'low' as const, evidence: [] });
    const two = adviceFor([reading('purple', 60), reading('orange', 40)], 'nl', advice, 'orange');
    expect(two.map((a) => a.drive)).toEqual(['purple', 'orange']);
    expect(two[0]!.mismatch).toEqual({
      own: 'orange',
      tendency: advice.drives.orange.tendency.nl,
      instead: advice.drives.purple.instead.nl,
      same: false,
    });
    expect(two[1]!.mismatch!.same).toBe(true);
    expect(two[0]!.examples.length).toBeGreaterThanOrEqual(2);
    expect(adviceFor([reading('purple', 80), reading('orange', 20)], 'en', advice, null).map((a) => a.drive)).toEqual(['purple']);
    expect(adviceFor([reading('purple', 80)], 'en', advice, null)[0]!.mismatch).toBeUndefined();
  });
});
