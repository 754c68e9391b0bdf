import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../../src/paths';

jest.setTimeout(60_000);

// A small run of the workshop load test (npm run load-test runs 300), so the script cannot rot.
test('When 25 participants join and complete at once, then no errors, every answer stored, and the stream reports the last completion within 1 s', async () => {
  const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const proc = spawn(process.execPath, [path.join(ROOT_DIR, 'dist', 'tools', 'load-session.js'), '--participants', '25', '--timeout', '50'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.on('exit', (code) => resolve({ code, out }));
  });
  expect(result.out).toContain('load test passed');
  const report = JSON.parse(result.out.slice(result.out.indexOf('{'), result.out.lastIndexOf('}') + 1));
  expect(report).toMatchObject({ backend: 'sqlite', instances: 1, participants: 25, errors: 0, stored: { likert: 1200, choice: 300, completed: 25 } });
  expect(report.lastCompletionToEventMs).toBeLessThanOrEqual(1000);
  expect(result.code).toBe(0);
});
