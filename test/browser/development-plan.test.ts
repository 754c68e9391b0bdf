import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectReflowAtAllSizes } from '../helpers/layout';

// Each page state is also opened at four screen sizes (reflow, axe-core): a longer budget than a single pass.
jest.setTimeout(240_000);
const suite = browserSuite([
  { email: 'olga@example.nl', name: 'Olga de Vries', role: 'consultant', password: 'consultant-password' },
  { email: 'mees@example.nl', name: 'Mees Jansen', role: 'consultant', password: 'consultant-password' },
]);

async function logIn(email: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('consultant-password');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/reader');
  return { context, page, errors };
}

test('A consultant shares a project with a colleague, who turns a logged concern into an action of the development plan', async () => {
  const olga = await logIn('olga@example.nl');
  const { page } = olga;
  await page.goto(`${suite.server.url}/projects`);
  await page.locator('#p-client').fill('Gemeente Zwolle');
  await page.locator('#p-system').fill('Zaaksysteem');
  await page.getByRole('button', { name: 'Project aanmaken' }).click();
  await page.waitForURL(/\/projects\/[A-Za-z0-9_-]{16}$/);
  const projectUrl = page.url();
  const id = projectUrl.split('/').pop()!;
  // A stakeholder with a logged remark (the contact log has its API; its page is another area's).
  const api = `${suite.server.url}/api/projects/${id}`;
  const headers = { Origin: suite.server.url };
  const s = await (
    await page.request.post(`${api}/stakeholders`, { data: { name: 'Hoofd Archief', influence: 4, support: -1 }, headers })
  ).json();
  const remark = 'Ik wil eerst precies weten welke procedures en regels er gelden, alles moet goed vastgelegd worden.';
  const logged = await page.request.post(`${api}/stakeholders/${s.id}/contacts`, { data: { date: '2026-11-20', remark }, headers });
  expect(logged.status()).toBe(201);

  // Olga adds Mees on the project page.
  await page.goto(projectUrl);
  await page.locator('#member-email').fill('mees@example.nl');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await page.locator('#members li', { hasText: 'Mees Jansen' }).waitFor();
  await expectNoSeriousAxeViolations(page, 'project with a member');

  // Mees sees it in his list, marked as shared, and opens the development page from the project page.
  const mees = await logIn('mees@example.nl');
  await mees.page.goto(`${suite.server.url}/projects`);
  await mees.page.getByText('gedeeld door Olga de Vries').waitFor();
  await mees.page.getByRole('link', { name: 'Gemeente Zwolle' }).click();
  await mees.page.getByRole('link', { name: 'Ontwikkelplan' }).click();
  await mees.page.waitForURL(/\/development$/);
  const concern = mees.page.locator('.concern', { hasText: 'procedures en regels' });
  await expect(concern.locator('select').inputValue()).resolves.toBe('train'); // an Order concern: training first
  await expectReflowAtAllSizes(suite.browser, mees.context, mees.page.url(), 'development', SHOTS);
  await concern.getByRole('button', { name: 'Maak er een actie van' }).click();
  await mees.page.waitForURL(/\/development#actions$/);
  const action = mees.page.locator('[data-status="open"] .plan-action');
  await expect(action.textContent()).resolves.toContain('Ik wil eerst precies weten');
  await expect(action.textContent()).resolves.toContain('Structuur');
  await expect(mees.page.locator('.concern').count()).resolves.toBe(0);

  // He moves it to "in progress" with an owner and a date typed day first.
  await action.locator('summary').click();
  await action.getByLabel('Wie doet het?').fill('Fatima (functioneel beheer)');
  await action.getByLabel('Klaar op').fill('15-01-2027');
  await action.getByLabel('Stand').selectOption('doing');
  await action.getByRole('button', { name: 'Opslaan' }).click();
  await mees.page.locator('[data-status="doing"] .plan-action', { hasText: 'Fatima' }).waitFor();
  await expectReflowAtAllSizes(suite.browser, mees.context, `${suite.server.url}/projects/${id}/development`, 'development-actions', SHOTS);

  // A bad date comes back at its field.
  await mees.page.locator('#add-action summary').click();
  await mees.page.locator('#new-title').fill('Inloopspreekuur');
  await mees.page.locator('#new-due').fill('31-02-2027');
  await mees.page.getByRole('button', { name: 'Actie toevoegen' }).click();
  await mees.page.getByText('Vul een datum in die bestaat').waitFor();
  await expectNoSeriousAxeViolations(mees.page, 'development with a field error');

  expect(olga.errors).toEqual([]);
  // The refused form's 400 (its response and the console's note of it) is the only error.
  expect(mees.errors.filter((e) => !/\b400\b/.test(e))).toEqual([]);
  expect(mees.errors.length).toBeGreaterThan(0);
  await olga.context.close();
  await mees.context.close();
});
