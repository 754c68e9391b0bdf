import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectVisibleFocus } from '../helpers/contrast';
import { expectReflowAtAllSizes, shot } from '../helpers/layout';

// Each page state is also opened at four screen sizes (reflow, axe-core): a longer budget than a single pass.
jest.setTimeout(240_000);
const suite = browserSuite([{ email: 'trainer@example.nl', name: 'Tessa Trainer', role: 'trainer', password: 'workshop-password-1' }]);

/** A participant on their own phone: joins with the code, answers (saved through the API as the page does), finishes. */
async function participant(code: string, name: string, most: string, least: string, check = false) {
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/join`);
  if (check) {
    await expectNoSeriousAxeViolations(page, 'join code');
    await expectReflowAtAllSizes(suite.browser, context, page.url(), 'join-code', SHOTS);
  }
  await page.locator('#code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.waitForURL(`**/join/${code}`);
  if (check) {
    await expectNoSeriousAxeViolations(page, 'join');
    await expectVisibleFocus(page, 'join');
    await expectReflowAtAllSizes(suite.browser, context, page.url(), 'join', SHOTS);
  }
  await page.locator('#name').fill(name);
  await page.locator('#consent').check();
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await page.waitForURL(/\/a\/[A-Za-z0-9_-]{24}\/1$/);
  const token = /\/a\/([A-Za-z0-9_-]{24})\//.exec(page.url())![1]!;
  return {
    async finish() {
      await page.evaluate(
        async ({ token, most, least }) => {
          const model = await (await fetch('/api/model')).json();
          const likert: Record<string, number> = {};
          model.likert.items.forEach((i: { id: string }, n: number) => (likert[i.id] = (n % 5) + 1));
          const choice: Record<string, { most: string; least: string }> = {};
          model.choice.items.forEach((s: { id: string; options: { id: string; drive: string }[] }) => {
            choice[s.id] = { most: s.options.find((o) => o.drive === most)!.id, least: s.options.find((o) => o.drive === least)!.id };
          });
          await fetch(`/api/assessments/${token}/answers`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ likert, choice }),
          });
        },
        { token, most, least },
      );
      await page.goto(`${suite.server.url}/a/${token}/9`);
      await page.getByRole('button', { name: 'Afronden en profiel bekijken' }).click();
      await page.waitForURL(`**/p/${token}`);
      expect(errors).toEqual([]);
      await context.close();
    },
  };
}

async function teamChartDrawn(page: Page) {
  await page.locator('[data-team]:not([hidden])').waitFor();
  await page.waitForFunction(() => {
    const chart = (window as unknown as { Chart: { getChart(el: unknown): unknown } }).Chart;
    return Boolean(chart.getChart(document.getElementById('compare-chart')));
  });
}

test('A trainer runs a workshop: three participants join and finish, the dashboard follows live, and the team chart is revealed', async () => {
  const trainer = await suite.browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await trainer.newPage();
  const errors = watchErrors(page);

  await page.goto(`${suite.server.url}/login`);
  await expectNoSeriousAxeViolations(page, 'login');
  await expectVisibleFocus(page, 'login');
  await expectReflowAtAllSizes(suite.browser, trainer, page.url(), 'login', SHOTS);
  await page.locator('#email').fill('trainer@example.nl');
  await page.locator('#password').fill('workshop-password-1');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/trainer');
  await expectNoSeriousAxeViolations(page, 'trainer sessions');
  await page.locator('#title').fill('Gemeente Zwolle: implementatieteam');
  await page.locator('#minGroupSize').fill('3');
  await page.getByRole('button', { name: 'Sessie aanmaken' }).click();
  await page.waitForURL(/\/trainer\/sessions\/[A-Za-z0-9_-]{16}$/);
  const code = (await page.locator('.join-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await page.locator('[data-live][data-state="live"]').waitFor();
  expect(await page.locator('[data-reveal]').isDisabled()).toBe(true);
  // The disabled button looks disabled: not the primary colour, and a not-allowed cursor.
  const disabledLook = await page
    .locator('[data-reveal]')
    .evaluate((b) => ({ cursor: getComputedStyle(b).cursor, background: getComputedStyle(b).backgroundColor }));
  const primary = await page.evaluate(() => {
    const probe = document.createElement('button');
    probe.className = 'primary';
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  });
  expect(disabledLook.cursor).toBe('not-allowed');
  expect(disabledLook.background).not.toBe(primary);
  await expectNoSeriousAxeViolations(page, 'dashboard, empty');
  // A marker that a reload would wipe: the dashboard must update without one.
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

  const people = [
    ['Anouk', 'purple', 'orange'],
    ['Bram', 'orange', 'green'],
    ['Chantal', 'yellow', 'blue'],
  ] as const;
  const joined = [];
  for (const [i, [name, most, least]] of people.entries()) {
    joined.push(await participant(code, name, most, least, i === 0));
    await page.locator('[data-lobby] li', { hasText: name }).waitFor();
    expect(await page.locator('[data-lobby] li').count()).toBe(i + 1);
  }
  for (const [i, p] of joined.entries()) {
    await p.finish();
    await page.locator('[data-lobby] li[data-status="completed"]').nth(i).waitFor();
  }
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
  expect(await page.locator('[data-counts]').textContent()).toBe('3 deelnemers, 3 klaar');

  await page.locator('[data-reveal]:not([disabled])').waitFor();
  await expectNoSeriousAxeViolations(page, 'dashboard before the reveal');
  await expectVisibleFocus(page, 'dashboard before the reveal');
  const lobbyFilled = (p: Page) => p.locator('[data-lobby] li').nth(2).waitFor();
  await expectReflowAtAllSizes(suite.browser, trainer, page.url(), 'dashboard-before', SHOTS, lobbyFilled);
  // No downloads are offered before the reveal (the API refuses them); they are once the chart is shown.
  expect(await page.locator('[data-export]').isHidden()).toBe(true);
  await page.locator('[data-reveal]').click();
  await page.locator('[data-team]:not([hidden])').waitFor();
  expect(await page.locator('[data-export]').isVisible()).toBe(true);
  await page.waitForFunction(() =>
    Boolean((window as unknown as { Chart: { getChart(el: unknown): unknown } }).Chart.getChart(document.getElementById('team-chart'))),
  );
  expect(await page.locator('[data-team-rows] tr').count()).toBe(6);
  expect(await page.locator('[data-insights]').textContent()).toContain('Sterkst in deze groep');
  await page.waitForFunction(() =>
    Boolean((window as unknown as { Chart: { getChart(el: unknown): unknown } }).Chart.getChart(document.getElementById('compare-chart'))),
  );
  await page.locator('[data-compare-b]').selectOption({ label: 'Chantal' });
  // Colours keep their meaning: the team legend's mean is neutral (each bar has its drive's colour), and the two
  // people compared are told apart by greys, never by a drive's colour.
  const colours = await page.evaluate(() => {
    type C = { legend: { legendItems: { fillStyle: string }[] }; data: { datasets: { backgroundColor: unknown }[] } };
    const get = (id: string) => (window as unknown as { Chart: { getChart(el: unknown): C } }).Chart.getChart(document.getElementById(id));
    const drives = ['purple', 'red', 'blue', 'orange', 'green', 'yellow'].map((d) =>
      getComputedStyle(document.documentElement).getPropertyValue(`--drive-${d}`).trim().toLowerCase(),
    );
    return {
      legend: get('team-chart').legend.legendItems[0]!.fillStyle,
      pair: get('compare-chart').data.datasets.map((d) => String(d.backgroundColor).toLowerCase()),
      drives,
    };
  });
  expect(colours.drives.filter(Boolean)).toHaveLength(6);
  expect(colours.drives).not.toContain(String(colours.legend).toLowerCase());
  for (const c of colours.pair) expect(colours.drives).not.toContain(c);
  await shot(page, path.join(SHOTS, 'dashboard-projector.png'), true);
  await expectNoSeriousAxeViolations(page, 'dashboard after the reveal');
  await expectReflowAtAllSizes(suite.browser, trainer, page.url(), 'dashboard-after', SHOTS, teamChartDrawn);
  expect(errors).toEqual([]);
  await trainer.close();
});
