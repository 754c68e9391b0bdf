import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectReflowAtAllSizes, fixedWidthContext, TAKE_SCREENSHOTS } from '../helpers/layout';

// The team report in real Chromium: a session of six filled through the API, the report on screen at three sizes, then in
// print media (SVG charts, nothing overlapping) and on A4 (2–4 pages, drawn with poppler's pdftoppm to look at).
jest.setTimeout(240_000);
const TRAINER = { email: 'trainer@example.nl', name: 'Tessa Trainer', role: 'trainer' as const, password: 'team-report-pass-1' };
const suite = browserSuite([TRAINER]);
const run = promisify(execFile);

type Model = {
  likert: { items: { id: string; drive: string; reverse: boolean }[] };
  choice: { items: { id: string; options: { id: string; drive: string }[] }[] };
};
/** Answers that put `first` and then `second` on top and choose `least` least everywhere. */
function answersFor(model: Model, first: string, second: string, least: string) {
  const agree = (drive: string) => (drive === first ? 5 : drive === second ? 4 : drive === least ? 1 : 3);
  return {
    likert: Object.fromEntries(model.likert.items.map((i) => [i.id, i.reverse ? 6 - agree(i.drive) : agree(i.drive)])),
    choice: Object.fromEntries(
      model.choice.items.map((s, n) => [
        s.id,
        {
          most: s.options.find((o) => o.drive === (n % 3 === 2 ? second : first))!.id,
          least: s.options.find((o) => o.drive === least)!.id,
        },
      ]),
    ),
  };
}
/** A team on the self side only: Verbondenheid, Structuur and Harmonie are weak, so the report has its most blind spots. */
const SELF_TEAM = [
  ['Anouk Jansen', 'orange', 'yellow', 'purple'],
  ['Bram de Wit', 'orange', 'red', 'green'],
  ['Chantal Peters', 'yellow', 'orange', 'blue'],
  ['Dirk Smit', 'yellow', 'red', 'green'],
  ['Esra Yilmaz', 'red', 'orange', 'purple'],
  ['Femke Bos', 'red', 'yellow', 'blue'],
] as const;
const TEAM = [
  ['Anouk Jansen', 'orange', 'yellow', 'purple'],
  ['Bram de Wit', 'orange', 'red', 'green'],
  ['Chantal Peters', 'blue', 'purple', 'red'],
  ['Dirk Smit', 'yellow', 'orange', 'green'],
  ['Esra Yilmaz', 'red', 'orange', 'purple'],
  ['Femke Bos', 'orange', 'blue', 'green'],
] as const;

async function trainerContext(): Promise<BrowserContext> {
  const context = await fixedWidthContext(suite.browser, 1366, 900);
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill(TRAINER.email);
  await page.locator('#password').fill(TRAINER.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/trainer');
  await page.close();
  return context;
}

/** A revealed session of six (participants join on their own "phones": a client cookie each), with the given agreements. */
async function filledSession(
  trainer: BrowserContext,
  body: { title: string; lang: 'nl' | 'en'; anonymous: boolean },
  agreements: object[],
  team: typeof TEAM | typeof SELF_TEAM = TEAM,
) {
  const api = trainer.request;
  const s = (await (await api.post(`${suite.server.url}/api/sessions`, { data: { ...body, minGroupSize: 3 } })).json()) as {
    id: string;
    code: string;
  };
  const model = (await (await fetch(`${suite.server.url}/api/model?lang=${body.lang}`)).json()) as Model;
  const tokens: string[] = [];
  for (const [i, [name, first, second, least]] of team.entries()) {
    const post = (p: string, init: RequestInit = {}) =>
      fetch(`${suite.server.url}${p}`, {
        method: 'POST',
        ...init,
        headers: { 'Content-Type': 'application/json', Cookie: `dv.client=report${i}${body.lang}${body.anonymous}` },
      });
    const { token } = (await (
      await post('/api/assessments', { body: JSON.stringify({ consent: true, sessionCode: s.code, name }) })
    ).json()) as { token: string };
    await post(`/api/assessments/${token}/answers`, { method: 'PUT', body: JSON.stringify(answersFor(model, first, second, least)) });
    expect((await post(`/api/assessments/${token}/complete`)).status).toBe(200);
    tokens.push(token);
  }
  expect((await api.put(`${suite.server.url}/api/sessions/${s.id}/agreements`, { data: { items: agreements } })).status()).toBe(200);
  expect((await api.post(`${suite.server.url}/api/sessions/${s.id}/reveal`)).status()).toBe(200);
  return { id: s.id, tokens };
}

type Box = { x: number; y: number; width: number; height: number; what: string };
/** In print media: the report's visible blocks that overlap one another (neither inside the other), and SVG text cut off. */
async function printLayout(page: Page) {
  return page.evaluate(() => {
    const blocks = Array.from(document.querySelectorAll('.team-report :is(h1, h2, h3, h4, p, li, blockquote, svg, .card)')).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
    const boxOf = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return {
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        what: `${el.tagName.toLowerCase()}.${el.className && typeof el.className === 'string' ? el.className : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
      };
    };
    const overlap = (a: Box, b: Box) =>
      a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
    const overlaps: string[] = [];
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const [a, b] = [blocks[i]!, blocks[j]!];
        if (a.contains(b) || b.contains(a)) continue;
        if (overlap(boxOf(a), boxOf(b))) overlaps.push(`${boxOf(a).what} × ${boxOf(b).what}`);
      }
    }
    const cut = Array.from(document.querySelectorAll('.team-report svg')).flatMap((svg) => {
      const s = svg.getBoundingClientRect();
      return Array.from(svg.querySelectorAll('text'))
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5;
        })
        .map((t) => `${svg.getAttribute('class')}: "${t.textContent}"`);
    });
    return {
      svgs: Array.from(document.querySelectorAll('.team-report svg[role="img"]')).map((s) => s.getAttribute('class')),
      blocks: blocks.length,
      overlaps,
      cut,
    };
  });
}

/** Prints the open page to A4: 2–4 pages, the text as expected, every page as a PNG in test-results/ to look at. */
async function printed(page: Page, name: string) {
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const info = (await run('pdfinfo', [file])).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect({
    name,
    size: /Page size:\s+([\d.]+) x ([\d.]+)/
      .exec(info)!
      .slice(1, 3)
      .map((x) => Math.round(Number(x))),
  }).toEqual({ name, size: [595, 842] });
  for (const old of fs.readdirSync(SHOTS).filter((f) => f.startsWith(`${name}-pdf-`))) fs.rmSync(path.join(SHOTS, old));
  await run('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, `${name}-pdf`)]);
  // One line of words: the report's lines wrap wherever the page puts them.
  return { pages, text: (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, ' ') };
}

/** Each part of the report on a phone, one image each (the full-page shot at 390 px is too long to read). */
async function phoneParts(page: Page, name: string) {
  if (!TAKE_SCREENSHOTS) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [i, part] of (await page.locator('.team-report > header, .team-report > section').all()).entries())
    await part.screenshot({ path: path.join(SHOTS, `${name}-390-part-${i + 1}.png`) });
  if (size) await page.setViewportSize(size);
}

async function checkPrint(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  const layout = await printLayout(page);
  expect(layout.svgs.sort()).toEqual(['team-centre', 'team-chart', 'team-grid', 'team-sides']);
  expect(layout.blocks).toBeGreaterThan(30);
  expect({ name, overlaps: layout.overlaps, cut: layout.cut }).toEqual({ name, overlaps: [], cut: [] });
  await expectNoSeriousAxeViolations(page, `${name} in print media`);
  const pdf = await printed(page, name);
  expect({ name, pages: pdf.pages >= 2 && pdf.pages <= 4 }).toEqual({ name, pages: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

test("A named Dutch session of six: the trainer's report has the three SVG charts, names, blind spots and agreements, reads at 390/1366/1920, and prints on 2–4 A4 pages with nothing overlapping", async () => {
  const trainer = await trainerContext();
  const s = await filledSession(trainer, { title: 'Gemeente Deventer, team implementatie', lang: 'nl', anonymous: false }, [
    { text: 'We vragen eerst wat er goed ging met het oude systeem.', drive: 'purple' },
    { text: 'Bij elke klant vragen we: wie moet er nog gehoord worden?', drive: 'green' },
    { text: 'We sturen na elk gesprek een korte samenvatting.' },
  ]);
  const page = await trainer.newPage();
  const errors = watchErrors(page);
  const url = `${suite.server.url}/trainer/sessions/${s.id}/report`;
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Gemeente Deventer, team implementatie' }).waitFor();
  expect(await page.locator('[data-print]').isVisible()).toBe(true);
  const text = await page.locator('.team-report').innerText();
  for (const name of TEAM.map((m) => m[0])) expect(text).toContain(name);
  expect(text).toContain('hoe komt mijn drijfveer bij jou over?');
  expect(await page.locator('[data-blind]').count()).toBeGreaterThan(0);
  expect(await page.locator('.report-agreement-list li').count()).toBe(3);
  await expectNoSeriousAxeViolations(page, 'team report');
  await expectReflowAtAllSizes(suite.browser, trainer, url, 'team-report-nl', SHOTS);
  await phoneParts(page, 'team-report-nl');

  const pdf = await checkPrint(page, 'team-report-nl');
  expect(pdf.text).toContain('De diversiteitskaart');
  expect(pdf.text).toContain('Anouk Jansen');
  expect(pdf.text).toContain('niet om mensen te kiezen');
  expect(errors).toEqual([]);
  await trainer.close();
});

test("An anonymous English session on the self side: a participant's report from their private link is in English, has no names, three blind spots, and still prints on 2–4 pages without the link", async () => {
  const trainer = await trainerContext();
  const s = await filledSession(
    trainer,
    { title: 'All implementation consultants of the vendor, spring workshop in Utrecht', lang: 'en', anonymous: true },
    [
      { text: 'We first ask what went well with the old system, and we say it out loud.', drive: 'purple' },
      { text: 'Every client gets a written plan with roles and dates.', drive: 'blue' },
      { text: 'We ask who else should be heard before we decide.', drive: 'green' },
      { text: 'We keep the ROI slide for the people who ask for it.' },
    ],
    SELF_TEAM,
  );
  await trainer.close();
  const context = await fixedWidthContext(suite.browser, 390, 844);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const url = `${suite.server.url}/w/${s.tokens[2]}/report`;
  await page.goto(url);
  await page.getByRole('heading', { level: 2, name: 'The diversity map' }).waitFor();
  const text = await page.locator('.team-report').innerText();
  for (const name of SELF_TEAM.map((m) => m[0])) expect(text).not.toMatch(new RegExp(`\\b(${name.replace(' ', '|')})\\b`));
  expect(await page.locator('[data-names]').count()).toBe(0);
  expect(await page.locator('article[data-blind]').count()).toBe(3);
  expect(await page.locator('.report-agreement-list li').count()).toBe(4);
  await expectNoSeriousAxeViolations(page, 'participant team report');
  await expectReflowAtAllSizes(suite.browser, context, url, 'team-report-en-participant', SHOTS);
  await phoneParts(page, 'team-report-en-participant');

  const pdf = await checkPrint(page, 'team-report-en-participant');
  expect(pdf.text).toContain('Blind spots with clients');
  expect(pdf.text).toContain('Do not use this report to select or assess people.');
  expect(pdf.text).not.toContain(s.tokens[2]!);
  // With the browser's own header and footer switched on, the address (the private link) still stays off the paper.
  await page.emulateMedia({ media: 'print' });
  const withFooter = await page.pdf({ format: 'A4', displayHeaderFooter: true });
  const footerFile = path.join(SHOTS, 'team-report-en-participant-footer.pdf');
  fs.writeFileSync(footerFile, withFooter);
  expect((await run('pdftotext', [footerFile, '-'])).stdout).not.toContain(s.tokens[2]!);
  fs.rmSync(footerFile);
  for (const name of SELF_TEAM.map((m) => m[0])) expect(pdf.text).not.toContain(name);
  expect(errors).toEqual([]);
  await context.close();
});
