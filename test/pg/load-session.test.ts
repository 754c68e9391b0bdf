import { runTool } from '../helpers/cli';
import { TEST_DATABASE_URL } from '../helpers/backend';

jest.setTimeout(90_000);

// The workshop load test across instances: 25 participants on instance 2, the trainer's stream on instance 1.
test('When 25 participants complete on one instance while the dashboard is on another, then answer a round, then no errors, every answer stored once, and the last completion and last answer show within 1 s', async () => {
  const result = await runTool('load-session', [
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
  expect(result.out).toContain('load test passed');
  const report = JSON.parse(result.out.slice(result.out.indexOf('{'), result.out.lastIndexOf('}') + 1));
  expect(report).toMatchObject({
    backend: 'postgres',
    instances: 2,
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
