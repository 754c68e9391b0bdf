import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectVisibleFocus } from '../helpers/contrast';
import { expectReflowAtAllSizes, shot } from '../helpers/layout';

// Each page state is also opened at four screen sizes (reflow, axe-core): a longer budget than a single pass.
jest.setTimeout(240_000);
const suite = browserSuite([
  { email: 'consultant@example.nl', name: 'Kees Consultant', role: 'consultant', password: 'consultant-password' },
]);

async function readRemark(page: Page) {
  await page
    .locator('#text')
    .fill(
      'Waarom moeten we nu weer een ander pakket? Het oude systeem werkte prima en zo doen we het hier nu eenmaal. We hebben dit al eens geprobeerd.',
    );
  await page.getByLabel('Verwijst naar hoe het altijd ging').check();
  await page.getByRole('button', { name: 'Lees de drijfveren' }).click();
  await page.locator('.reading').waitFor();
}

test('A consultant reads a client remark, then maps the stakeholders of a project', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);

  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill('consultant@example.nl');
  await page.locator('#password').fill('consultant-password');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/reader');
  await expectNoSeriousAxeViolations(page, 'reader');
  await expectVisibleFocus(page, 'reader');

  await readRemark(page);
  expect(await page.locator('mark.drive--purple').count()).toBeGreaterThan(0);
  expect(await page.locator('.reading-table tbody tr').first().getAttribute('data-drive')).toBe('purple');
  expect(await page.locator('[data-advice="purple"] .examples li').count()).toBeGreaterThanOrEqual(2);
  await shot(page, path.join(SHOTS, 'reader.png'), true);
  await expectNoSeriousAxeViolations(page, 'reader with a reading');
  await expectReflowAtAllSizes(suite.browser, context, `${suite.server.url}/reader`, 'reader', SHOTS, readRemark);

  await page.getByRole('link', { name: 'Projecten' }).click();
  await expectNoSeriousAxeViolations(page, 'projects');
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'projects', SHOTS);
  await page.locator('#p-client').fill('Gemeente Zutphen');
  await page.locator('#p-system').fill('Zaaksysteem');
  await page.locator('#p-phase').fill('Implementatie');
  await page.getByRole('button', { name: 'Project aanmaken' }).click();
  await page.waitForURL(/\/projects\/[A-Za-z0-9_-]{16}$/);

  const people = [
    ['Wethouder Dienstverlening', '5', '1', 'orange'],
    ['Teamleider Burgerzaken', '4', '-2', 'purple'],
    ['Functioneel beheerder', '3', '0', 'yellow'],
    ['Privacy officer', '4', '-1', 'blue'],
  ] as const;
  for (const [name, influence, support, drive] of people) {
    await page.locator('details.add-stakeholder > summary').click();
    await page.locator('#s-name').fill(name);
    await page.locator('#s-influence').selectOption(influence);
    await page.locator('#s-support').selectOption(support);
    await page.locator('#s-drive1').selectOption(drive);
    await page.locator('details.add-stakeholder button[type=submit]').click();
    await page.locator(`tr[data-stakeholder]`, { hasText: name }).waitFor();
  }
  expect(await page.locator('tr[data-stakeholder]').count()).toBe(4);
  await page.waitForFunction(() => {
    const c = document.querySelector('canvas[data-chart-kind="scatter"]');
    const chart = (
      window as unknown as { Chart: { getChart(el: unknown): { data: { datasets: { data: unknown[] }[] } } | undefined } }
    ).Chart.getChart(c);
    return chart?.data.datasets[0]!.data.length === 4;
  });
  await shot(page, path.join(SHOTS, 'stakeholder-map.png'), true);
  await expectNoSeriousAxeViolations(page, 'project');
  await expectVisibleFocus(page, 'project', 20);
  const mapDrawn = (p: Page) => p.locator('canvas[data-chart-kind="scatter"]').waitFor();
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'project', SHOTS, mapDrawn);

  await page.getByRole('link', { name: 'Plan: met wie eerst?' }).click();
  expect(await page.locator('ol.plan > li h2').first().textContent()).toContain('Teamleider Burgerzaken');
  await expectNoSeriousAxeViolations(page, 'project plan');
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'project-plan', SHOTS);

  await page.getByRole('link', { name: 'Mijn profielen' }).click();
  await page.waitForURL('**/me');
  await expectNoSeriousAxeViolations(page, '/me');
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'me', SHOTS);
  expect(errors).toEqual([]);
  await context.close();
});
