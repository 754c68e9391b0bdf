import { runTool } from '../helpers/cli';
import { TEST_DATABASE_URL } from '../helpers/backend';

jest.setTimeout(90_000);

// The workshop load test across instances: 25 participants on instance 2, the trainer's stream on instance 1.
test('When 25 participants complete on one instance while the dashboard is on another, then answer a round, then no errors, every answer stored once, and the stream reports the last completion and the last answer', async () => {
  const result = await runTool('load-session', [
    '--smoke',
    '--participants',
    '25',
    '--round-seconds',
    '1',
    '--timeout',
    '60',
    '--postgres',
    TEST_DATABASE_URL,
    '--instances',
    '2',
  ]);
  expect(result.out).toContain('load test passed (smoke run: timings reported, not judged)');
  const report = JSON.parse(result.out.slice(result.out.indexOf('{'), result.out.lastIndexOf('}') + 1));
  expect(report).toMatchObject({
    backend: 'postgres',
    instances: 2,
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
