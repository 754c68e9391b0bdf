import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectReflowAtAllSizes, shot } from '../helpers/layout';
import { VOICES } from '../api/survey-voices';

jest.setTimeout(240_000);
const suite = browserSuite([
  { email: 'consultant@example.nl', name: 'Kees Consultant', role: 'consultant', password: 'consultant-password' },
]);

/** One phone of the client's staff answering the plain form: department, every statement, the two open questions, consent. */
async function answerOnPhone(browser: Browser, url: string, department: string, value: number, worries: string, needs: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await page.locator('#sv-dept').selectOption(department);
  for (const fieldset of await page.locator('fieldset.likert').all()) await fieldset.locator(`input[value="${value}"]`).check();
  await page.locator('#sv-worries').fill(worries);
  await page.locator('#sv-needs').fill(needs);
  await page.locator('input[name="consent"]').check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByRole('heading', { name: 'Dank je wel' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
}

test('A consultant creates a survey, six phones answer it, and the results show one department and hide the other', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill('consultant@example.nl');
  await page.locator('#password').fill('consultant-password');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/reader');
  const project = await page.request.post(`${suite.server.url}/api/projects`, {
    data: { client: 'Gemeente Deventer', system: 'Zaaksysteem' },
  });
  const { id } = (await project.json()) as { id: string };

  await page.goto(`${suite.server.url}/projects/${id}`);
  await page.getByRole('link', { name: 'Draagvlakmeting voor medewerkers' }).click();
  // Without a title and departments the form comes back with both messages.
  await page.getByRole('button', { name: 'Meting maken' }).click();
  await page.locator('.field-error').first().waitFor();
  expect(await page.locator('.field-error').count()).toBe(2);
  await expectNoSeriousAxeViolations(page, 'survey form with errors');
  errors.length = 0; // that 400 was the point; from here on nothing may fail
  await page.locator('#sv-title').fill('Draagvlak nieuw zaaksysteem');
  await page.locator('#sv-departments').fill('Wijkteam\nGriffie');
  await page.getByRole('button', { name: 'Meting maken' }).click();
  await page.locator('.survey-url a').waitFor();
  const url = (await page.locator('.survey-url a').textContent())!.replace(/^https?:\/\/[^/]+/, suite.server.url);

  const voices = VOICES.Wijkteam!;
  const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  await expectReflowAtAllSizes(suite.browser, phone, url, 'survey-public', SHOTS);
  await phone.close();
  for (let i = 0; i < 5; i++) await answerOnPhone(suite.browser, url, 'Wijkteam', 4, voices[i]![0], voices[i]![1]);
  await answerOnPhone(suite.browser, url, 'Griffie', 1, 'Een geheime zorg van de griffie', 'Niets');

  await page.reload();
  const wijk = page.locator('.survey-dept', { hasText: 'Wijkteam' });
  expect(await wijk.locator('.survey-items tbody tr').count()).toBe(8);
  expect(await wijk.locator('svg.bar-chart').count()).toBe(1);
  expect(await wijk.locator('form.survey-action input[name="sourceKind"]').inputValue()).toBe('survey');
  const griffie = page.locator('.survey-dept', { hasText: 'Griffie' });
  expect(await griffie.locator('.survey-suppressed').textContent()).toBe('te weinig reacties om te tonen');
  expect(await page.content()).not.toContain('geheime zorg');
  expect(await page.locator('img.survey-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await shot(page, path.join(SHOTS, 'survey-results.png'), true);
  await expectNoSeriousAxeViolations(page, 'survey results');
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'survey-results', SHOTS);
  expect(errors).toEqual([]);
  await context.close();
});
