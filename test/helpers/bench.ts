import { runTool } from './cli';

/** Runs the benchmark in smoke mode (200 requests per scenario) with extra arguments. */
export const runBenchSmoke = (args: string[] = []) => runTool('bench', ['--smoke', ...args]);

/** Every scenario answered without errors and the report lists every budget. */
export function expectSmokeReport(result: { code: number | null; out: string }) {
  for (const scenario of [
    'bare Express "hello"',
    'save one answer',
    'questionnaire page',
    'completed profile page',
    'GET /api/model',
    'session summary, 30 completed',
  ]) {
    expect(result.out).toMatch(new RegExp(`\\| ${scenario.replace(/[()/.,]/g, '\\$&')}[^|]*\\| \\d+ \\| \\d+ \\| \\d+ \\| 0 \\|`));
  }
  expect(result.out).toMatch(/live event to 20 listeners p99 < 250 ms \| \d+ ms/);
  expect(result.out).toMatch(/exercise answer → trainer's stream p99 < 300 ms \(30 answers in 1 s\) \| \d+ ms .*30 stored once: yes/);
  expect(result.out).toMatch(/no errors under 10 connections \| 0 errors, 0 missed events \| yes/);
  expect(result.code).toBe(0);
}
