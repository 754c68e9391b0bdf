import { addUser, createAssessment, joinAndComplete, loggedIn, makeApp, type TestApp } from '../helpers/app';
import { simulateRespondents } from '../../src/domain/stats/simulate';
import { seededRandom } from '../../src/domain/stats/random';
import { realContent } from '../helpers/content';

// What a trainer can see of participants' scores: exports, the anonymous team chart, the quality statistics.
let t: TestApp;
let anna: Awaited<ReturnType<typeof loggedIn>>;
beforeAll(async () => {
  t = await makeApp({ RATE_LIMIT_JOIN_PER_CLIENT: '1000', RATE_LIMIT_ASSESSMENTS_PER_IP: '10000' });
  await addUser(t, 'anna@example.nl');
  anna = await loggedIn(t, 'anna@example.nl');
});

async function newSession(body: Record<string, unknown>) {
  return (await anna.post('/api/sessions').send(body).expect(201)).body as { id: string; code: string };
}
const summary = async (id: string) => (await anna.get(`/api/sessions/${id}/summary`).expect(200)).body;
const PICKS: [string, string][] = [
  ['red', 'blue'],
  ['green', 'purple'],
  ['blue', 'yellow'],
  ['yellow', 'red'],
  ['purple', 'orange'],
  ['orange', 'green'],
  ['red', 'green'],
  ['blue', 'purple'],
];

describe('exports', () => {
  test('When a named session is not revealed yet, then both exports are 409; after the reveal they hold one row per participant', async () => {
    const s = await newSession({ title: 'Named', minGroupSize: 2 });
    await joinAndComplete(t, s.code, 'Piet', 'red', 'blue');
    await joinAndComplete(t, s.code, 'Eva', 'green', 'red');
    for (const kind of ['csv', 'json']) {
      const res = await anna.get(`/api/sessions/${s.id}/export.${kind}`).expect(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/once the team chart has been shown/) });
      expect(res.headers['content-disposition']).toBeUndefined();
    }
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    expect(
      (await anna.get(`/api/sessions/${s.id}/export.json`).expect(200)).body.participants.map((p: { name: string }) => p.name),
    ).toEqual(['Piet', 'Eva']);
    expect((await anna.get(`/api/sessions/${s.id}/export.csv`).expect(200)).text).toContain('Piet');
  });

  test('When an anonymous session is exported, then 409 before the reveal, and after it only the group per drive, no names or own scores', async () => {
    const s = await newSession({ title: 'Anon', anonymous: true, minGroupSize: 2 });
    await joinAndComplete(t, s.code, 'Vos', 'red', 'blue');
    await joinAndComplete(t, s.code, 'Uil', 'green', 'red');
    await anna.get(`/api/sessions/${s.id}/export.csv`).expect(409);
    await anna.get(`/api/sessions/${s.id}/export.json`).expect(409);
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const json = (await anna.get(`/api/sessions/${s.id}/export.json`).expect(200)).body;
    expect(Object.keys(json)).toEqual(['session', 'group', 'agreements']);
    expect(JSON.stringify(json)).not.toMatch(/Vos|Uil|participants|likert/);
    // Vos: red 77.8, blue 22.2; Uil: green 77.8, red 22.2; all else 50 (combined score, see README "Scoring").
    expect(json.group.n).toBe(2);
    expect(json.group.drives.find((d: { drive: string }) => d.drive === 'red')).toEqual({
      drive: 'red',
      n: 2,
      mean: 50,
      sd: 27.8,
      min: 22.2,
      max: 77.8,
      topCount: 1,
    });
    const csv = (await anna.get(`/api/sessions/${s.id}/export.csv`).expect(200)).text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('drive,n,mean,sd,min,max,top_count');
    expect(csv).toHaveLength(7);
    expect(csv.join('\n')).not.toMatch(/Vos|Uil/);
  });

  test('When the dashboard of an unrevealed session is shown, then it offers no downloads but says when they come', async () => {
    const s = await newSession({ title: 'Buttons' });
    const page = (await anna.get(`/trainer/sessions/${s.id}`).expect(200)).text;
    expect(page).toMatch(/<div class="exports" data-export hidden>/);
    expect(page).toContain('Downloaden kan zodra je het teambeeld hebt getoond.');
  });
});

describe('the anonymous team chart moves on in steps of the minimum group', () => {
  test('When one more person completes after the reveal, then the chart and the export stay the same until a full step has completed', async () => {
    const s = await newSession({ title: 'Steps', anonymous: true, minGroupSize: 3 });
    const tokens: string[] = [];
    for (const [i, [most, least]] of PICKS.slice(0, 3).entries()) tokens.push(await joinAndComplete(t, s.code, `A${i}`, most, least));
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    const first = await summary(s.id);
    expect(first.published).toEqual({ count: 3, nextAt: 6 });
    const firstExport = (await anna.get(`/api/sessions/${s.id}/export.json`).expect(200)).body.group;

    // One and then two more: the figures must not move (differencing them would give those people's scores).
    for (const [i, [most, least]] of PICKS.slice(3, 5).entries()) {
      tokens.push(await joinAndComplete(t, s.code, `B${i}`, most, least));
      const now = await summary(s.id);
      expect(now).toMatchObject({ completed: 4 + i, published: { count: 3, nextAt: 6 } });
      expect(now.drives).toEqual(first.drives);
      expect(now.insights).toEqual(first.insights);
      expect((await anna.get(`/api/sessions/${s.id}/export.json`).expect(200)).body.group).toEqual(firstExport);
    }
    tokens.push(await joinAndComplete(t, s.code, 'C', PICKS[5]![0], PICKS[5]![1]));
    const second = await summary(s.id);
    expect(second.published).toEqual({ count: 6, nextAt: 9 });
    expect(second.drives).not.toEqual(first.drives);
    expect((await anna.get(`/api/sessions/${s.id}/export.json`).expect(200)).body.group.n).toBe(6);

    // A published member deletes their data: showing the other five would give that person's scores away.
    await t.http().delete(`/api/assessments/${tokens[0]}`).expect(204);
    const hidden = await summary(s.id);
    expect(hidden).toMatchObject({ completed: 5, published: { count: null, nextAt: 7 }, drives: [], insights: null });
    expect((await anna.get(`/api/sessions/${s.id}/export.json`).expect(409)).body.error.code).toBe('conflict');
    await joinAndComplete(t, s.code, 'D', PICKS[6]![0], PICKS[6]![1]);
    expect((await summary(s.id)).published).toEqual({ count: null, nextAt: 7 });
    await joinAndComplete(t, s.code, 'E', PICKS[7]![0], PICKS[7]![1]);
    const third = await summary(s.id);
    expect(third.published).toEqual({ count: 7, nextAt: 10 });
    expect(third.drives).toHaveLength(6);
  });

  test('When a named session is revealed, then its chart stays live', async () => {
    const s = await newSession({ title: 'Live', minGroupSize: 2 });
    await joinAndComplete(t, s.code, 'N1', 'red', 'blue');
    await joinAndComplete(t, s.code, 'N2', 'green', 'blue');
    await anna.post(`/api/sessions/${s.id}/reveal`).expect(200);
    await joinAndComplete(t, s.code, 'N3', 'blue', 'red');
    const sum = await summary(s.id);
    expect(sum.published).toBeNull();
    expect(sum.drives.find((d: { drive: string }) => d.drive === 'blue').topCount).toBe(1);
  });
});

describe('quality statistics for a trainer', () => {
  test('When fewer than 10 have completed, then only the count, with the reason; from 10 on, the figures over the first 10 until 20', async () => {
    await addUser(t, 'bram@example.nl');
    const bram = await loggedIn(t, 'bram@example.nl');
    const s = (await bram.post('/api/sessions').send({ title: 'Q' }).expect(201)).body;
    await joinAndComplete(t, s.code, 'Q0', 'red', 'blue');
    const one = (await bram.get('/api/stats/quality').expect(200)).body;
    expect(one).toMatchObject({ n: 0, completed: 1, withheld: true, minGroup: 10, scope: 'own sessions' });
    expect(one).not.toHaveProperty('scales');
    expect(one).not.toHaveProperty('choices');
    const page = (await bram.get('/stats').expect(200)).text;
    expect(page).toContain('Er zijn 1 ingevulde profielen. Cijfers tonen we vanaf 10 profielen.');
    expect(page).not.toContain('data-table="items-purple"');
    expect((await bram.get('/stats?lang=en').expect(200)).text).toContain(
      'There are 1 completed profiles. We show figures from 10 profiles on: with fewer people, one person&#39;s answers could be worked out.',
    );

    // Ten in all (answers simulated, so the statistics are defined), then one more.
    const people = simulateRespondents(realContent().current, 10, 0.8, seededRandom(3));
    for (const [i, answers] of people.slice(0, 9).entries()) {
      const token = await createAssessment(t, { consent: true, sessionCode: s.code, name: `S${i}` });
      await t.http().put(`/api/assessments/${token}/answers`).send(answers).expect(200);
      await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    }
    const ten = (await bram.get('/api/stats/quality').expect(200)).body;
    expect(ten).toMatchObject({ n: 10, completed: 10, withheld: false, nextAt: 20 });
    const token = await createAssessment(t, { consent: true, sessionCode: s.code, name: 'S10' });
    await t.http().put(`/api/assessments/${token}/answers`).send(people[9]).expect(200);
    await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    const eleven = (await bram.get('/api/stats/quality').expect(200)).body;
    expect(eleven).toMatchObject({ n: 10, completed: 11 });
    expect(eleven.scales).toEqual(ten.scales);
    expect(eleven.choices).toEqual(ten.choices);
  });
});

describe('the privacy page', () => {
  test('When someone reads it, then it says what a trainer sees in named and anonymous sessions, before and after the reveal (nl and en)', async () => {
    const nl = (await t.http().get('/privacy').expect(200)).text;
    expect(nl).toContain('Wat de trainer ziet');
    expect(nl).toContain('Voordat de trainer het teambeeld toont, ziet de trainer alleen je naam (of schuilnaam) en hoe ver je bent.');
    expect(nl).toContain('In een anonieme sessie ziet de trainer daarna alleen cijfers van de hele groep');
    const en = (await t.http().get('/privacy?lang=en').expect(200)).text;
    expect(en).toContain('What the trainer sees');
    expect(en).toContain('In an anonymous session the trainer then sees only figures for the whole group');
  });
});
