import { runTool } from '../helpers/cli';

jest.setTimeout(60_000);

// A small run of the workshop load test (npm run load-test runs 300), so the script cannot rot.
test('When 25 participants join and complete at once, then no errors, every answer stored, and the stream reports the last completion within 1 s', async () => {
  const result = await runTool('load-session', ['--participants', '25', '--timeout', '50']);
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
  expect(result.code).toBe(0);
});
