import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ROOT_DIR } from '../../src/paths';

/** Loads jest.config.js in a fresh process with the given TEST_DATABASE_URL, as `npm test` does. */
function loadJestConfig(url: string | undefined) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  if (url !== undefined) env.TEST_DATABASE_URL = url;
  const r = spawnSync(
    process.execPath,
    ['-e', 'console.error(JSON.stringify(require("./jest.config.js").projects.map((p) => p.displayName)))'],
    { cwd: ROOT_DIR, env, encoding: 'utf8' },
  );
  return { stdout: r.stdout, projects: JSON.parse(r.stderr) as string[] };
}

test('Without TEST_DATABASE_URL, npm test runs the SQLite suite and says in one line that the PostgreSQL suite needs it', () => {
  const { stdout, projects } = loadJestConfig(undefined);
  expect(projects).toEqual(['sqlite']);
  expect(stdout.trim().split('\n')).toHaveLength(1);
  expect(stdout).toMatch(/^PostgreSQL suite not run: it needs TEST_DATABASE_URL/);
});

test('With TEST_DATABASE_URL, the suite runs on SQLite and on PostgreSQL, silently', () => {
  const { stdout, projects } = loadJestConfig('postgres://root@127.0.0.1:5432/test');
  expect(projects).toEqual(['sqlite', 'postgres']);
  expect(stdout).toBe('');
});

test('On PostgreSQL the live browser journeys run, the others only with DRIJFVEER_PG_JOURNEYS=all', () => {
  const journeys = (extra: Record<string, string>) => {
    const r = spawnSync(
      process.execPath,
      ['-e', 'console.error(JSON.stringify(require("./jest.config.js").projects[1].testMatch.filter((m) => m.includes("/browser/"))))'],
      { cwd: ROOT_DIR, env: { PATH: process.env.PATH ?? '', TEST_DATABASE_URL: 'postgres://x/y', ...extra }, encoding: 'utf8' },
    );
    return JSON.parse(r.stderr) as string[];
  };
  const live = journeys({});
  expect(live).toContain('<rootDir>/test/browser/workshop.test.ts');
  expect(live).toContain('<rootDir>/test/browser/studio-trainer.test.ts');
  expect(live).not.toContain('<rootDir>/test/browser/self-assessment.test.ts');
  // Every name in the list is a journey that exists, so a renamed file cannot drop out of the PostgreSQL run unnoticed.
  for (const m of live) expect(fs.existsSync(m.replace('<rootDir>', ROOT_DIR))).toBe(true);
  expect(journeys({ DRIJFVEER_PG_JOURNEYS: 'all' })).toEqual(['<rootDir>/test/browser/**/*.test.ts']);
});

test('With DRIJFVEER_PG_JOURNEYS=all, every journey runs on PostgreSQL but the page-check tests and the navigation menu', () => {
  const r = spawnSync(process.execPath, ['node_modules/.bin/jest', '--listTests', '--selectProjects', 'postgres'], {
    cwd: ROOT_DIR,
    env: { PATH: process.env.PATH ?? '', TEST_DATABASE_URL: 'postgres://x/y', DRIJFVEER_PG_JOURNEYS: 'all' },
    encoding: 'utf8',
  });
  const browser = r.stdout
    .split('\n')
    .filter((f) => f.includes('/test/browser/'))
    .map((f) => f.replace(/.*\/test\/browser\//, ''))
    .sort();
  const all = fs.readdirSync(`${ROOT_DIR}/test/browser`).filter((f) => f.endsWith('.test.ts'));
  expect(browser).toEqual(all.filter((f) => !['page-checks.test.ts', 'navigation.test.ts'].includes(f)).sort());
});
