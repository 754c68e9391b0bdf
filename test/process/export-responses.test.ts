import fs from 'node:fs';
import path from 'node:path';
import type { Content } from '../../src/content/load';
import { openSqliteStore } from '../../src/db/sqlite/store';
import type { Answers } from '../../src/domain/answers';
import type { ModelIndex } from '../../src/domain/model-index';
import { createAssessmentService } from '../../src/services/assessments';
import { runCli } from '../helpers/cli';
import { realContent } from '../helpers/content';
import { tempDatabase } from '../helpers/server';

jest.setTimeout(30_000);

const cli = (db: string, args: string[]) => runCli(args, { DATABASE_PATH: db });

/** Answers that differ per item, so a column mix-up shows: statement i gets (i mod 5) + 1 + shift. */
function answersFor(index: ModelIndex, shift: number): Answers {
  const m = index.model;
  return {
    likert: Object.fromEntries(m.likert.items.map((it, i) => [it.id, ((i + shift) % 5) + 1])),
    choice: Object.fromEntries(
      m.choice.items.map((s, i) => [s.id, { most: s.options[(i + shift) % 6]!.id, least: s.options[(i + shift + 1) % 6]!.id }]),
    ),
  };
}

/** Two completed v2 profiles (named, nl and en), an unfinished v2 one and a completed v1 one. */
async function seed(db: string) {
  const store = openSqliteStore(db);
  const real = realContent();
  const v1: Content = { ...real, models: new Map([['1', real.models.get('1')!]]), current: real.models.get('1')! };
  const tokens: string[] = [];
  const add = async (content: Content, lang: 'nl' | 'en', name: string | null, answers: Answers | null) => {
    const service = createAssessmentService(store, content);
    const { token } = await service.create({ lang, name });
    tokens.push(token);
    if (answers) {
      await service.saveAnswers(token, answers);
      await service.complete(token);
    }
  };
  const v2 = real.models.get('2')!;
  await add(real, 'nl', 'Anna de Wit', answersFor(v2, 0));
  await add(real, 'en', 'Bram Jansen', answersFor(v2, 2));
  await add(real, 'nl', 'Cor Unfinished', null);
  await add(v1, 'nl', 'Dirk Versie Een', answersFor(real.models.get('1')!, 1));
  await store.close();
  return tokens;
}

function expectedRow(index: ModelIndex, lang: string, answers: Answers): string[] {
  return [
    index.model.version,
    lang,
    ...index.model.likert.items.map((i) => String(answers.likert[i.id])),
    ...index.model.choice.items.flatMap((s) => [answers.choice[s.id]!.most, answers.choice[s.id]!.least]),
  ];
}

test('When export-responses runs for version 2, then the CSV has one anonymous row per completed v2 profile, with every item, and nothing that says who', async () => {
  const db = tempDatabase();
  const tokens = await seed(db);
  const res = await cli(db, ['export-responses', '--model-version', '2']);
  expect(res.code).toBe(0);
  expect(res.err).toBe('Exported 2 anonymised responses (model version 2).\n');

  const [header, ...rows] = res.out
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
  const v2 = realContent().models.get('2')!;
  const likert = v2.model.likert.items.map((i) => i.id);
  expect(likert).toHaveLength(48);
  expect(header).toEqual([
    'row_id',
    'model_version',
    'lang',
    ...likert,
    ...v2.model.choice.items.flatMap((s) => [`${s.id}_most`, `${s.id}_least`]),
  ]);
  expect(header).toContain('L01');
  expect(header).toContain('L48');
  expect(header!.slice(-2)).toEqual(['S12_most', 'S12_least']);
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row).toHaveLength(header!.length);
    expect(row[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }
  expect(rows.map((r) => r.slice(1)).sort()).toEqual(
    [expectedRow(v2, 'nl', answersFor(v2, 0)), expectedRow(v2, 'en', answersFor(v2, 2))].sort(),
  );
  for (const secret of ['Anna', 'Bram', 'Cor', 'Dirk', ...tokens]) expect(res.out).not.toContain(secret);
  expect(res.out).not.toMatch(/\d{4}-\d{2}-\d{2}/);

  // Another export makes new row ids: two exports cannot be joined on them.
  const again = await cli(db, ['export-responses', '--model-version', '2']);
  const ids = (csv: string) =>
    csv
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
  expect(ids(again.out).some((id) => ids(res.out).includes(id))).toBe(false);

  // Version 1 has its own completed profile only.
  const old = await cli(db, ['export-responses', '--model-version', '1']);
  expect(
    old.out
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').slice(1)),
  ).toEqual([expectedRow(realContent().models.get('1')!, 'nl', answersFor(realContent().models.get('1')!, 1))]);

  // Each export is in the audit log: by the command line, with the version and the count, and nothing else.
  const store = openSqliteStore(db);
  const logged = (await store.audit.all({ action: 'export.responses' }, 10)).reverse();
  await store.close();
  expect(logged.map((r) => [r.actor, r.target, r.detail.modelVersion])).toEqual([
    ['cli', null, '2'],
    ['cli', null, '2'],
    ['cli', null, '1'],
  ]);
  expect(logged[2]!.detail).toEqual({ modelVersion: '1', rows: 1 });
});

test('When --out names a file, then the CSV goes there and an existing file is not overwritten', async () => {
  const db = tempDatabase();
  await seed(db);
  const file = path.join(path.dirname(db), 'responses.csv');
  const res = await cli(db, ['export-responses', '--model-version', '2', '--out', file]);
  expect(res).toMatchObject({ code: 0, out: `Wrote 2 anonymised responses (model version 2) to ${file}.\n` });
  expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^row_id,model_version,lang,L01,L02,/);
  const twice = await cli(db, ['export-responses', '--model-version', '2', '--out', file]);
  expect(twice.code).toBe(1);
  expect(twice.err).toMatch(/responses\.csv already exists; give a new file name with --out\./);
});

test.each([
  ['an unknown version', ['--model-version', '9'], /--model-version "9" does not exist; installed versions: 1, 2\./],
  ['no version', [], /--model-version is required/],
])('When export-responses is given %s, then it exits 1 with a clear message and writes no CSV', async (_c, args, message) => {
  const res = await cli(tempDatabase(), ['export-responses', ...args]);
  expect(res.code).toBe(1);
  expect(res.err).toMatch(message);
  expect(res.out).toBe('');
});
