import { expectSmokeReport, runBenchSmoke } from '../helpers/bench';

jest.setTimeout(90_000);

// `npm run bench` takes about two minutes; this quick run (200 requests per scenario) keeps the script from rotting.
test('When the benchmark runs in smoke mode, then every scenario answers without errors and the report lists every budget', async () => {
  const result = await runBenchSmoke();
  expect(result.out).toMatch(/### Run of .* UTC on SQLite:/);
  expectSmokeReport(result);
});
