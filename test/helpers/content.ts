import fc from 'fast-check';
import { loadContent, type Content } from '../../src/content/load';
import { DATA_DIR } from '../../src/paths';
import type { Answers } from '../../src/domain/answers';
import { DRIVE_IDS, type DriveId } from '../../src/domain/drives';
import { modelSchema, type Model } from '../../src/domain/model';
import { indexModel, type ModelIndex } from '../../src/domain/model-index';

let cached: Content | null = null;
/** The real content under data/, read once per test file; the reader's model only when a test reads a remark. */
export function realContent(): Content {
  return (cached ??= loadContent(DATA_DIR, { lazy: true }));
}

/**
 * A small model for hand-computed cases: per drive three statements (the third reverse-keyed),
 * and four situations whose options are in the fixed drive order (option letter a..f = purple..yellow).
 */
export function tinyModel(): ModelIndex {
  const real = realContent().current.model;
  const txt = (s: string) => ({ nl: s, en: s });
  const model: Model = modelSchema.parse({
    version: '0-tiny',
    drives: real.drives,
    likert: {
      scale: real.likert.scale,
      items: DRIVE_IDS.flatMap((drive, d) =>
        [0, 1, 2].map((k) => ({ id: `L${String(d * 3 + k + 1).padStart(2, '0')}`, drive, reverse: k === 2, text: txt(`${drive} ${k}`) })),
      ),
    },
    choice: {
      items: [1, 2, 3, 4].map((n) => ({
        id: `S0${n}`,
        text: txt(`situation ${n}`),
        options: DRIVE_IDS.map((drive, i) => ({ id: `S0${n}${'abcdef'[i]}`, drive, text: txt(drive) })),
      })),
    },
  });
  return indexModel(model);
}

/** Tiny-model answers from per-drive [straight, straight, reversed] raw values and most/least drives per situation. */
export function tinyAnswers(likert: Record<DriveId, [number, number, number]>, most: DriveId[], least: DriveId[]): Answers {
  const answers: Answers = { likert: {}, choice: {} };
  DRIVE_IDS.forEach((drive, d) => likert[drive].forEach((v, k) => (answers.likert[`L${String(d * 3 + k + 1).padStart(2, '0')}`] = v)));
  most.forEach((m, i) => {
    const letter = (drive: DriveId) => 'abcdef'[DRIVE_IDS.indexOf(drive)];
    answers.choice[`S0${i + 1}`] = { most: `S0${i + 1}${letter(m)}`, least: `S0${i + 1}${letter(least[i]!)}` };
  });
  return answers;
}

/** fast-check: a complete, valid answer set for any model. */
export function arbitraryAnswers(index: ModelIndex): fc.Arbitrary<Answers> {
  const items = index.model.likert.items;
  const situations = index.model.choice.items;
  return fc
    .record({
      likert: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: items.length, maxLength: items.length }),
      choice: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 })), {
        minLength: situations.length,
        maxLength: situations.length,
      }),
    })
    .map(({ likert, choice }) => ({
      likert: Object.fromEntries(items.map((it, i) => [it.id, likert[i]!])),
      choice: Object.fromEntries(
        situations.map((s, i) => {
          const [m, shift] = choice[i]!;
          return [s.id, { most: s.options[m]!.id, least: s.options[(m + shift) % 6]!.id }];
        }),
      ),
    }));
}

/** A complete answer set for the real model where every statement gets `value` and the first/second options are most/least. */
export function uniformAnswers(index: ModelIndex, value = 4): Answers {
  return {
    likert: Object.fromEntries(index.model.likert.items.map((it) => [it.id, value])),
    choice: Object.fromEntries(index.model.choice.items.map((s) => [s.id, { most: s.options[0]!.id, least: s.options[1]!.id }])),
  };
}
