import { DRIVE_IDS } from '../../src/domain/drives';
import type { Model } from '../../src/domain/model';
import { realContent } from '../helpers/content';

const versions = [...realContent().models.values()].map((index) => index.model);
const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

/** Per drive: [statements, of which reverse-keyed]. */
const keying = (m: Model) =>
  Object.fromEntries(
    DRIVE_IDS.map((d) => {
      const items = m.likert.items.filter((i) => i.drive === d);
      return [d, [items.length, items.filter((i) => i.reverse).length]];
    }),
  );

describe.each(versions.map((m) => [m.version, m] as const))('the design of model version %s', (_version, m) => {
  test('When its statements are counted per drive, then every drive has as many statements and as many reverse-keyed ones', () => {
    const perDrive = Object.values(keying(m));
    expect(new Set(perDrive.map((c) => c.join('/'))).size).toBe(1);
    expect(perDrive[0]![1]).toBeGreaterThanOrEqual(2);
  });

  test('When the reactions are laid out by position, then every drive takes every position equally often', () => {
    expect(m.choice.items.length % DRIVE_IDS.length).toBe(0);
    const each = m.choice.items.length / DRIVE_IDS.length;
    for (let pos = 0; pos < DRIVE_IDS.length; pos++) {
      const atPos = countBy(m.choice.items, (s) => s.options[pos]!.drive);
      expect(atPos).toEqual(Object.fromEntries(DRIVE_IDS.map((d) => [d, each])));
    }
    for (const s of m.choice.items) expect(s.options.map((o) => o.drive).sort()).toEqual([...DRIVE_IDS].sort());
  });

  test('When compared with version 1, then it keeps the ids, drives and keying, so the id scheme and the balance stay', () => {
    const v1 = realContent().models.get('1')!.model;
    expect(m.likert.items.map((i) => [i.id, i.drive, i.reverse])).toEqual(v1.likert.items.map((i) => [i.id, i.drive, i.reverse]));
    const layout = (x: Model) => x.choice.items.map((s) => [s.id, s.options.map((o) => `${o.id}:${o.drive}`)]);
    expect(layout(m)).toEqual(layout(v1));
  });

  test('When its texts are compared, then no two statements and no two reactions of a situation say the same', () => {
    const texts = m.likert.items.map((i) => i.text.nl.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
    for (const s of m.choice.items) expect(new Set(s.options.map((o) => o.text.nl)).size).toBe(6);
  });
});

describe('the current model', () => {
  const m = realContent().current.model;

  test('When new questionnaires are taken, then they use version 2 or later', () => {
    expect(Number(m.version)).toBeGreaterThanOrEqual(2);
  });

  test('When its statements are read, then they are short and avoid ceilings ("heel/erg belangrijk") and "targets"', () => {
    for (const i of m.likert.items) {
      expect(i.text.nl.split(/\s+/).length).toBeLessThanOrEqual(15);
      expect(i.text.en.split(/\s+/).length).toBeLessThanOrEqual(15);
      expect(`${i.text.nl} ${i.text.en}`).not.toMatch(/\b(heel|erg|zeer) belangrijk\b|\bvery important\b|\btargets?\b/i);
    }
  });

  test('When the situations are read, then none assumes the reader is a consultant or trainer', () => {
    const all = m.choice.items.flatMap((s) => [s.text, ...s.options.map((o) => o.text)]);
    for (const t of all) expect(`${t.nl} ${t.en}`).not.toMatch(/\b(klant|deelnemer|client|participant|trainer|consultant)\b/i);
  });

  test('When the reactions of a situation are compared, then their lengths are similar (within 5 words)', () => {
    for (const s of m.choice.items) {
      for (const lang of ['nl', 'en'] as const) {
        const words = s.options.map((o) => o.text[lang].split(/\s+/).length);
        expect(Math.max(...words) - Math.min(...words)).toBeLessThanOrEqual(5);
      }
    }
  });
});
