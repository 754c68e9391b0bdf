import { TEST_DATABASE_URL } from '../helpers/backend';
import { expectSmokeReport, runBenchSmoke } from '../helpers/bench';

jest.setTimeout(90_000);

test('When the benchmark runs on PostgreSQL in smoke mode, then every scenario answers without errors and the report says PostgreSQL', async () => {
  const result = await runBenchSmoke(['--postgres', TEST_DATABASE_URL]);
  expect(result.out).toMatch(/### Run of .* UTC on PostgreSQL at /);
  expectSmokeReport(result);
});
