import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../../src/paths';

jest.setTimeout(90_000);

// `npm run bench` takes about two minutes; this quick run (1 s per scenario) keeps the script from rotting.
test('When the benchmark runs in smoke mode, then every scenario answers without errors and the report lists every budget', async () => {
  const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const proc = spawn(process.execPath, [path.join(ROOT_DIR, 'dist', 'tools', 'bench.js'), '--smoke'], { env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.on('exit', (code) => resolve({ code, out }));
  });
  for (const scenario of ['bare Express "hello"', 'save one answer', 'questionnaire page', 'completed profile page', 'GET /api/model', 'session summary, 300 completed']) {
    expect(result.out).toMatch(new RegExp(`\\| ${scenario.replace(/[()/.,]/g, '\\$&')}[^|]*\\| \\d+ \\| \\d+ \\| \\d+ \\| 0 \\|`));
  }
  expect(result.out).toMatch(/live event to 20 listeners p99 < 250 ms \| \d+ ms/);
  expect(result.out).toMatch(/no errors under 10 connections \| 0 errors, 0 missed events \| yes/);
  expect(result.code).toBe(0);
});
