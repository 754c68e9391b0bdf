import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectReflowAtAllSizes, fixedWidthContext, shot } from '../helpers/layout';
import { knownAnswers } from '../helpers/known-profile';

// The profile on paper (A4 through page.pdf, pages counted and drawn with poppler's pdfinfo/pdftoppm) and its private link.
jest.setTimeout(180_000);
const suite = browserSuite();
const run = promisify(execFile);

/** A completed profile with known scores (Verbondenheid 88.2, Daadkracht 20.1, the rest 47.9), made through the API. */
async function completedProfile(lang: 'nl' | 'en'): Promise<string> {
  const api = (p: string, init?: RequestInit) =>
    fetch(`${suite.server.url}${p}`, { ...init, headers: { 'Content-Type': 'application/json' } });
  const { token } = await (
    await api('/api/assessments', { method: 'POST', body: JSON.stringify({ consent: true, lang, name: 'Iris de Vries' }) })
  ).json();
  const model = await (await api(`/api/model?lang=${lang}`)).json();
  await api(`/api/assessments/${token}/answers`, { method: 'PUT', body: JSON.stringify(knownAnswers(model)) });
  await api(`/api/assessments/${token}/complete`, { method: 'POST' });
  return token as string;
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** In print media: where the chart and the score table are, the SVG's tick labels, and the axis and 88.2-bar in pixels. */
async function printedChart(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => {
      const r = el!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const svg = document.querySelector('svg.bar-chart')!;
    const x = (sel: string) => svg.querySelector(sel)!.getBoundingClientRect().x;
    return {
      chart: box(svg),
      table: box(document.querySelector('table.scores')),
      ticks: Array.from(svg.querySelectorAll('text.tick')).map((t) => t.textContent),
      // How far the longest drive name sticks out past the chart's left edge (0: every name fits).
      namesCut: Math.max(
        0,
        ...Array.from(svg.querySelectorAll('text.name')).map((t) => svg.getBoundingClientRect().x - t.getBoundingClientRect().x),
      ),
      axis: { min: svg.getAttribute('data-axis-min'), max: svg.getAttribute('data-axis-max') },
      axisPx: x('line[data-tick="100"]') - x('line[data-tick="0"]'),
      topBar: box(svg.querySelector('g[data-drive="purple"] rect')).width,
      canvasShown: document.querySelector('.chart-box')!.getBoundingClientRect().height > 0,
      linkShown: document.querySelector('.keep-link')!.getBoundingClientRect().height > 0,
    };
  });
}

/** Rows of a page image, top to bottom: how far down the page's body text goes, as a share of the body's height. */
async function bodyFill(pdf: string, pageNo: number): Promise<number> {
  const prefix = `${pdf}-fill-${pageNo}`;
  await run('pdftoppm', ['-gray', '-r', '30', '-f', String(pageNo), '-l', String(pageNo), '-singlefile', pdf, prefix]);
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  fs.rmSync(`${prefix}.pgm`);
  const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!.map(Number) as [number, number, number];
  const start = pgm.length - w * h;
  // The A4 margins of the stylesheet (public/css/app/): 14 mm at the top, 16 mm at the bottom (where the page number sits) of 297 mm.
  const top = Math.floor((h * 14) / 297);
  const bottom = Math.ceil((h * (297 - 16)) / 297);
  let last = top;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < w; x++) if (pgm[start + y * w + x]! < 200) last = y;
  }
  return (last - top) / (bottom - top);
}

/** Prints the open page to A4 and checks the paper: at most 2 pages, every page but the last filled, no private link. */
async function expectCleanPdf(page: Page, token: string, name: string, expectText: string) {
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [file])).stdout)![1]);
  expect({ name, pages: pages <= 2 }).toEqual({ name, pages: true });
  for (let n = 1; n < pages; n++)
    expect({ name, page: n, filled: (await bodyFill(file, n)) > 0.8 }).toEqual({ name, page: n, filled: true });
  const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
  expect(text).toContain(expectText);
  expect(text).not.toContain(token);
  // The pages as images to look at (test-results/<name>-pdf-1.png …).
  await run('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, `${name}-pdf`)]);
  // With the browser's own header and footer switched on, the address (the private link) still stays off the paper.
  const withFooter = path.join(SHOTS, `${name}-footer.pdf`);
  fs.writeFileSync(withFooter, await page.pdf({ format: 'A4', displayHeaderFooter: true }));
  expect((await run('pdftotext', [withFooter, '-'])).stdout).not.toContain(token);
  fs.rmSync(withFooter);
}

for (const lang of ['nl', 'en'] as const) {
  test(`When a ${lang === 'nl' ? 'Dutch' : 'English'} profile is printed, then the SVG chart runs 0–100 apart from the table, 88.2 fills 88.2% of the axis, and A4 has at most 2 full pages without the private link`, async () => {
    const token = await completedProfile(lang);
    const context = await fixedWidthContext(suite.browser, 1366, 900);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const url = `${suite.server.url}/p/${token}${lang === 'en' ? '?lang=en' : ''}`;
    await page.goto(url);
    // On screen with JavaScript: the canvas chart (drawn by charts.js), not the SVG.
    await page.locator('.chart-block.chart-drawn').waitFor();
    expect(await page.locator('svg.bar-chart').isVisible()).toBe(false);
    await expectReflowAtAllSizes(suite.browser, context, url, `profile-${lang}`, SHOTS, (p) =>
      p.locator('.chart-block.chart-drawn').waitFor(),
    );

    await page.emulateMedia({ media: 'print' });
    const printed = await printedChart(page);
    expect(printed.canvasShown).toBe(false);
    expect(printed.linkShown).toBe(false);
    expect(overlaps(printed.chart, printed.table)).toBe(false);
    expect(printed.ticks).toEqual(['0', '25', '50', '75', '100']);
    expect(printed.namesCut).toBe(0);
    expect(printed.axis).toEqual({ min: '0', max: '100' });
    expect(Math.abs(printed.topBar - 0.882 * printed.axisPx)).toBeLessThanOrEqual(1);
    await expectCleanPdf(page, token, `profile-${lang}`, lang === 'nl' ? '88,2' : '88.2');
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('When "Kopieer link" is clicked on the profile, then the private link is on the clipboard and the page says "Gekopieerd"', async () => {
  const token = await completedProfile('nl');
  const context = await fixedWidthContext(suite.browser, 390);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/p/${token}`);

  const field = page.getByRole('textbox', { name: 'Bewaar deze link' });
  expect(await field.inputValue()).toBe(`${suite.server.url}/p/${token}`);
  await page.getByRole('button', { name: 'Kopieer link' }).click();
  await page.getByRole('status').filter({ hasText: 'Gekopieerd' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${suite.server.url}/p/${token}`);
  await shot(page, path.join(SHOTS, 'profile-link-390.png'));
  await expectNoSeriousAxeViolations(page, 'profile after copying the link');
  expect(errors).toEqual([]);
  await context.close();
});

test('When the profile is opened without JavaScript, then the SVG chart is shown and the link is a readonly field without a copy button', async () => {
  const token = await completedProfile('nl');
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/p/${token}`);
  expect(await page.getByRole('img', { name: /^Staafdiagram van je scores .*Verbondenheid 88,2/ }).isVisible()).toBe(true);
  expect(await page.locator('.chart-box').isVisible()).toBe(false);
  expect(await page.locator('.chart-toggle').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Kopieer link' }).count()).toBe(0);
  const field = page.getByRole('textbox', { name: 'Bewaar deze link' });
  expect({ value: await field.inputValue(), readonly: await field.getAttribute('readonly') }).toEqual({
    value: `${suite.server.url}/p/${token}`,
    readonly: '',
  });
  await page.locator('svg.bar-chart').scrollIntoViewIfNeeded();
  await shot(page, path.join(SHOTS, 'profile-nojs-390.png'));
  await context.close();
});
