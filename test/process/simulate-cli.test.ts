import { openSqliteStore } from '../../src/db/sqlite/store';
import { runCli } from '../helpers/cli';
import { tempDatabase } from '../helpers/server';

jest.setTimeout(60_000);

const cli = (db: string, args: string[]) => runCli(args, { DATABASE_PATH: db });

/** How many stored profiles carry the careless flag. */
async function flagged(db: string): Promise<{ n: number; careless: number }> {
  const store = openSqliteStore(db);
  try {
    const profiles = (await store.stats.completed('2', null)).map((r) => r.profile);
    return { n: profiles.length, careless: profiles.filter((p) => p.flags.includes('careless')).length };
  } finally {
    await store.close();
  }
}

test('When simulate adds random responders, then it says so and most of them carry the careless flag; without threats few do', async () => {
  const honest = tempDatabase();
  expect((await cli(honest, ['simulate', '--n', '100', '--seed', '3'])).out).toBe(
    'Added 100 simulated profiles (model version 2, reliability 0.8, seed 3).\n',
  );
  const noisy = tempDatabase();
  expect((await cli(noisy, ['simulate', '--n', '100', '--seed', '3', '--random', '1', '--correlation', '0.3'])).out).toBe(
    'Added 100 simulated profiles (model version 2, reliability 0.8, seed 3; correlation 0.3, random 1).\n',
  );
  const a = await flagged(honest);
  const b = await flagged(noisy);
  expect({ n: a.n, fewFlagged: a.careless <= 10 }).toEqual({ n: 100, fewFlagged: true });
  expect({ n: b.n, mostFlagged: b.careless >= 70 }).toEqual({ n: 100, mostFlagged: true });
});

test.each([
  [['--random', '2'], '--random must be a number from 0 to 1, e.g. 0.1.'],
  [['--straight-lining', 'x'], '--straight-lining must be a number from 0 to 1, e.g. 0.05.'],
  [['--correlation', '0.99'], '--correlation must be a number from 0 to 0.95, e.g. 0.3.'],
  [['--n', '1.5'], '--n must be a whole number from 1 to 100000.'],
])('When simulate gets %j, then it explains the option and adds nothing', async (args, message) => {
  const db = tempDatabase();
  const res = await cli(db, ['simulate', ...args]);
  expect(res.code).not.toBe(0);
  expect(res.out + res.err).toContain(message);
  expect((await flagged(db)).n).toBe(0);
});
