import { MAX_BATCH_CHARS, MAX_BATCH_TEXTS } from '../../src/services/reader';
import { loadContent, type Content } from '../../src/content/load';
import { DATA_DIR } from '../../src/paths';
import { addUser, loggedIn, makeApp, type TestApp } from '../helpers/app';

let t: TestApp;
let carla: Awaited<ReturnType<typeof loggedIn>>;
beforeAll(async () => {
  t = await makeApp();
  await addUser(t, 'carla@example.nl', 'consultant');
  carla = await loggedIn(t, 'carla@example.nl');
});

const corrections = () =>
  t.db.sql<{ user_id: number; lang: string; read_drive: string; drive: string; consent: number | boolean; text: string | null }>(
    'SELECT user_id, lang, read_drive, drive, consent, text FROM reader_corrections ORDER BY id',
  );
const correctionsOf = async (userId: number) => Number(await t.db.one('SELECT count(*) FROM reader_corrections WHERE user_id = ?', userId));

describe('POST /api/recognize (second generation)', () => {
  test('A reading has all six drives with calibrated probabilities, the confidence in words and three layers of evidence', async () => {
    const res = await carla
      .post('/api/recognize')
      .send({ text: 'Wie is er verantwoordelijk als het misgaat, en waar staat dat beschreven?' })
      .expect(200);
    expect(res.body.drives).toHaveLength(6);
    expect(res.body.drives[0]).toMatchObject({ drive: 'blue', probability: expect.any(Number), score: expect.any(Number) });
    const total = res.body.drives.reduce((a: number, d: { probability: number }) => a + d.probability, 0);
    expect(total).toBeCloseTo(1, 2);
    expect(['high', 'medium', 'low']).toContain(res.body.confidence);
    expect(typeof res.body.close).toBe('boolean');
    expect(res.body.drives[0].evidence.map((e: { match: string }) => e.match)).toContain('verantwoordelijk');
    expect(res.body.words[0]).toMatchObject({ word: expect.any(String), drive: expect.any(String), weight: expect.any(Number) });
    expect(res.body.similar[0]).toMatchObject({ id: expect.any(String), text: expect.any(String), drive: expect.any(String) });
  });
});

describe('POST /api/recognize/batch', () => {
  test('Many texts at once: one reading per text in order, and overall the mean probability per drive', async () => {
    const texts = ['Wat levert het op in euro en in doorlooptijd?', 'Wie keurt dit goed, en waar staat dat?', 'Has everyone been heard?'];
    const res = await carla.post('/api/recognize/batch').send({ texts }).expect(200);
    expect(res.body.items.map((i: { drives: { drive: string }[] }) => i.drives[0]!.drive)).toEqual(['orange', 'blue', 'green']);
    expect(res.body.items[2].lang).toBe('en');
    const overall = res.body.overall.drives as { drive: string; score: number }[];
    expect(overall).toHaveLength(6);
    const mean = (drive: string) =>
      Math.round(
        (res.body.items.reduce(
          (a: number, i: { drives: { drive: string; probability: number }[] }) => a + i.drives.find((d) => d.drive === drive)!.probability,
          0,
        ) /
          3) *
          100,
      );
    for (const d of overall) expect(Math.abs(d.score - mean(d.drive))).toBeLessThanOrEqual(1);
  });

  test('A language given applies to every text', async () => {
    const res = await carla
      .post('/api/recognize/batch')
      .send({ texts: ['Prima.', 'Ok'], lang: 'en' })
      .expect(200);
    expect(res.body.items.map((i: { lang: string }) => i.lang)).toEqual(['en', 'en']);
  });

  test('A text with nothing the reader knows ("?!") is read as a guess and does not move the overall picture', async () => {
    const one = await carla
      .post('/api/recognize/batch')
      .send({ texts: ['Wat levert het op in euro en in doorlooptijd?'] })
      .expect(200);
    const res = await carla
      .post('/api/recognize/batch')
      .send({ texts: ['Wat levert het op in euro en in doorlooptijd?', '?!'] })
      .expect(200);
    expect(res.body.items[1]).toMatchObject({ signal: false, confidence: 'low' });
    expect(res.body.overall).toEqual(one.body.overall);
  });

  test.each([
    ['no texts', { texts: [] }, 'texts'],
    ['no list', { text: 'x' }, 'texts'],
    ['an empty text', { texts: ['Goed.', '   '] }, 'texts'],
    [`more than ${MAX_BATCH_TEXTS} texts`, { texts: Array.from({ length: MAX_BATCH_TEXTS + 1 }, () => 'Wie beslist?') }, 'texts'],
    [`more than ${MAX_BATCH_CHARS} characters in all`, { texts: Array.from({ length: 6 }, () => 'a'.repeat(17_000)) }, 'texts'],
    ['a text over 20,000 characters', { texts: ['a'.repeat(20_001)] }, 'texts.0'],
    ['an unknown language', { texts: ['Hoi'], lang: 'de' }, 'lang'],
  ])('When the batch has %s, then 400 names the field and nothing is read', async (_name, body, field) => {
    const res = await carla.post('/api/recognize/batch').send(body).expect(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    expect(JSON.stringify(res.body.error.details)).toContain(field);
  });

  test('Without logging in the batch is refused (401)', async () => {
    await t
      .http()
      .post('/api/recognize/batch')
      .send({ texts: ['Wie beslist?'] })
      .expect(401);
  });
});

describe('POST /api/recognize/corrections', () => {
  test('With consent the text is stored with both drives; without it only the drives and the language', async () => {
    const before = (await corrections()).length;
    const withText = await carla
      .post('/api/recognize/corrections')
      .send({ text: 'Wanneer gaat dit live?', drive: 'orange', consent: true })
      .expect(201);
    expect(withText.body).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/), read: 'red', drive: 'orange', textKept: true });
    const without = await carla.post('/api/recognize/corrections').send({ text: 'Wie beslist dit eigenlijk?', drive: 'red' }).expect(201);
    expect(without.body.textKept).toBe(false);
    const rows = (await corrections()).slice(before);
    expect(rows.map((r) => [r.lang, r.read_drive, r.drive, Boolean(r.consent), r.text])).toEqual([
      ['nl', 'red', 'orange', true, 'Wanneer gaat dit live?'],
      ['nl', without.body.read, 'red', false, null],
    ]);
  });

  test('The drive stored as "read" is the one the consultant saw: with the same behaviours ticked', async () => {
    const before = (await corrections()).length;
    const seen = await carla
      .post('/api/recognize')
      .send({ text: 'Hm.', lang: 'nl', behaviours: ['wants-numbers'] })
      .expect(200);
    const saved = await carla
      .post('/api/recognize/corrections')
      .send({ text: 'Hm.', lang: 'nl', behaviours: ['wants-numbers'], drive: 'green' })
      .expect(201);
    expect(saved.body.read).toBe(seen.body.drives[0].drive);
    expect(seen.body.drives[0].drive).toBe('orange');
    expect((await corrections()).slice(before)[0]).toMatchObject({ read_drive: 'orange', drive: 'green' });
  });

  test('A behaviour ticked twice counts once', async () => {
    const once = await carla
      .post('/api/recognize')
      .send({ text: 'Hm.', lang: 'nl', behaviours: ['wants-numbers'] })
      .expect(200);
    const twice = await carla
      .post('/api/recognize')
      .send({ text: 'Hm.', lang: 'nl', behaviours: ['wants-numbers', 'wants-numbers'] })
      .expect(200);
    expect(twice.body.drives).toEqual(once.body.drives);
  });

  test.each([
    ['an unknown drive', { text: 'Wie beslist?', drive: 'pink' }],
    ['no drive', { text: 'Wie beslist?' }],
    ['an empty text', { text: '  ', drive: 'red' }],
    ['consent as text', { text: 'Wie beslist?', drive: 'red', consent: 'yes' }],
    ['an unknown field', { text: 'Wie beslist?', drive: 'red', userId: 1 }],
  ])('When a correction has %s, then 400 and nothing is stored', async (_name, body) => {
    const before = (await corrections()).length;
    const res = await carla.post('/api/recognize/corrections').send(body).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect((await corrections()).length).toBe(before);
  });

  test('Without logging in a correction is refused (401) and nothing is stored', async () => {
    const before = (await corrections()).length;
    await t.http().post('/api/recognize/corrections').send({ text: 'Wie beslist?', drive: 'red', consent: true }).expect(401);
    expect((await corrections()).length).toBe(before);
  });

  test("Deleting the consultant's account deletes their corrections", async () => {
    const user = await addUser(t, 'eva@example.nl', 'consultant');
    const eva = await loggedIn(t, 'eva@example.nl');
    await eva.post('/api/recognize/corrections').send({ text: 'Dit moet sneller.', drive: 'red', consent: true }).expect(201);
    expect(await correctionsOf(user.id)).toBe(1);
    await t.store.users.remove('eva@example.nl');
    expect(await correctionsOf(user.id)).toBe(0);
  });
});

describe('The trained model is loaded on first use', () => {
  test('An app serves its pages without touching the model, and loads it at the first remark it reads', async () => {
    // Content of its own (not the file's shared copy, which earlier tests have loaded), with a getter that counts.
    const fresh = loadContent(DATA_DIR, { lazy: true });
    let loads = 0;
    const reader = fresh.reader;
    const content: Content = {
      ...fresh,
      reader: {
        lexicons: reader.lexicons,
        advice: reader.advice,
        get model() {
          loads++;
          return reader.model;
        },
      },
    };
    const own = await makeApp({}, { content });
    await addUser(own, 'rik@example.nl', 'consultant');
    const rik = await loggedIn(own, 'rik@example.nl');
    await rik.get('/').expect(200);
    await rik.get('/api/model').expect(200);
    await rik.get('/reader').expect(200);
    expect(loads).toBe(0);
    const res = await rik.post('/api/recognize').send({ text: 'Wat levert het op in euro en in doorlooptijd?' }).expect(200);
    expect(res.body.drives[0].drive).toBe('orange');
    expect(loads).toBeGreaterThan(0);
  });
});
