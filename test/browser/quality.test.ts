import path from 'node:path';
import { runCli } from '../helpers/cli';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectReflowAtAllSizes, shot } from '../helpers/layout';
import type { ServerDb } from '../helpers/server';

jest.setTimeout(120_000);

const cli = async (db: ServerDb, args: string[]) => {
  const res = await runCli(args, db.env);
  if (res.code !== 0) throw new Error(res.out + res.err);
  return res.out;
};

const suite = browserSuite([{ email: 'admin@example.nl', name: 'Ada Admin', role: 'admin', password: 'admin-password-1' }], async (db) => {
  expect(await cli(db, ['simulate', '--n', '300', '--reliability', '0.8', '--seed', '42'])).toMatch(
    /Added 300 simulated profiles \(model version 2, reliability 0.8, seed 42\)/,
  );
});

test('An admin opens the quality page after simulate and sees the reliability table, the chart and the norms section', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill('admin@example.nl');
  await page.locator('#password').fill('admin-password-1');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/trainer');
  await page.getByRole('link', { name: 'Kwaliteit' }).click();
  await page.waitForURL('**/stats');
  expect(await page.locator('h1').textContent()).toBe('Hoe goed meet de vragenlijst?');
  expect(await page.locator('[data-table="reliability"] tbody tr').count()).toBe(6);
  // Simulated with reliability 0.8: every scale's alpha lands near it (300 people: a wider margin than the unit test with 1000).
  // Written the Dutch way, with a decimal comma.
  for (const cell of await page.locator('[data-table="reliability"] tbody tr td:nth-child(4)').allTextContents()) {
    expect(cell).toMatch(/^0,\d+$/);
    expect(Math.abs(Number(cell.replace(',', '.')) - 0.8)).toBeLessThan(0.1);
  }
  await page.waitForFunction(() =>
    Boolean(
      (window as unknown as { Chart: { getChart(el: unknown): unknown } }).Chart.getChart(
        document.querySelector('canvas[data-chart-kind="bar"]'),
      ),
    ),
  );
  await page.getByRole('button', { name: 'Normtabel bevriezen (nu)' }).click();
  await page.locator('[data-table="norm-tables"] tbody tr').first().waitFor();
  await shot(page, path.join(SHOTS, 'quality.png'), true);
  await expectNoSeriousAxeViolations(page, '/stats');
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'stats', SHOTS);
  expect(errors).toEqual([]);
});
