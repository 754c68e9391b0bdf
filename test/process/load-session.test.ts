import { runTool } from '../helpers/cli';

jest.setTimeout(60_000);

// A small run of the workshop load test (npm run load-test runs 300), so the script cannot rot.
test('When 25 participants join and complete at once, then answer a round, then no errors, every answer stored once, and the stream reports the last completion and the last answer within 1 s', async () => {
  const result = await runTool('load-session', ['--participants', '25', '--round-seconds', '1', '--timeout', '50']);
  expect(result.out).toContain('load test passed');
  const report = JSON.parse(result.out.slice(result.out.indexOf('{'), result.out.lastIndexOf('}') + 1));
  expect(report).toMatchObject({
    backend: 'sqlite',
    instances: 1,
    participants: 25,
    errors: 0,
    stored: { likert: 1200, choice: 300, completed: 25 },
  });
  expect(report.lastCompletionToEventMs).toBeLessThanOrEqual(1000);
  expect(report.round).toMatchObject({ answers: 25, errors: 0, storedOnce: true });
  expect(report.round.lastAnswerToEventMs).toBeLessThanOrEqual(1000);
  expect(report.round.answerToEventMs.p99).toBeLessThan(300);
  expect(result.code).toBe(0);
});
