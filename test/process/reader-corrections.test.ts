import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/db/sqlite/store';
import { correctionsFileSchema } from '../../src/domain/reader/corrections';
import { modelFileSchema } from '../../src/domain/reader/classifier';
import { DATA_DIR } from '../../src/paths';
import { trainModels } from '../../src/tools/reader-train';
import { runCli } from '../helpers/cli';
import { tempDatabase } from '../helpers/server';

jest.setTimeout(60_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drijfveer-corrections-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function seed(db: string) {
  const store = openSqliteStore(db);
  const user = await store.users.create({
    email: 'carla@example.nl',
    name: 'Carla',
    role: 'consultant',
    passwordHash: 'x',
    now: '2026-12-01T10:00:00Z',
  });
  if (user === 'email_taken') throw new Error('seed');
  const add = (text: string, drive: 'red' | 'blue', consent: boolean, lang: 'nl' | 'en' = 'nl') =>
    store.readerCorrections.add({
      publicId: `c-${text.length}-${drive}`,
      userId: user.id,
      lang,
      readDrive: 'orange',
      drive,
      consent,
      text,
      createdAt: '2026-12-01T10:00:00Z',
    });
  await add('Wie beslist hier eigenlijk over?', 'red', true);
  await add('Dit mag niemand weten.', 'blue', false);
  await add('Who signs this off, and where is it written?', 'blue', true, 'en');
  await store.close();
}

test('The export holds only corrections with consent, without names or accounts, all unreviewed; an existing file is not overwritten', async () => {
  const db = tempDatabase();
  await seed(db);
  const out = path.join(dir, 'corrections.json');
  const res = await runCli(['reader-corrections', 'export', '--out', out], { DATABASE_PATH: db });
  expect(res.code).toBe(0);
  expect(res.out).toContain('Wrote 2 corrections');
  const file = correctionsFileSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
  expect(file.corrections.map((c) => [c.lang, c.text, c.read, c.drive, c.reviewed])).toEqual([
    ['nl', 'Wie beslist hier eigenlijk over?', 'orange', 'red', false],
    ['en', 'Who signs this off, and where is it written?', 'orange', 'blue', false],
  ]);
  const raw = fs.readFileSync(out, 'utf8');
  expect(raw).not.toContain('carla');
  expect(raw).not.toContain('Dit mag niemand weten');

  const again = await runCli(['reader-corrections', 'export', '--out', out], { DATABASE_PATH: db });
  expect(again.code).not.toBe(0);
  expect(again.err + again.out).toContain('already exists');
});

test('Training with a corrections file learns only from the reviewed ones, and says how many it left out', () => {
  const file = path.join(dir, 'reviewed.json');
  const c = (id: string, reviewed: boolean) => ({
    id,
    lang: 'nl',
    text: `Ik beslis zelf wanneer mijn team overstapt (${id}).`,
    read: 'green',
    drive: 'red',
    also: [],
    createdAt: '2026-12-01T10:00:00Z',
    reviewed,
  });
  fs.writeFileSync(
    file,
    JSON.stringify({ format: 'drijfveer-reader-corrections/1', exportedAt: 'x', corrections: [c('a', true), c('b', false)] }),
  );
  const lines: string[] = [];
  // Small settings: this checks the plumbing, not the model (npm run reader:train uses the full ones).
  trainModels({
    dataDir: DATA_DIR,
    withFile: file,
    outDir: dir,
    settings: { l2Grid: [1e-3], lexiconWeightGrid: [0.5], iterations: 3, minRemarks: 3 },
    log: (l) => lines.push(l),
  });
  expect(lines[0]).toContain('1 reviewed corrections used, 1 not reviewed and left out');
  const nl = modelFileSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'model.nl.json'), 'utf8')));
  const en = modelFileSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'model.en.json'), 'utf8')));
  expect([nl.corrections, en.corrections]).toEqual([1, 0]);
  expect(nl.crossValidation.n).toBe(nl.corpus.remarks + 1);
});
