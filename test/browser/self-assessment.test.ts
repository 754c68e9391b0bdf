import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectVisibleFocus } from '../helpers/contrast';
import { expectReflowAtAllSizes, shot } from '../helpers/layout';

// Each page state is also opened at four screen sizes (reflow, axe-core): a longer budget than a single pass.
jest.setTimeout(240_000);
const suite = browserSuite();

async function answerLikertPage(page: Page, value: number) {
  for (const fieldset of await page.locator('fieldset.likert').all()) {
    await fieldset.locator(`input[value="${value}"]`).check();
  }
}

async function waitSaved(page: Page, answered: number) {
  await page.waitForFunction((n) => (document.getElementById('progress') as HTMLProgressElement).value === n, answered);
}

async function waitForProfileChart(page: Page) {
  await page.waitForFunction(() => {
    const c = document.getElementById('profile-chart');
    return Boolean((window as unknown as { Chart?: { getChart(el: unknown): unknown } }).Chart?.getChart(c));
  });
}

test('A consultant takes the whole questionnaire with keyboard and mouse, resumes after a reload, and sees the chart on the profile', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);

  // Start: Dutch by default; fill the name and consent with the keyboard.
  await page.goto(suite.server.url);
  expect(await page.locator('h1').textContent()).toBe('Wat drijft jou in je werk?');
  await expectNoSeriousAxeViolations(page, 'home');
  await expectVisibleFocus(page, 'home');
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'home', SHOTS);
  await page.locator('#name').focus();
  await page.keyboard.type('Iris de Vries');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  expect(await page.locator('#consent').isChecked()).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/a\/[A-Za-z0-9_-]{24}\/1$/);
  const token = /\/a\/([A-Za-z0-9_-]{24})\//.exec(page.url())![1]!;

  // Page 1: the first statement by keyboard (arrow keys move within a radio group), the rest by mouse.
  await page.locator('fieldset.likert').first().locator('input[value="1"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await waitSaved(page, 1);
  expect(await page.locator('fieldset.likert').first().locator('input[value="3"]').isChecked()).toBe(true);
  await answerLikertPage(page, 4);
  await waitSaved(page, 8);
  expect(await page.locator('.save-status').textContent()).toBe('Opgeslagen');
  await shot(page, path.join(SHOTS, 'questionnaire.png'), true);
  await expectNoSeriousAxeViolations(page, 'questionnaire statements');
  await expectVisibleFocus(page, 'questionnaire statements');
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'questionnaire', SHOTS);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.waitForURL(`**/a/${token}/2`);

  // Page 2, half answered (saved as given), then a reload: the answers are still there.
  const half = (await page.locator('fieldset.likert').all()).slice(0, 4);
  for (const f of half) await f.locator('input[value="2"]').check();
  await waitSaved(page, 12);
  await page.reload();
  for (const f of (await page.locator('fieldset.likert').all()).slice(0, 4)) {
    expect(await f.locator('input[value="2"]').isChecked()).toBe(true);
  }
  // The private link resumes on the first page with a gap.
  await page.goto(`${suite.server.url}/a/${token}`);
  await page.waitForURL(`**/a/${token}/2`);

  // The remaining statement pages.
  let answered = 12;
  await answerLikertPage(page, 5);
  answered += 4;
  await waitSaved(page, answered);
  await page.getByRole('button', { name: 'Volgende' }).click();
  for (let n = 3; n <= 6; n++) {
    await page.waitForURL(`**/a/${token}/${n}`);
    await answerLikertPage(page, (n % 5) + 1);
    answered += 8;
    await waitSaved(page, answered);
    await page.getByRole('button', { name: 'Volgende' }).click();
  }

  // Situations: most and least per situation; choosing the same reaction for both clears the other.
  for (let n = 7; n <= 9; n++) {
    await page.waitForURL(`**/a/${token}/${n}`);
    const situations = await page.locator('section.situation').all();
    for (const [i, s] of situations.entries()) {
      await s
        .locator('.choice-most input')
        .nth(i % 6)
        .check();
      if (i === 0) {
        await s
          .locator('.choice-least input')
          .nth(i % 6)
          .check();
        expect(await s.locator('.choice-most input:checked').count()).toBe(0);
        await s
          .locator('.choice-most input')
          .nth(i % 6)
          .check();
      }
      await s
        .locator('.choice-least input')
        .nth((i + 3) % 6)
        .check();
    }
    answered += situations.length;
    await waitSaved(page, answered);
    if (n === 7) {
      await shot(page, path.join(SHOTS, 'situations.png'), true);
      await expectNoSeriousAxeViolations(page, 'questionnaire situations');
      await expectReflowAtAllSizes(suite.browser, context, page.url(), 'situations', SHOTS);
    }
    const finish = page.getByRole('button', { name: 'Afronden en profiel bekijken' });
    if (await finish.count()) await finish.click();
    else await page.getByRole('button', { name: 'Volgende' }).click();
  }

  // The profile: chart drawn by chart.js from our own origin, table, drives in full.
  await page.waitForURL(`**/p/${token}`);
  expect(await page.locator('h1').textContent()).toBe('Drijfverenprofiel van Iris de Vries');
  await waitForProfileChart(page);
  const type = await page.evaluate(
    () =>
      (window as unknown as { Chart: { getChart(el: unknown): { config: { type: string } } } }).Chart.getChart(
        document.getElementById('profile-chart'),
      ).config.type,
  );
  expect(type).toBe('bar');
  // Chart texts are at least 14 px on screen (issue 14: 10–12 px before).
  const fontSize = await page.evaluate(
    () => (window as unknown as { Chart: { defaults: { font: { size: number } } } }).Chart.defaults.font.size,
  );
  expect(fontSize).toBeGreaterThanOrEqual(14);
  expect(await page.locator('table.scores tbody tr').count()).toBe(6);
  expect(await page.locator('article.drive').count()).toBe(6);
  await shot(page, path.join(SHOTS, 'profile.png'), true);
  await expectNoSeriousAxeViolations(page, 'profile');
  await expectVisibleFocus(page, 'profile', 20);
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'profile', SHOTS, waitForProfileChart);

  // The radar toggle works with the keyboard too.
  await page.getByRole('button', { name: 'Radardiagram' }).focus();
  await page.keyboard.press('Enter');
  expect(await page.getByRole('button', { name: 'Radardiagram' }).getAttribute('aria-pressed')).toBe('true');
  const radar = await page.evaluate(
    () =>
      (window as unknown as { Chart: { getChart(el: unknown): { config: { type: string } } } }).Chart.getChart(
        document.getElementById('profile-chart'),
      ).config.type,
  );
  expect(radar).toBe('radar');
  await expectNoSeriousAxeViolations(page, 'profile with radar chart');

  expect(errors).toEqual([]);
  await context.close();
});

test('On a phone, the profile page is readable and printing gives a clean report', async () => {
  // Arrange: a completed assessment through the API.
  const created = await (
    await fetch(`${suite.server.url}/api/assessments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ consent: true, lang: 'en' }),
    })
  ).json();
  const model = await (await fetch(`${suite.server.url}/api/model`)).json();
  const likert = Object.fromEntries(model.likert.items.map((i: { id: string }, n: number) => [i.id, (n % 5) + 1]));
  const choice = Object.fromEntries(
    model.choice.items.map((s: { id: string; options: { id: string }[] }, n: number) => [
      s.id,
      { most: s.options[n % 6]!.id, least: s.options[(n + 2) % 6]!.id },
    ]),
  );
  await fetch(`${suite.server.url}/api/assessments/${created.token}/answers`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ likert, choice }),
  });
  await fetch(`${suite.server.url}/api/assessments/${created.token}/complete`, { method: 'POST' });

  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/p/${created.token}?lang=en`);
  expect(await page.locator('h1').textContent()).toBe('Your drive profile');
  // Nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, path.join(SHOTS, 'profile-phone.png'), false);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.site-header').isVisible()).toBe(false);
  expect(await page.locator('.chart-toggle').isVisible()).toBe(false);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(10_000);
  fs.writeFileSync(path.join(SHOTS, 'profile.pdf'), pdf);
  expect(errors).toEqual([]);
  await context.close();
});
