import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DRIVE_IDS } from '../../src/domain/drives';
import { buildBank, MIN_REMARKS_PER_DRIVE, remarkFileSchema, type RemarkFile } from '../../src/domain/studio/remarks';
import { effectiveStatus, moveStep, stepList, stepOf } from '../../src/domain/studio/steps';
import { leaderboard, pointsFor, tally, wordCounts } from '../../src/domain/studio/tally';
import { realContent } from '../helpers/content';

describe('steps', () => {
  const ids = ['x1', 'x2'];
  test('When a session has two exercises, then the steps are lobby, team, both exercises and the end, in order', () => {
    expect(stepList(ids)).toEqual(['lobby', 'team', 'x1', 'x2', 'end']);
    expect(stepOf('x2', ids)).toEqual({ kind: 'exercise', exerciseId: 'x2', index: 3, count: 5 });
    expect(stepOf('team', ids)).toEqual({ kind: 'team', exerciseId: null, index: 1, count: 5 });
  });

  test('When the stored step is an exercise that was deleted, then the session is in the lobby', () => {
    expect(stepOf('gone', ids)).toMatchObject({ kind: 'lobby', index: 0 });
  });

  test('Moving next then previous from any step returns to it, except at the ends, where it stays put', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 8 }), (n, at) => {
        const list = stepList(Array.from({ length: n }, (_, i) => `x${i}`));
        const from = list[Math.min(at, list.length - 1)]!;
        const exercises = list.slice(2, -1);
        const next = moveStep(from, exercises, 'next');
        if (from === 'end') return next === 'end';
        return moveStep(next, exercises, 'previous') === from && stepOf(next, exercises).index === stepOf(from, exercises).index + 1;
      }),
    );
    expect(moveStep('lobby', ids, 'previous')).toBe('lobby');
  });

  test('When an open round has a timer that has run out, then it counts as closed; other statuses stay as stored', () => {
    const now = Date.parse('2026-12-01T10:00:00.000Z');
    expect(effectiveStatus('open', '2026-12-01T09:59:59.999Z', now)).toBe('closed');
    expect(effectiveStatus('open', '2026-12-01T10:00:00.000Z', now)).toBe('closed');
    expect(effectiveStatus('open', '2026-12-01T10:00:00.001Z', now)).toBe('open');
    expect(effectiveStatus('open', null, now)).toBe('open');
    expect(effectiveStatus('revealed', '2026-12-01T09:00:00.000Z', now)).toBe('revealed');
  });
});

describe('tallies, words and points', () => {
  test('When answers are counted, then every key is present, unknown values are ignored, and the counts add up to the known answers', () => {
    expect(tally(['red', 'blue', 'red', 'pink'], DRIVE_IDS)).toEqual({ purple: 0, red: 2, blue: 1, orange: 0, green: 0, yellow: 0 });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DRIVE_IDS, 'other')), (values) => {
        const counts = tally(values, DRIVE_IDS);
        return Object.values(counts).reduce((a, b) => a + b, 0) === values.filter((v) => v !== 'other').length;
      }),
    );
  });

  test('When answers are turned into words, then Dutch and English stop words are gone and a word counts once per answer', () => {
    const words = wordCounts([
      'Dat hebben we al eens geprobeerd, geprobeerd!',
      'We have tried that before',
      'Het is te snel, veel te snel',
    ]);
    expect(words).toEqual([
      { word: 'geprobeerd', count: 1 },
      { word: 'snel', count: 1 },
      { word: 'tried', count: 1 },
    ]);
  });

  test('Points: 2 for the intended drive, 1 for an acceptable second drive, 0 otherwise or without an intended drive', () => {
    expect(pointsFor('blue', 'blue', ['green'])).toBe(2);
    expect(pointsFor('green', 'blue', ['green'])).toBe(1);
    expect(pointsFor('red', 'blue', ['green'])).toBe(0);
    expect(pointsFor('red', null, [])).toBe(0);
    const board = leaderboard([
      { participantId: 1, alias: 'Bo', answer: 'blue', intended: 'blue', also: [] },
      { participantId: 2, alias: 'Al', answer: 'red', intended: 'blue', also: ['red'] },
      { participantId: 1, alias: 'Bo', answer: 'green', intended: 'green', also: [] },
      { participantId: 3, alias: 'Ce', answer: 'red', intended: 'blue', also: ['red'] },
    ]);
    expect(board).toEqual([
      { alias: 'Bo', points: 4 },
      { alias: 'Al', points: 1 },
      { alias: 'Ce', points: 1 },
    ]);
  });
});

describe('the remark bank', () => {
  test('The bank holds at least 10 remarks per drive in each language, each with an explanation and second drives other than its own', () => {
    const bank = realContent().remarks;
    for (const lang of ['nl', 'en'] as const) {
      for (const d of DRIVE_IDS) expect(bank[lang].filter((r) => r.drive === d).length).toBeGreaterThanOrEqual(MIN_REMARKS_PER_DRIVE);
      for (const r of bank[lang]) {
        expect(r.also).not.toContain(r.drive);
        expect(r.explanation.length).toBeGreaterThan(20);
      }
    }
  });

  test("The bank is not the drive reader's held-out test set: no remark of the fixture is in it", () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/client-remarks.json'), 'utf8')) as { text: string }[];
    const bank = realContent().remarks;
    const texts = new Set([...bank.nl, ...bank.en].map((r) => r.text.toLowerCase()));
    expect(fixture.filter((f) => texts.has(f.text.toLowerCase()))).toEqual([]);
  });

  const file = (remarks: RemarkFile['remarks'], lang: 'nl' | 'en' = 'nl'): RemarkFile => ({ lang, remarks });
  const r = (id: string, drive: (typeof DRIVE_IDS)[number]) => ({
    id,
    text: 'Zo doen wij dat hier al jaren.',
    drive,
    also: [],
    explanation: 'Een uitleg voor de trainer.',
  });
  test('When a bank has a duplicate id, an id of the other language, or too few remarks for a drive, then each problem is named', () => {
    const { problems } = buildBank([file([r('nl-red-01', 'red'), r('nl-red-01', 'red'), r('en-blue-01', 'blue')])]);
    expect(problems).toContain('remark nl-red-01 exists twice');
    expect(problems).toContain('remark en-blue-01 is in a nl file');
    expect(problems).toContain(`nl: 0 remarks for purple, at least ${MIN_REMARKS_PER_DRIVE} needed`);
  });

  test('When a remark lists its own drive as a second drive, or an unknown drive, then the file is refused', () => {
    expect(remarkFileSchema.safeParse(file([{ ...r('nl-red-01', 'red'), also: ['red'] }])).success).toBe(false);
    expect(remarkFileSchema.safeParse(file([{ ...r('nl-red-01', 'red'), drive: 'pink' as never }])).success).toBe(false);
    expect(remarkFileSchema.safeParse(file([r('nl-red-01', 'red')])).success).toBe(true);
  });
});
