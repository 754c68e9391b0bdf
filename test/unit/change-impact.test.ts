import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentError, loadContent } from '../../src/content/load';
import { describeIssues } from '../../src/domain/model';
import { DATA_DIR } from '../../src/paths';
import { DRIVE_IDS, LANGS, type DriveId } from '../../src/domain/drives';
import {
  changeFileSchema,
  changeImpact,
  changeProfileSchema,
  expectedResistance,
  resistanceMatrix,
  type ChangeFile,
} from '../../src/domain/change';
import { realContent } from '../helpers/content';

const txt = (s: string) => ({ nl: `${s} (nl)`, en: `${s} (en)` });
type Weights = Record<DriveId, number>;
const effects = (w: Weights) =>
  Object.fromEntries(DRIVE_IDS.map((d) => [d, w[d] === 0 ? { weight: 0 } : { weight: w[d], reason: txt(`${d} ${w[d]}`) }]));

/** A small file for hand-computed cases: two dimensions, weights in the order purple, red, blue, orange, green, yellow. */
function tinyRaw() {
  return {
    scale: [0, 1, 2, 3].map((value) => ({ value, label: txt(`step ${value}`) })),
    dimensions: [
      {
        id: 'rules',
        label: txt('rules'),
        question: txt('rules?'),
        effects: effects({ purple: -1, red: -2, blue: 2, orange: 0, green: 1, yellow: -1 }),
      },
      {
        id: 'pace',
        label: txt('pace'),
        question: txt('pace?'),
        effects: effects({ purple: -2, red: 2, blue: -1, orange: 1, green: -2, yellow: 0 }),
      },
    ],
    messages: Object.fromEntries(DRIVE_IDS.map((d) => [d, { nl: [`${d} een`, `${d} twee`], en: [`${d} one`, `${d} two`] }])),
  };
}
const TINY: ChangeFile = changeFileSchema.parse(tinyRaw());
const REAL = realContent().change;
const byDrive = <T extends { drive: DriveId }>(list: T[], d: DriveId) => list.find((x) => x.drive === d)!;
const LEVEL_RANK = { low: 0, medium: 1, high: 2 } as const;

describe('changeImpact()', () => {
  // rules 3, pace 1. score = 3 × w(rules) + 1 × w(pace):
  // purple 3·−1 + 1·−2 = −5 · red 3·−2 + 1·2 = −4 · blue 3·2 + 1·−1 = 5 · orange 0 + 1·1 = 1 · green 3·1 + 1·−2 = 1 · yellow 3·−1 + 0 = −3
  const impact = changeImpact({ rules: 3, pace: 1 }, TINY);

  test('When rules are strong and the pace a little higher, then each score is Σ intensity × weight, most threatened first', () => {
    expect(impact.map((i) => [i.drive, i.score])).toEqual([
      ['purple', -5],
      ['red', -4],
      ['yellow', -3],
      ['orange', 1], // ties with green: the fixed drive order decides
      ['green', 1],
      ['blue', 5],
    ]);
    expect(impact.filter((i) => i.threatened).map((i) => i.drive)).toEqual(['purple', 'red', 'yellow']);
    expect(impact.filter((i) => i.served).map((i) => i.drive)).toEqual(['blue']);
  });

  test('When a drive is pushed both ways, then its reasons list both parts, the threat first, with the texts of the weights', () => {
    expect(byDrive(impact, 'red').reasons).toEqual([
      { dimension: 'rules', intensity: 3, weight: -2, contribution: -6, text: 'red -2 (nl)' },
      { dimension: 'pace', intensity: 1, weight: 2, contribution: 2, text: 'red 2 (nl)' },
    ]);
    // orange: rules has weight 0, so that part has no text
    expect(byDrive(impact, 'orange').reasons).toEqual([
      { dimension: 'rules', intensity: 3, weight: 0, contribution: 0 },
      { dimension: 'pace', intensity: 1, weight: 1, contribution: 1, text: 'orange 1 (nl)' },
    ]);
    expect(byDrive(impact, 'red').messages).toEqual(['red een', 'red twee']);
  });

  test('When a score is −2 or +2, then the drive is threatened or served; at −1 or +1 it is neither', () => {
    // pace 1 only: purple −2, red +2, blue −1, orange +1, green −2, yellow 0
    const small = changeImpact({ pace: 1 }, TINY);
    expect(small.map((i) => [i.drive, i.score, i.threatened, i.served])).toEqual([
      ['purple', -2, true, false],
      ['green', -2, true, false],
      ['blue', -1, false, false],
      ['yellow', 0, false, false],
      ['orange', 1, false, false],
      ['red', 2, false, true],
    ]);
    expect(byDrive(small, 'yellow').reasons).toEqual([{ dimension: 'pace', intensity: 1, weight: 0, contribution: 0 }]);
  });

  test('When asked in English, then the reasons and messages are the English ones', () => {
    const en = changeImpact({ rules: 3, pace: 1 }, TINY, 'en');
    expect(byDrive(en, 'red').reasons.map((r) => r.text)).toEqual(['red -2 (en)', 'red 2 (en)']);
    expect(byDrive(en, 'red').messages).toEqual(['red one', 'red two']);
  });

  test('When a profile names an unknown dimension or an intensity outside 0–3, then it throws naming it', () => {
    expect(() => changeImpact({ rules: 1, colour: 2 }, TINY)).toThrow(/unknown change dimension "colour"/);
    expect(() => changeImpact({ rules: 4 }, TINY)).toThrow(/rules: intensity must be an integer 0–3/);
    expect(() => changeImpact({ pace: 1.5 }, TINY)).toThrow(RangeError);
  });

  test('When a central system is described with the real dimensions, then Power and Belonging are threatened and Order served', () => {
    // procedures 3, judgement 2, pace 1, teams 0, measurement 2, elsewhere 2, collaboration 1; weights from data/change:
    // purple 3·−1 + 2·0 + 1·−2 + 2·−1 + 2·−2 + 1·−1 = −12
    // red    3·−1 + 2·−2 + 1·2 + 2·−1 + 2·−2 + 1·−1 = −12
    // yellow 3·−1 + 2·−2 + 1·−1 + 2·0 + 2·−1 + 1·1 = −9
    // green  3·1 + 2·0 + 1·−2 + 2·−1 + 2·−2 + 1·2 = −3
    // orange 3·0 + 2·−1 + 1·1 + 2·2 + 2·−1 + 1·1 = 2
    // blue   3·2 + 2·1 + 1·−1 + 2·1 + 2·1 + 1·0 = 11
    const erp = changeImpact({ procedures: 3, judgement: 2, pace: 1, measurement: 2, elsewhere: 2, collaboration: 1 }, REAL);
    expect(erp.map((i) => [i.drive, i.score])).toEqual([
      ['purple', -12],
      ['red', -12],
      ['yellow', -9],
      ['green', -3],
      ['orange', 2],
      ['blue', 11],
    ]);
  });
});

describe('expectedResistance()', () => {
  const impact = changeImpact({ rules: 3, pace: 1 }, TINY); // purple −5, red −4, yellow −3, orange 1, green 1, blue 5

  test('When strong drives are threatened, then the pressure is their share-weighted threat and they are the drivers', () => {
    // shares red .5, orange .3, yellow .2 (all ≥ 1/6); threats red 4, orange 0, yellow 3
    // pressure = (50·4 + 30·0 + 20·3) / 100 = 260 / 100 = 2.6 → medium (2 ≤ 2.6 < 4)
    const r = expectedResistance(impact, [
      { drive: 'red', score: 50 },
      { drive: 'orange', score: 30 },
      { drive: 'yellow', score: 20 },
    ]);
    expect(r).toMatchObject({ level: 'medium', pressure: 2.6, drivers: ['red', 'yellow'] });
    expect(r.messages).toEqual([
      { drive: 'red', text: 'red een' },
      { drive: 'red', text: 'red twee' },
      { drive: 'yellow', text: 'yellow een' },
      { drive: 'yellow', text: 'yellow twee' },
    ]);
  });

  test('When only a weak drive is threatened, then it does not count and resistance is low', () => {
    // purple's share is 10/100 < 1/6, so its −5 is left out; blue and green are served: pressure 0
    const r = expectedResistance(impact, [
      { drive: 'blue', score: 60 },
      { drive: 'green', score: 30 },
      { drive: 'purple', score: 10 },
    ]);
    expect(r).toEqual({ level: 'low', pressure: 0, drivers: [], messages: [] });
  });

  test('When the pressure lands on 2 or 4, then the level is medium or high; just below 2 it is low with the driver named', () => {
    // red alone: 1·4 / 1 = 4 → high
    expect(expectedResistance(impact, [{ drive: 'red', score: 1 }]).level).toBe('high');
    // red and blue equal: (1·4 + 1·0) / 2 = 2 → medium
    expect(
      expectedResistance(impact, [
        { drive: 'red', score: 1 },
        { drive: 'blue', score: 1 },
      ]).level,
    ).toBe('medium');
    // red 1, blue 3: share of red 1/4 ≥ 1/6; 1·4 / 4 = 1 → low, but red is still a threatened strong drive
    const low = expectedResistance(impact, [
      { drive: 'red', score: 1 },
      { drive: 'blue', score: 3 },
    ]);
    expect(low).toMatchObject({ level: 'low', pressure: 1, drivers: ['red'] });
  });

  test('When a drive is hit but not threatened (−1), then it adds to the pressure but is not a driver', () => {
    // pace 1: blue −1, green −2. Blue only: pressure 1·1 / 1 = 1 → low; −1 is not a threat, so no driver
    const paced = changeImpact({ pace: 1 }, TINY);
    expect(expectedResistance(paced, [{ drive: 'blue', score: 5 }])).toEqual({ level: 'low', pressure: 1, drivers: [], messages: [] });
  });

  test('When there are no drive scores, or only zero and negative ones, then nothing is expected', () => {
    const none = { level: 'low', pressure: 0, drivers: [], messages: [] };
    expect(expectedResistance(impact, [])).toEqual(none);
    expect(
      expectedResistance(impact, [
        { drive: 'red', score: 0 },
        { drive: 'purple', score: -3 },
      ]),
    ).toEqual(none);
  });
});

describe('resistanceMatrix()', () => {
  test('When given a stakeholder and a department, then each row gets its own level, drivers and messages in row order', () => {
    const impact = changeImpact({ rules: 3, pace: 1 }, TINY);
    const m = resistanceMatrix(impact, [
      {
        id: 's1',
        label: 'Head of finance',
        drives: [
          { drive: 'blue', score: 2 },
          { drive: 'orange', score: 1 },
        ],
      },
      {
        id: 'd1',
        label: 'Customer service',
        drives: [
          { drive: 'purple', score: 60 },
          { drive: 'green', score: 40 },
        ],
      },
    ]);
    // s1: blue +5, orange +1 → pressure 0, low. d1: (60·5 + 40·0) / 100 = 3 → medium, driver purple
    expect(m.map((r) => [r.id, r.label, r.level, r.pressure, r.drivers])).toEqual([
      ['s1', 'Head of finance', 'low', 0, []],
      ['d1', 'Customer service', 'medium', 3, ['purple']],
    ]);
    expect(m[1]!.messages.map((x) => x.text)).toEqual(['purple een', 'purple twee']);
  });
});

describe('properties over the real dimensions', () => {
  const ids = REAL.dimensions.map((d) => d.id);
  const intensity = fc.integer({ min: 0, max: 3 });
  const profile = fc.record(Object.fromEntries(ids.map((id) => [id, intensity])));
  const driveScores = fc.array(fc.record({ drive: fc.constantFrom(...DRIVE_IDS), score: fc.integer({ min: 0, max: 100 }) }), {
    maxLength: 8,
  });

  test('When the change shows nothing, then every score is 0 and every resistance low', () => {
    fc.assert(
      fc.property(driveScores, (drives) => {
        const impact = changeImpact({}, REAL);
        expect(impact.every((i) => i.score === 0 && !i.threatened && !i.served && i.reasons.length === 0)).toBe(true);
        expect(expectedResistance(impact, drives)).toMatchObject({ level: 'low', drivers: [], messages: [] });
      }),
    );
  });

  test('For any change, the reasons add up to the score and the drives come most threatened first', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const impact = changeImpact(p, REAL);
        expect(impact.map((i) => i.drive).sort()).toEqual([...DRIVE_IDS].sort());
        for (const i of impact) expect(i.reasons.reduce((s, r) => s + r.contribution, 0)).toBe(i.score);
        for (let k = 1; k < impact.length; k++) expect(impact[k - 1]!.score).toBeLessThanOrEqual(impact[k]!.score);
      }),
    );
  });

  test('Raising a dimension that threatens a drive never lowers that threat, nor the resistance of someone it cannot serve', () => {
    fc.assert(
      fc.property(profile, fc.constantFrom(...ids), driveScores, (p, id, drives) => {
        fc.pre(p[id]! < 3);
        const before = changeImpact(p, REAL);
        const after = changeImpact({ ...p, [id]: p[id]! + 1 }, REAL);
        const dim = REAL.dimensions.find((d) => d.id === id)!;
        for (const d of DRIVE_IDS.filter((d) => dim.effects[d].weight < 0)) {
          expect(byDrive(after, d).score).toBeLessThan(byDrive(before, d).score);
          if (byDrive(before, d).threatened) expect(byDrive(after, d).threatened).toBe(true);
        }
        const unserved = drives.filter((s) => dim.effects[s.drive].weight <= 0);
        const [r0, r1] = [expectedResistance(before, unserved), expectedResistance(after, unserved)];
        expect(r1.pressure).toBeGreaterThanOrEqual(r0.pressure);
        expect(LEVEL_RANK[r1.level]).toBeGreaterThanOrEqual(LEVEL_RANK[r0.level]);
      }),
    );
  });

  test('Scaling all of a person’s drive scores by the same factor does not change the resistance', () => {
    fc.assert(
      fc.property(profile, driveScores, fc.integer({ min: 2, max: 50 }), (p, drives, k) => {
        const impact = changeImpact(p, REAL);
        expect(
          expectedResistance(
            impact,
            drives.map((d) => ({ ...d, score: d.score * k })),
          ),
        ).toEqual(expectedResistance(impact, drives));
      }),
    );
  });

  test('The order of the rows does not change their results', () => {
    const rows = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1 }), label: fc.string(), drives: driveScores }), {
      selector: (r) => r.id,
      maxLength: 8,
    });
    fc.assert(
      fc.property(profile, rows, fc.infiniteStream(fc.double()), (p, list, noise) => {
        const impact = changeImpact(p, REAL);
        const keyed = list.map((r) => ({ r, k: noise.next().value }));
        const shuffled = keyed.sort((a, b) => a.k - b.k).map((x) => x.r);
        const byId = (m: ReturnType<typeof resistanceMatrix>) => Object.fromEntries(m.map((r) => [r.id, r]));
        expect(byId(resistanceMatrix(impact, shuffled))).toEqual(byId(resistanceMatrix(impact, list)));
      }),
    );
  });
});

describe('the change dimensions file', () => {
  const problems = (edit: (raw: ReturnType<typeof tinyRaw>) => void) => {
    const raw = tinyRaw();
    edit(raw);
    const parsed = changeFileSchema.safeParse(raw);
    return parsed.success ? '' : describeIssues(parsed.error);
  };

  test('When a dimension lacks a drive, then the error names the dimension and the drive', () => {
    expect(problems((r) => delete (r.dimensions[1]!.effects as Record<string, unknown>).green)).toMatch(
      /dimensions\.1\.effects\.green: missing: an effect for each of the six drives/,
    );
  });

  test('When a weight other than 0 has no reason, then the error names it; a weight of 0 with a reason is refused too', () => {
    expect(problems((r) => delete (r.dimensions[0]!.effects.blue as { reason?: unknown }).reason)).toMatch(
      /dimensions\.0\.effects\.blue\.reason: a weight of 2 needs a reason/,
    );
    expect(problems((r) => Object.assign(r.dimensions[0]!.effects.orange!, { reason: txt('x') }))).toMatch(
      /dimensions\.0\.effects\.orange\.reason: a weight of 0 takes no reason/,
    );
  });

  test('When messages differ in number between nl and en, or a drive has none, then the error names the drive', () => {
    expect(problems((r) => r.messages.red!.en.pop())).toMatch(/messages\.red: nl and en must have the same number of messages/);
    expect(problems((r) => delete r.messages.yellow)).toMatch(/messages\.yellow: missing: messages for each of the six drives/);
  });

  test('When a weight is out of range, an id repeats, a drive is unknown or the scale is off, then each is refused', () => {
    expect(problems((r) => (r.dimensions[0]!.effects.red!.weight = -3))).toMatch(/dimensions\.0\.effects\.red\.weight/);
    expect(problems((r) => (r.dimensions[1]!.id = 'rules'))).toMatch(/dimensions\.1\.id: duplicate dimension "rules"/);
    expect(problems((r) => Object.assign(r.dimensions[0]!.effects, { pink: { weight: 0 } }))).toMatch(/dimensions\.0\.effects.*pink/);
    expect(problems((r) => r.scale.pop())).toMatch(/scale: needs the steps 0 to 3 in order/);
  });

  test('A route can parse a change description: known dimensions only, intensities 0–3', () => {
    const schema = changeProfileSchema(TINY);
    expect(schema.parse({ rules: 2 })).toEqual({ rules: 2 });
    expect(schema.safeParse({ rules: 4 }).success).toBe(false);
    expect(schema.safeParse({ colour: 1 }).success).toBe(false);
  });
});

describe('data/change/dimensions.json', () => {
  test('When loaded, then it has seven dimensions with texts in both languages for every weight other than 0', () => {
    expect(REAL.dimensions).toHaveLength(7);
    const all = Object.fromEntries(REAL.dimensions.map((d) => [d.id, 3]));
    for (const lang of LANGS) {
      const impact = changeImpact(all, REAL, lang);
      for (const i of impact) {
        for (const r of i.reasons)
          expect(r.weight === 0 ? r.text === undefined : typeof r.text === 'string' && r.text.length > 0).toBe(true);
        expect(i.messages.length).toBeGreaterThanOrEqual(2);
      }
    }
    const nl = changeImpact(all, REAL, 'nl').flatMap((i) => i.reasons.map((r) => r.text));
    const en = changeImpact(all, REAL, 'en').flatMap((i) => i.reasons.map((r) => r.text));
    expect(nl.filter((t, k) => t && t === en[k])).toEqual([]);
  });

  test('Every drive is threatened by some dimension, so its messages can be reached, and every dimension serves some drive', () => {
    for (const d of DRIVE_IDS) expect(REAL.dimensions.some((dim) => dim.effects[d].weight < 0)).toBe(true);
    for (const dim of REAL.dimensions) expect(DRIVE_IDS.some((d) => dim.effects[d].weight > 0)).toBe(true);
  });

  test('Reasons are one short sentence, and no text uses absolutes ("altijd", "nooit", "always", "never")', () => {
    const reasons = REAL.dimensions.flatMap((d) => DRIVE_IDS.flatMap((drive) => LANGS.map((l) => d.effects[drive].reason?.[l] ?? '')));
    for (const r of reasons.filter(Boolean)) {
      expect(r).toMatch(/^[^.!?]+[.!?]$/);
      expect(r.length).toBeLessThanOrEqual(120);
    }
    const messages = DRIVE_IDS.flatMap((d) => LANGS.flatMap((l) => REAL.messages[d][l]));
    for (const t of [...reasons, ...messages]) expect(t).not.toMatch(/\b(altijd|nooit|always|never)\b/i);
  });
});

describe('loadContent() and the change dimensions', () => {
  const copies: string[] = [];
  afterAll(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  function brokenCopy(edit: (json: { dimensions: { effects: Record<string, { weight: number; reason?: unknown }> }[] }) => void): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-change-'));
    copies.push(dir);
    fs.cpSync(DATA_DIR, dir, { recursive: true, filter: (src) => !src.includes('.sqlite') });
    const file = path.join(dir, 'change', 'dimensions.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    edit(json);
    fs.writeFileSync(file, JSON.stringify(json));
    return dir;
  }

  test('When a dimension in data/change lacks a drive, then start-up fails naming the file and the entry', () => {
    const dir = brokenCopy((j) => delete j.dimensions[2]!.effects.purple);
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(/dimensions\.json: invalid change dimensions[\s\S]*dimensions\.2\.effects\.purple: missing/);
  });

  test('When a reason in data/change is missing, then start-up fails naming the entry', () => {
    const dir = brokenCopy((j) => delete j.dimensions[0]!.effects.blue!.reason);
    expect(() => loadContent(dir)).toThrow(/dimensions\.0\.effects\.blue\.reason: a weight of 2 needs a reason/);
  });
});
