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

/** A text with hardly anything in it: the reading is still there, plainly a weak hint. */
async function readAlmostNothing(page: Page) {
  await page.locator('#text').fill('Tja.');
  await page.getByRole('button', { name: 'Lees de drijfveren' }).click();
  await page.locator('.reading').waitFor();
}

/** Whether the element's box is (at least partly) on screen, its top inside the window. */
const inViewport = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.top < window.innerHeight && r.bottom > 0;
  });

/**
 * Texts of the SVG maps (influence × support, and the power–interest grid) outside their drawing, and legend names
 * that are cut off: both should be empty.
 */
const clippedMapTexts = (page: Page) =>
  page.evaluate(() => {
    const svgs = Array.from(document.querySelectorAll<SVGSVGElement>('svg.stakeholder-map'));
    const outside: (string | null)[] = [];
    let overlaps = 0;
    for (const svg of svgs) {
      const box = svg.getBoundingClientRect();
      for (const t of Array.from(svg.querySelectorAll('text'))) {
        const r = t.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
          outside.push(t.textContent);
      }
      // The quadrant names must not collide with each other or a marker.
      const boxes = Array.from(svg.querySelectorAll('.quadrant-label, .marker circle')).map((el) => el.getBoundingClientRect());
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
        }),
      );
    }
    const cut = Array.from(document.querySelectorAll('.legend-name'))
      .filter((el) => el.scrollWidth > el.clientWidth + 0.5 || el.getBoundingClientRect().right > window.innerWidth)
      .map((el) => el.textContent);
    const fontPx = Math.min(
      ...svgs.flatMap((svg) => Array.from(svg.querySelectorAll('text')).map((t) => t.getBoundingClientRect().height)),
    );
    return {
      maps: svgs.length,
      outside,
      cut,
      overlaps,
      legendNames: Array.from(document.querySelectorAll('.legend-name')).map((el) => el.textContent),
      fontPx,
    };
  });

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
  // The answer is in view and has focus: the page does not reopen at the top.
  expect(page.url()).toMatch(/\/reader#reading$/);
  await page.waitForFunction(() => document.activeElement?.closest('#reading') !== null);
  expect(await inViewport(page, '#reading-title')).toBe(true);
  expect(await page.locator('mark.drive--purple').count()).toBeGreaterThan(0);
  expect(await page.locator('.reading-table tbody tr').first().getAttribute('data-drive')).toBe('purple');
  expect(await page.locator('[data-advice="purple"] .examples li').count()).toBeGreaterThanOrEqual(2);
  // The confidence in words, and the three layers of evidence: cues in the text, the words that tipped it, remarks it sounds like.
  expect(await page.locator('.reading-headline').textContent()).toBe('Hier spreekt duidelijk Verbondenheid.');
  for (const layer of ['cues', 'words', 'similar']) expect(await page.locator(`[data-layer="${layer}"]`).isVisible()).toBe(true);
  expect(await page.locator('.reading-words li').first().locator('.reading-drive').textContent()).toBe('Verbondenheid');
  expect(await page.locator('.reading-similar blockquote').first().getAttribute('lang')).toBe('nl');
  expect(await page.locator('.reading-table tbody tr').count()).toBeLessThan(6);
  await shot(page, path.join(SHOTS, 'reader.png'), true);
  await expectNoSeriousAxeViolations(page, 'reader with a reading');
  await expectReflowAtAllSizes(suite.browser, context, `${suite.server.url}/reader`, 'reader', SHOTS, readRemark);

  // "Was it actually something else?": the top drive is chosen, the consent is not ticked; sending it thanks you.
  const correction = page.locator('.reading-correction');
  expect(await correction.locator('select').inputValue()).toBe('purple');
  expect(await correction.getByLabel(/Deze tekst mag bewaard worden/).isChecked()).toBe(false);
  await correction.locator('select').selectOption('blue');
  await correction.getByRole('button', { name: 'Correctie opslaan' }).click();
  await page.locator('[role=status][data-correction-saved]').waitFor();
  expect(await page.locator('[role=status][data-correction-saved]').textContent()).toBe('Dank je. Je correctie is opgeslagen.');
  expect(await page.locator('.reading-headline').textContent()).toBe('Hier spreekt duidelijk Verbondenheid.');
  await page.waitForFunction(() => document.activeElement?.closest('#reading') !== null);
  await shot(page, path.join(SHOTS, 'reader-corrected.png'), true);
  await expectNoSeriousAxeViolations(page, 'reader after a correction');

  // A near-empty text: a weak hint, said so, with the advice to check in the conversation and no empty layers.
  await page.goto(`${suite.server.url}/reader`);
  await readAlmostNothing(page);
  expect(await page.locator('.reading-headline').textContent()).toMatch(/^Een zwakke aanwijzing voor /);
  expect(await page.locator('.reading-weak').textContent()).toContain('Check in het gesprek');
  await expectNoSeriousAxeViolations(page, 'reader with a weak hint');
  await expectReflowAtAllSizes(suite.browser, context, `${suite.server.url}/reader`, 'reader-weak', SHOTS, readAlmostNothing);

  // Without JavaScript the anchor alone brings the answer into view.
  const noScript = await suite.browser.newContext({
    viewport: { width: 390, height: 844 },
    javaScriptEnabled: false,
    storageState: await context.storageState(),
  });
  const bare = await noScript.newPage();
  await bare.goto(`${suite.server.url}/reader`);
  await readRemark(bare);
  expect(bare.url()).toMatch(/#reading$/);
  expect(await inViewport(bare, '#reading-title')).toBe(true);
  await noScript.close();

  await page.getByRole('link', { name: 'Projecten' }).click();
  await expectNoSeriousAxeViolations(page, 'projects');
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'projects', SHOTS);
  await page.locator('#p-client').fill('Gemeente Zutphen');
  await page.locator('#p-system').fill('Zaaksysteem');
  await page.locator('#p-phase').fill('Implementatie');
  await page.getByRole('button', { name: 'Project aanmaken' }).click();
  await page.waitForURL(/\/projects\/[A-Za-z0-9_-]{16}$/);

  const people = [
    ['Wethouder Dienstverlening Ahmed El Amrani', '5', '1', 'orange'],
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
    await page.locator('#s-lastContact').fill('1-12-2026');
    await page.locator('details.add-stakeholder button[type=submit]').click();
    await page.locator(`tr[data-stakeholder]`, { hasText: name }).waitFor();
  }
  expect(await page.locator('tr[data-stakeholder]').count()).toBe(4);
  // Each person on both maps: influence × support, and Mendelow's power–interest grid.
  expect(await page.locator('svg.stakeholder-map:not(.power-interest) .marker').count()).toBe(4);
  expect(await page.locator('svg.power-interest .marker').count()).toBe(4);
  // Every name is readable in full and nothing of the map is cut off or drawn over, on a laptop and on a phone.
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const map = await clippedMapTexts(page);
    expect({ width, maps: map.maps, outside: map.outside, cut: map.cut, overlaps: map.overlaps }).toEqual({
      width,
      maps: 2,
      outside: [],
      cut: [],
      overlaps: 0,
    });
    expect(map.legendNames).toEqual(people.map((p) => p[0]));
    expect(map.fontPx).toBeGreaterThanOrEqual(width === 390 ? 14 : 16);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await page.locator('svg.stakeholder-map:not(.power-interest) .quadrant-label').allTextContents()).toEqual([
    'Overtuigen',
    'Betrekken',
    'Volgen',
    'Informeren',
  ]);
  expect(await page.locator('tr[data-stakeholder] td[data-label="Laatste contact"]').first().textContent()).toBe('1 dec 2026');
  await shot(page, path.join(SHOTS, 'stakeholder-map.png'), true);
  await expectNoSeriousAxeViolations(page, 'project');
  await expectVisibleFocus(page, 'project', 20);
  const mapDrawn = (p: Page) => p.locator('svg.power-interest').waitFor();
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'project', SHOTS, mapDrawn);

  // Analysing a remark: a confirmation, and the evidence in view with focus.
  const projectUrl = page.url();
  await page.getByRole('link', { name: 'Functioneel beheerder' }).click();
  await page.locator('#remark').fill('Waarom moet dit zo? Ik wil eerst snappen hoe het onder de motorkap werkt.');
  await page.getByRole('button', { name: 'Analyseren' }).click();
  await page.locator('[role=status][data-analysis-saved]').waitFor();
  expect(await page.locator('[role=status][data-analysis-saved]').textContent()).toMatch(/^Analyse opgeslagen: /);
  expect(await page.locator('#reading .evidence').count()).toBeGreaterThan(0);
  await page.waitForFunction(() => document.activeElement?.closest('#reading') !== null);
  expect(await inViewport(page, '#reading-title')).toBe(true);
  await shot(page, path.join(SHOTS, 'stakeholder-analysed.png'), true);
  await expectNoSeriousAxeViolations(page, 'stakeholder analysed');
  await page.goto(projectUrl);

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
