import { runTool } from '../helpers/cli';

jest.setTimeout(60_000);

// A small run of the workshop load test (npm run load-test runs 300), so the script cannot rot.
test('When 25 participants join and complete at once, then answer a round, then no errors, every answer stored once, and the stream reports the last completion and the last answer', async () => {
  const result = await runTool('load-session', ['--participants', '25', '--round-seconds', '1', '--timeout', '50', '--smoke']);
  expect(result.out).toContain('load test passed (smoke run: timings reported, not judged)');
  const report = JSON.parse(result.out.slice(result.out.indexOf('{'), result.out.lastIndexOf('}') + 1));
  expect(report).toMatchObject({
    backend: 'sqlite',
    instances: 1,
    participants: 25,
    errors: 0,
    stored: { likert: 1200, choice: 300, completed: 25 },
  });
  // The stream reported the last completion and the last answer (their timings are judged in the full run and the benchmark).
  expect(report.lastCompletionToEventMs).not.toBeNull();
  expect(report.round).toMatchObject({ answers: 25, errors: 0, storedOnce: true });
  expect(report.round.lastAnswerToEventMs).not.toBeNull();
  expect(report.round.answerToEventMs.p99).toEqual(expect.any(Number));
  expect(result.code).toBe(0);
});
