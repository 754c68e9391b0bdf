import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
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

  // Situations: one row per reaction with a "most" and a "least" radio; the same reaction for both is explained.
  for (let n = 7; n <= 9; n++) {
    await page.waitForURL(`**/a/${token}/${n}`);
    const situations = await page.locator('section.situation').all();
    for (const [i, s] of situations.entries()) {
      const most = s.locator('.choice-most input');
      const least = s.locator('.choice-least input');
      const conflict = s.locator('.choice-conflict');
      if (n === 7 && i === 1) {
        // By keyboard: arrow keys move within the "most" column, Tab goes on to the "least" column.
        await most.first().focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        expect(await most.nth(1).isChecked()).toBe(true);
        expect(await least.nth(4).isChecked()).toBe(true);
        continue;
      }
      await most.nth(i % 6).check();
      if (i === 0) {
        // The same reaction as "least": the "most" choice is cleared, and the situation says why.
        await least.nth(i % 6).check();
        expect(await s.locator('.choice-most input:checked').count()).toBe(0);
        expect(await conflict.textContent()).toBe(
          "Je koos deze reactie eerst bij 'meest'. Eén reactie kan niet allebei zijn. Daarom is 'meest' nu leeg: kies opnieuw wat het meest bij je past.",
        );
        expect(await conflict.isVisible()).toBe(true);
        // And the other way round.
        await most.nth(i % 6).check();
        expect(await s.locator('.choice-least input:checked').count()).toBe(0);
        expect(await conflict.textContent()).toContain("Daarom is 'minst' nu leeg");
      }
      await least.nth((i + 3) % 6).check();
    }
    answered += situations.length;
    await waitSaved(page, answered);
    // Once both are chosen and saved, the explanation has done its work.
    expect(await page.locator('.choice-conflict').first().textContent()).toBe('');
    if (n === 7) {
      await shot(page, path.join(SHOTS, 'situations.png'), true);
      await expectNoSeriousAxeViolations(page, 'questionnaire situations');
      await expectVisibleFocus(page, 'questionnaire situations');
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

/** A fresh assessment through the API: its questionnaire link. */
async function newAssessment(lang = 'nl'): Promise<string> {
  const res = await fetch(`${suite.server.url}/api/assessments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ consent: true, lang }),
  });
  return ((await res.json()) as { token: string }).token;
}

type Box = { top: number; bottom: number };
const box = async (locator: Locator): Promise<Box> => {
  const b = (await locator.boundingBox())!;
  return { top: b.y, bottom: b.y + b.height };
};
/** Whether a box lies wholly inside the viewport's height (and, with `below`, under the sticky bar). */
const inView = (b: Box, height: number, below = 0) => ({ top: b.top >= below - 0.5, bottom: b.bottom <= height + 0.5 });

describe('The questionnaire on a phone (390×844)', () => {
  const PHONE_SCREEN = { width: 390, height: 844 };

  test('When the person scrolls down a statements page and answers, then the progress and the save state stay in view', async () => {
    const token = await newAssessment();
    const context = await suite.browser.newContext({ viewport: PHONE_SCREEN, isMobile: false });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/a/${token}/1`);
    const items = page.locator('fieldset.likert');

    // A statement halfway down the page, then the last one.
    for (const [k, answered] of [
      [4, 1],
      [7, 2],
    ] as const) {
      await items.nth(k).scrollIntoViewIfNeeded();
      await items.nth(k).locator('input[value="2"]').check();
      await waitSaved(page, answered);
      await page.waitForFunction(() => document.querySelector('.save-status')!.textContent === 'Opgeslagen');
      expect(inView(await box(page.locator('#progress-text')), 844)).toEqual({ top: true, bottom: true });
      expect(inView(await box(page.locator('.save-status')), 844)).toEqual({ top: true, bottom: true });
      expect(inView(await box(page.locator('.page-of')), 844)).toEqual({ top: true, bottom: true });
    }
    expect(await page.locator('#progress-text').textContent()).toBe('2 van 60 beantwoord');
    await shot(page, path.join(SHOTS, 'questionnaire-phone-scrolled.png'));
    // One live region for the save state; the count is not announced a second time.
    expect(await page.locator('.progress-block [aria-live], .progress-block [role="status"]').count()).toBe(1);

    // Going back up through the form with Shift+Tab, no focused control hides under the sticky bar.
    await page.getByRole('button', { name: 'Volgende' }).focus();
    let stops = 0;
    for (;;) {
      await page.keyboard.press('Shift+Tab');
      const barBottom = (await box(page.locator('.progress-block'))).bottom;
      const focused = await page.evaluate(() => {
        const el = document.activeElement!;
        const r = el.getBoundingClientRect();
        return { inForm: Boolean(el.closest('form.questionnaire')), what: el.outerHTML.slice(0, 60), top: Math.round(r.top) };
      });
      if (!focused.inForm) break;
      stops++;
      expect({ ...focused, clear: focused.top >= barBottom - 0.5 }).toEqual({ ...focused, clear: true });
    }
    expect(stops).toBe(8);

    // A statement scrolled up until its last answer sits under the bar: going back to it with Shift+Tab brings it out.
    const under = items.nth(2).locator('input[value="5"]');
    const bar = await box(page.locator('.progress-block'));
    const stuckBottom = bar.bottom - bar.top; // once stuck, the bar starts at the top of the window
    await under.evaluate((el, y) => window.scrollBy(0, el.getBoundingClientRect().top - y), stuckBottom - 30);
    await items.nth(3).locator('input[value="1"]').focus();
    expect((await box(page.locator('.progress-block'))).bottom).toBeCloseTo(stuckBottom, 0);
    expect((await box(under)).top).toBeLessThan(stuckBottom);
    await page.keyboard.press('Shift+Tab');
    expect(await under.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await box(under)).top).toBeGreaterThanOrEqual(stuckBottom);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('When a situation is on screen, then its question, all its reactions (each once) and both columns fit in one screen', async () => {
    const token = await newAssessment();
    const context = await suite.browser.newContext({ viewport: PHONE_SCREEN, isMobile: false });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/a/${token}/7`);

    for (const s of await page.locator('section.situation').all()) {
      // Each reaction text is on the page once per situation (no second list for "least").
      const texts = await s.locator('.choice-text').allTextContents();
      expect(texts).toHaveLength(6);
      const whole = (await s.textContent())!;
      for (const text of texts) expect(whole.split(text).length - 1).toBe(1);

      // The situation scrolled to the top: with the "least" radio of the last reaction focused, the question is still in view.
      await s.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await s.locator('.choice-least input').last().focus();
      const barBottom = (await box(page.locator('.progress-block'))).bottom;
      const question = await box(s.locator('h2'));
      const section = await box(s);
      expect({ section, question, ...inView(question, 844, barBottom) }).toEqual({ section, question, top: true, bottom: true });
      expect(inView(await box(s.locator('.choice-least label').last()), 844, barBottom)).toEqual({ top: true, bottom: true });
      expect(inView(await box(s.locator('.choice-head').last()), 844, barBottom)).toEqual({ top: true, bottom: true });
    }

    // The same reaction for both, on the phone: the explanation is visible in the situation, next to the choice.
    const s = page.locator('section.situation').nth(1);
    await s.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await s.locator('.choice-least input').nth(2).check();
    await s.locator('.choice-most input').nth(2).check();
    expect(await s.locator('.choice-least input:checked').count()).toBe(0);
    const conflict = s.locator('.choice-conflict');
    expect(await conflict.textContent()).toBe(
      "Je koos deze reactie eerst bij 'minst'. Eén reactie kan niet allebei zijn. Daarom is 'minst' nu leeg: kies opnieuw wat het minst bij je past.",
    );
    expect(inView(await box(conflict), 844)).toEqual({ top: true, bottom: true });
    await shot(page, path.join(SHOTS, 'situations-phone-conflict.png'));

    // Every radio has a name that says its column and its reaction; each column is a named group.
    const first = page.locator('section.situation').first();
    const reaction = (await first.locator('.choice-text').first().textContent())!;
    expect(await first.getByRole('radio', { name: `Meest: ${reaction}`, exact: true }).count()).toBe(1);
    expect(await first.getByRole('radio', { name: `Minst: ${reaction}`, exact: true }).count()).toBe(1);
    expect(await page.getByRole('radiogroup', { name: 'Past het meest bij mij' }).count()).toBe(4);
    expect(await page.getByRole('radiogroup', { name: 'Past het minst bij mij' }).count()).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  });
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
