import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pruneOrphans, stamp, staleness } from '../../scripts/build-state';

/** A project in a temporary folder: src/ with the given files, each set to `at` (seconds since 1970). */
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function project(files: string[], at = 1_000_000): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-build-'));
  made.push(root);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), '');
  }
  setTimes(root, at);
  return root;
}
function setTimes(dir: string, at: number) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) setTimes(p, at);
    fs.utimesSync(p, at, at);
  }
  fs.utimesSync(dir, at, at);
}
const builtAt = (root: string, at: number) => fs.utimesSync(path.join(root, 'dist', '.built'), at, at);

test('When dist/ was never built, then it is stale with that reason', () => {
  expect(staleness(project(['src/app.ts']))).toBe('dist/ has not been built');
});

test('When a source file changes after the build, then dist/ is stale and the reason names the file', () => {
  const root = project(['src/app.ts', 'src/db/store.ts', 'tsconfig.json']);
  stamp(root);
  builtAt(root, 2_000_000);
  expect(staleness(root)).toBeNull();
  fs.utimesSync(path.join(root, 'src/db/store.ts'), 3_000_000, 3_000_000);
  expect(staleness(root)).toBe(`${path.join('src', 'db', 'store.ts')} changed after the last build`);
});

test('When a source file is deleted after the build, then dist/ is stale (its folder changed)', () => {
  const root = project(['src/app.ts', 'src/db/old.ts']);
  stamp(root);
  builtAt(root, 2_000_000);
  fs.rmSync(path.join(root, 'src/db/old.ts'));
  expect(staleness(root)).toBe(`${path.join('src', 'db')} changed after the last build`);
});

test('When a source became a folder, then the stamp removes the old compiled file that would shadow the new index', () => {
  const root = project(['src/db/migrations/index.ts', 'src/app.ts']);
  for (const f of ['db/migrations.js', 'db/migrations.js.map', 'db/migrations/index.js', 'app.js', 'gone/x.js']) {
    fs.mkdirSync(path.dirname(path.join(root, 'dist', f)), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', f), '');
  }
  expect(pruneOrphans(root).sort()).toEqual([
    path.join('db', 'migrations.js'),
    path.join('db', 'migrations.js.map'),
    path.join('gone', 'x.js'),
  ]);
  expect(fs.existsSync(path.join(root, 'dist/db/migrations/index.js'))).toBe(true);
  expect(fs.existsSync(path.join(root, 'dist/app.js'))).toBe(true);
  expect(fs.existsSync(path.join(root, 'dist/gone'))).toBe(false);
});
