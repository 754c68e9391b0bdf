import fc from 'fast-check';
import { DRIVE_IDS, type DriveId } from '../../src/domain/drives';
import { rankingOf, SCORING_VERSION, type ScoredProfile } from '../../src/domain/scoring';
import type { Remark } from '../../src/domain/studio/remarks';
import { BALANCED_GAP, sharedBy, teamPicture, type TeamPictureMember } from '../../src/domain/team-picture';
import { realContent } from '../helpers/content';

const advice = realContent().reader.advice;

/** A profile with these combined scores (in the fixed drive order) and "least often" labels; ranking and band as scored. */
function profile(combined: number[], rejection: DriveId[] = []): ScoredProfile {
  const scores = DRIVE_IDS.map((drive, i) => ({ drive, likert: 50, choice: 50, combined: combined[i]!, relative: 0 }));
  return { modelVersion: '1', scores, ...rankingOf(scores), attraction: [], rejection, flags: [], scoring: SCORING_VERSION };
}

/**
 * Six members; scores per drive in the order purple, red, blue, orange, green, yellow, each summing to 300 as real
 * profiles do. The band reaches 1.96 · 19 · √0.4 = 23.6 below the strongest drive, so the bands are:
 * Ann orange, red · Bram red, orange · Cor blue, orange, yellow · Dirk orange, red · Eva yellow, blue, orange ·
 * Fleur blue (green is 25 below). Self minus group (means of three): Ann 70 − 30 = 40, Bram 65 − 35 = 30,
 * Cor 56.7 − 43.3 = 13.3, Dirk 73.3 − 26.7 = 46.7, Eva 56.7 − 43.3 = 13.3, Fleur 33.3 − 66.7 = −33.3.
 */
const TEAM: TeamPictureMember[] = [
  { name: 'Ann', profile: profile([25, 70, 40, 85, 25, 55], ['green']) },
  { name: 'Bram', profile: profile([30, 80, 45, 75, 30, 40], ['green', 'purple']) },
  { name: 'Cor', profile: profile([30, 45, 80, 65, 20, 60]) },
  { name: 'Dirk', profile: profile([15, 70, 40, 90, 25, 60], ['purple']) },
  { name: 'Eva', profile: profile([20, 35, 70, 60, 40, 75], ['green']) },
  { name: 'Fleur', profile: profile([55, 30, 85, 25, 60, 45], ['orange']) },
];

const remark = (id: string, drive: DriveId | null, also: DriveId[] = []): Remark => ({
  id,
  lang: id.startsWith('nl') ? 'nl' : 'en',
  text: `text ${id}`,
  drive,
  also,
  explanation: 'why',
});
const BANK: Remark[] = [
  remark('en-purple-10', 'purple'),
  remark('en-purple-01', 'purple', ['green']),
  remark('en-purple-03', 'purple'),
  remark('nl-purple-01', 'purple'),
  remark('en-purple-02', 'purple'),
  remark('en-green-01', 'green', ['purple']),
  remark('en-green-02', 'green'),
  remark('own-1', null),
];

const options = (anonymous: boolean, remarks: readonly Remark[] = BANK) => ({ anonymous, lang: 'en' as const, advice, remarks });

describe('teamPicture() on a hand-made team of six', () => {
  const picture = teamPicture(TEAM, options(false));

  test('When members share a first and second drive, then they share a cell; fullest first, then the fixed drive order', () => {
    expect(picture.n).toBe(6);
    expect(picture.diversity).toEqual([
      { first: 'orange', second: 'red', count: 2, members: ['Ann', 'Dirk'] },
      { first: 'red', second: 'orange', count: 1, members: ['Bram'] },
      { first: 'blue', second: 'orange', count: 1, members: ['Cor'] },
      { first: 'blue', second: 'green', count: 1, members: ['Fleur'] },
      { first: 'yellow', second: 'blue', count: 1, members: ['Eva'] },
    ]);
  });

  test('When self minus group is 13.3 points, then that member is balanced (the bar is 13.6); 30 or more leans', () => {
    expect(BALANCED_GAP).toBeCloseTo(13.6, 1);
    expect(picture.orientation).toEqual({
      self: 3,
      group: 1,
      balanced: 2,
      members: [
        { name: 'Ann', side: 'self' },
        { name: 'Bram', side: 'self' },
        { name: 'Cor', side: 'balanced' },
        { name: 'Dirk', side: 'self' },
        { name: 'Eva', side: 'balanced' },
        { name: 'Fleur', side: 'group' },
      ],
    });
  });

  test('When drives sit in the bands of at least two members (a third of six), then they give energy, most members first', () => {
    expect(sharedBy(6)).toBe(2);
    // orange: all but Fleur; red: Ann, Bram, Dirk; blue: Cor, Eva, Fleur; yellow: Cor, Eva; green and purple: nobody.
    expect(picture.energy).toEqual([
      { drive: 'orange', count: 5, share: 0.83 },
      { drive: 'red', count: 3, share: 0.5 },
      { drive: 'blue', count: 3, share: 0.5 },
      { drive: 'yellow', count: 2, share: 0.33 },
    ]);
  });

  test('When two or more members chose a drive least often, then it is friction; one member is not', () => {
    expect(picture.friction).toEqual([
      { drive: 'green', count: 3 },
      { drive: 'purple', count: 2 },
    ]);
  });

  test('When the pairs are ranked by distance, then the three furthest apart come first, rounded to one decimal', () => {
    // Dirk–Fleur: 40² + 40² + 45² + 65² + 35² + 15² = 10,900 → 104.4; Ann–Fleur 9,450 → 97.2; Bram–Fleur 8,150 → 90.3.
    expect(picture.pairs).toEqual([
      { a: 'Dirk', b: 'Fleur', distance: 104.4 },
      { a: 'Ann', b: 'Fleur', distance: 97.2 },
      { a: 'Bram', b: 'Fleur', distance: 90.3 },
    ]);
  });

  test('When the team means are weighed on the circle, then the centre lies between blue and orange, nearest blue', () => {
    // Means 29.2, 55, 60, 66.7, 33.3, 55.8 (sum 300): x = −28.75 / 300, y = 0.866 · 25.9 / 300; angle 142.0°.
    expect(picture.drives.map((d) => d.mean)).toEqual([29.2, 55, 60, 66.7, 33.3, 55.8]);
    expect(picture.centre).toEqual({ x: -0.1, y: 0.07, angleDeg: 142, strength: 0.12, nearest: 'blue' });
  });

  test('When purple and green are in nobody’s band and below 50, then they are blind spots, weakest first, with the advice', () => {
    expect(picture.blindSpots).toEqual([
      {
        drive: 'purple',
        // The clear remarks (no second drive) by id first; the other language and the trainer's own are left out.
        sounds: ['text en-purple-02', 'text en-purple-03', 'text en-purple-10'],
        risk: advice.drives.purple.dont.en[0],
        helps: advice.drives.purple.do.en,
        need: advice.drives.purple.need.en,
      },
      {
        drive: 'green',
        sounds: ['text en-green-02', 'text en-green-01'],
        risk: advice.drives.green.dont.en[0],
        helps: advice.drives.green.do.en,
        need: advice.drives.green.need.en,
      },
    ]);
  });

  test('When the session is anonymous, then no names, no member lists and no pairs; the counts stay the same', () => {
    const anon = teamPicture(TEAM, options(true));
    expect(anon.diversity.map((c) => [c.first, c.second, c.count])).toEqual(picture.diversity.map((c) => [c.first, c.second, c.count]));
    expect(anon.diversity.some((c) => 'members' in c)).toBe(false);
    expect(anon.orientation).toEqual({ self: 3, group: 1, balanced: 2 });
    expect(anon.pairs).toEqual([]);
    expect({ ...anon, diversity: [], orientation: null, pairs: [] }).toEqual({ ...picture, diversity: [], orientation: null, pairs: [] });
  });
});

describe('teamPicture() edge cases', () => {
  test('When a drive is in nobody’s band but its team mean is 50 or more, then it is no blind spot', () => {
    // Both members: orange 90 and yellow 75 in the band; purple 20, red 50, blue 60, green 5 are not.
    const two = [0, 1].map((i) => ({ name: `m${i}`, profile: profile([20, 50, 60, 90, 5, 75]) }));
    expect(teamPicture(two, options(false)).blindSpots.map((b) => b.drive)).toEqual(['green', 'purple']);
  });

  test('When four drives are weak, then the three weakest are blind spots', () => {
    const two = [0, 1].map((i) => ({ name: `m${i}`, profile: profile([20, 40, 30, 100, 10, 100]) }));
    expect(teamPicture(two, options(false)).blindSpots.map((b) => b.drive)).toEqual(['green', 'purple', 'blue']);
  });

  test('When there are no members, then the picture is empty and has no centre', () => {
    const p = teamPicture([], options(false));
    expect(p).toMatchObject({ n: 0, diversity: [], centre: null, energy: [], friction: [], pairs: [], blindSpots: [] });
    expect(p.orientation).toEqual({ self: 0, group: 0, balanced: 0, members: [] });
  });

  test('When a named session has members without a name or with the same name, then they stay apart as null or twice', () => {
    const p = teamPicture(
      [
        { name: null, profile: TEAM[3]!.profile },
        { name: 'Ann', profile: TEAM[0]!.profile },
        { name: 'Ann', profile: TEAM[5]!.profile },
      ],
      options(false),
    );
    expect(p.pairs[0]).toEqual({ a: null, b: 'Ann', distance: 104.4 });
    expect(p.diversity[0]).toEqual({ first: 'orange', second: 'red', count: 2, members: [null, 'Ann'] });
  });

  test('With the real remark bank and advice in Dutch, then every blind spot has three Dutch remarks of its drive', () => {
    const bank = realContent().remarks.nl;
    const p = teamPicture(TEAM, { anonymous: false, lang: 'nl', advice, remarks: bank });
    expect(p.blindSpots.map((b) => b.drive)).toEqual(['purple', 'green']);
    for (const b of p.blindSpots) {
      const texts = bank.filter((r) => r.drive === b.drive).map((r) => r.text);
      expect(b.sounds).toHaveLength(3);
      expect(b.sounds.every((s) => texts.includes(s))).toBe(true);
      expect(b.risk).toBe(advice.drives[b.drive].dont.nl[0]);
      expect(b.helps).toEqual(advice.drives[b.drive].do.nl);
    }
  });
});

describe('teamPicture() properties', () => {
  // Names with a character the content never uses, so a name found in the output can only have come from the input.
  const names = fc.uniqueArray(
    fc.stringMatching(/^[A-Za-z0-9 ]{1,8}$/).map((s) => `§${s}`),
    { minLength: 1, maxLength: 12 },
  );
  const member = fc
    .record({
      combined: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 6, maxLength: 6 }),
      rejection: fc.subarray([...DRIVE_IDS]),
    })
    .map(({ combined, rejection }) =>
      profile(
        combined.map((c) => c / 10),
        rejection,
      ),
    );
  const team = names.chain((ns) =>
    fc.array(member, { minLength: ns.length, maxLength: ns.length }).map((ps) => ps.map((p, i) => ({ name: ns[i]!, profile: p }))),
  );
  const bank = realContent().remarks.en;

  test('The diversity counts add up to n, and in a named session the cells hold every name once', () => {
    fc.assert(
      fc.property(team, (t) => {
        const p = teamPicture(t, options(false, bank));
        expect(p.diversity.reduce((a, c) => a + c.count, 0)).toBe(t.length);
        expect(p.diversity.flatMap((c) => c.members!).sort()).toEqual(t.map((m) => m.name).sort());
      }),
    );
  });

  test('Self + group + balanced = n', () => {
    fc.assert(
      fc.property(team, fc.boolean(), (t, anonymous) => {
        const { orientation: o } = teamPicture(t, options(anonymous, bank));
        expect(o.self + o.group + o.balanced).toBe(t.length);
      }),
    );
  });

  test('When the session is anonymous, then the output JSON contains none of the names and there are no pairs', () => {
    fc.assert(
      fc.property(team, (t) => {
        const json = JSON.stringify(teamPicture(t, options(true, bank)));
        expect(t.filter((m) => json.includes(m.name))).toEqual([]);
        expect(json).not.toContain('§');
        expect(teamPicture(t, options(true, bank)).pairs).toEqual([]);
        // The same team, named: the names are there, so the check above would catch a leak.
        const named = JSON.stringify(teamPicture(t, options(false, bank)));
        expect(t.every((m) => named.includes(m.name))).toBe(true);
      }),
    );
  });

  test('Blind spot drives are never in the energy list, are in nobody’s band, below 50, and at most three', () => {
    fc.assert(
      fc.property(team, (t) => {
        const p = teamPicture(t, options(true, bank));
        const energy = new Set(p.energy.map((e) => e.drive));
        expect(p.blindSpots.length).toBeLessThanOrEqual(3);
        for (const b of p.blindSpots) {
          expect(energy.has(b.drive)).toBe(false);
          expect(t.some((m) => m.profile.primary.includes(b.drive))).toBe(false);
          expect(p.drives.find((d) => d.drive === b.drive)!.mean).toBeLessThan(50);
          expect(b.sounds.length).toBeGreaterThanOrEqual(2);
        }
      }),
    );
  });

  test('The same team gives the same picture, and the centre stays on the unit disc', () => {
    fc.assert(
      fc.property(team, (t) => {
        const p = teamPicture(t, options(false, bank));
        expect(teamPicture(t, options(false, bank))).toEqual(p);
        // No centre only when no drive carries any weight.
        if (!p.centre) return expect(p.drives.every((d) => d.mean === 0)).toBe(true);
        expect(p.centre.strength).toBeLessThanOrEqual(1);
        expect(p.centre.angleDeg).toBeGreaterThanOrEqual(0);
        expect(p.centre.angleDeg).toBeLessThan(360);
      }),
    );
  });
});
