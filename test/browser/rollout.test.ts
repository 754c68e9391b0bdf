import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { PAGE_CHECKS } from '../helpers/backend';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectReflowAtAllSizes, fixedWidthContext, TAKE_SCREENSHOTS } from '../helpers/layout';
import { VOICES } from '../api/survey-voices';

// A consultant's whole roll-out in real Chromium: a project with stakeholders and logged contacts, the change and its matrix,
// a pulse survey answered on six phones, the results, an action in the development plan, and the printed project report on
// A4 (every page drawn with poppler's pdftoppm to look at).
jest.setTimeout(300_000);
const CONSULTANT = { email: 'karin@example.nl', name: 'Karin Adviseur', role: 'consultant' as const, password: 'rollout-password-1' };
const suite = browserSuite([CONSULTANT]);
const run = promisify(execFile);

/** One phone of the client's staff (390×844) answering the public form. */
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

async function addStakeholder(page: Page, s: { name: string; department: string; influence: string; support: string; interest: string }) {
  await page.locator('details.add-stakeholder summary').click();
  await page.locator('#s-name').fill(s.name);
  await page.locator('#s-department').fill(s.department);
  await page.locator('#s-influence').selectOption(s.influence);
  await page.locator('#s-support').selectOption(s.support);
  await page.locator('#s-interest').selectOption(s.interest);
  await page.locator('#s-desiredSupport').selectOption('2');
  await page.locator('details.add-stakeholder').getByRole('button', { name: 'Belanghebbende toevoegen' }).click();
  await page.locator('table.stakeholders a', { hasText: s.name }).waitFor();
}

async function logContact(page: Page, c: { date: string; remark: string; support: string; nextStep?: string; due?: string }) {
  // The form is open while the log is empty, folded away once it holds a contact.
  if (!(await page.locator('details.add-contact').evaluate((d: HTMLDetailsElement) => d.open)))
    await page.locator('details.add-contact summary').click();
  await page.locator('#c-date').fill(c.date);
  await page.locator('#c-remark').fill(c.remark);
  await page.locator('#c-support').selectOption(c.support);
  if (c.nextStep) await page.locator('#c-nextStep').fill(c.nextStep);
  if (c.due) await page.locator('#c-due').fill(c.due);
  await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
  await page.locator('.contact-log .contact-remark', { hasText: c.remark.slice(0, 30) }).waitFor();
}

/** In print media: SVG text cut off by its chart, and charts taller than an A4 page's printable area (they cannot stay whole). */
async function printLayout(page: Page) {
  return page.evaluate(() => {
    const svgs = Array.from(document.querySelectorAll('.project-report svg[role="img"]'));
    const cut = svgs.flatMap((svg) => {
      const s = svg.getBoundingClientRect();
      return Array.from(svg.querySelectorAll('text'))
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return r.width > 0 && (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5);
        })
        .map((t) => `${svg.getAttribute('class')}: "${t.textContent}"`);
    });
    return { classes: [...new Set(svgs.map((s) => s.getAttribute('class')))].sort(), cut };
  });
}

test('A consultant walks through a roll-out: stakeholders and contacts, the change, a survey on six phones, a plan action, and the printed report on A4', async () => {
  const context = await fixedWidthContext(suite.browser, 1366, 900);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill(CONSULTANT.email);
  await page.locator('#password').fill(CONSULTANT.password);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/reader');

  // A new project.
  await page.goto(`${suite.server.url}/projects`);
  await page.locator('#p-client').fill('Gemeente Deventer');
  await page.locator('#p-system').fill('Zaaksysteem');
  await page.locator('#p-phase').fill('Pilot bij Burgerzaken');
  await page.getByRole('button', { name: 'Project aanmaken' }).click();
  await page.waitForURL(/\/projects\/[A-Za-z0-9_-]{16}$/);
  const projectUrl = page.url();
  const id = projectUrl.split('/').pop()!;

  // Two stakeholders, and contacts with remarks on one's page (the remark is read for drives on saving).
  await addStakeholder(page, { name: 'Ria Verhoeven', department: 'Burgerzaken', influence: '4', support: '-1', interest: '5' });
  await addStakeholder(page, { name: 'Joost Mulder', department: 'Informatievoorziening', influence: '5', support: '1', interest: '4' });
  await page.locator('table.stakeholders a', { hasText: 'Ria Verhoeven' }).click();
  await logContact(page, {
    date: '02-11-2026',
    remark: 'Ik wil eerst precies weten welke procedures en regels er gelden. Alles moet goed vastgelegd worden, anders gaat het mis.',
    support: '-1',
    nextStep: 'Werkinstructie samen doorlopen',
    due: '20-11-2026',
  });
  await logContact(page, {
    date: '24-11-2026',
    remark: 'De werkinstructie helpt. Ik zie nu hoe de stappen in het systeem passen bij onze afspraken.',
    support: '1',
  });
  expect(await page.locator('.contact-log li').count()).toBe(2);
  await expectNoSeriousAxeViolations(page, 'stakeholder with contacts');

  // The change on a few dimensions, then what it threatens and the matrix.
  await page.goto(projectUrl);
  await page.getByRole('link', { name: 'Wat de verandering raakt' }).click();
  await page.locator('[data-dimension="procedures"] input[value="3"]').check();
  await page.locator('[data-dimension="judgement"] input[value="2"]').check();
  await page.locator('[data-dimension="measurement"] input[value="2"]').check();
  await page.getByRole('button', { name: 'Opslaan en bekijken' }).click();
  await page.waitForURL(/\/change#impact$/);
  expect(await page.locator('[data-impact][data-kind="threatened"]').count()).toBeGreaterThan(0);
  // Ria's drives come from her logged remarks; Joost has none yet, so the page names him as unknown instead of guessing.
  expect(await page.locator('table[data-matrix="people"] tbody tr', { hasText: 'Ria Verhoeven' }).count()).toBe(1);
  expect(await page.locator('table[data-matrix="departments"] tbody tr', { hasText: 'Burgerzaken' }).count()).toBe(1);
  await expect(page.locator('#matrix').innerText()).resolves.toContain('Joost Mulder');

  // A pulse survey, answered on six phones in one department, so the department is shown (5 or more).
  await page.goto(projectUrl);
  await page.getByRole('link', { name: 'Draagvlakmeting voor medewerkers' }).click();
  await page.locator('#sv-title').fill('Draagvlak nieuw zaaksysteem');
  await page.locator('#sv-departments').fill('Burgerzaken\nArchief');
  await page.getByRole('button', { name: 'Meting maken' }).click();
  await page.locator('.survey-url a').waitFor();
  const surveyUrl = (await page.locator('.survey-url a').textContent())!.replace(/^https?:\/\/[^/]+/, suite.server.url);
  const voices = VOICES.Burgerzaken!;
  for (let i = 0; i < 6; i++) {
    const [worries, needs] = voices[i % voices.length]!;
    await answerOnPhone(suite.browser, surveyUrl, 'Burgerzaken', 2 + (i % 3), worries, needs);
  }
  await page.reload();
  const dept = page.locator('.survey-dept', { hasText: 'Burgerzaken' });
  expect(await dept.locator('.survey-items tbody tr').count()).toBe(8);
  expect(await page.locator('.survey-dept', { hasText: 'Archief' }).locator('.survey-suppressed').textContent()).toBe(
    'te weinig reacties om te tonen',
  );
  // Six answered; the figures move in steps of five people (domain/survey/results.ts), so five are counted.
  await expect(dept.locator('h3').innerText()).resolves.toContain('5 reacties');
  expect(await dept.locator('.survey-answers li').count()).toBe(5);

  // A concern of the department becomes an action of the development plan.
  await dept.getByRole('button', { name: 'Actie toevoegen aan het plan' }).click();
  await page.waitForURL(/\/development#actions$/);
  const action = page.locator('[data-status="open"] .plan-action').first();
  await expect(action.textContent()).resolves.toContain('Burgerzaken');
  await action.locator('summary').click();
  await action.getByLabel('Wie doet het?').fill('Fatima (functioneel beheer)');
  await action.getByLabel('Klaar op').fill('15-01-2027');
  await action.getByLabel('Stand').selectOption('doing');
  await action.getByRole('button', { name: 'Opslaan' }).click();
  await page.locator('[data-status="doing"] .plan-action', { hasText: 'Fatima' }).waitFor();

  // The printed report, from the project page.
  await page.goto(projectUrl);
  await page.getByRole('link', { name: 'Projectrapport (afdrukken)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Gemeente Deventer' }).waitFor();
  const reportUrl = page.url();
  expect(reportUrl).toBe(`${suite.server.url}/projects/${id}/report`);
  expect(await page.locator('[data-print]').isVisible()).toBe(true);
  const text = await page.locator('.project-report').innerText();
  expect(text).toContain('Ria Verhoeven');
  expect(text).toContain('Fatima (functioneel beheer)');
  expect(text).toContain('te weinig reacties om te tonen');
  for (const [worries, needs] of voices.slice(0, 6)) {
    expect(text).not.toContain(worries);
    expect(text).not.toContain(needs);
  }
  expect(await page.locator('.project-report canvas').count()).toBe(0);
  await expectNoSeriousAxeViolations(page, 'project report');
  await expectReflowAtAllSizes(suite.browser, context, reportUrl, 'project-report', SHOTS);
  // Each part on a phone, one image each (the full page at 390 px is too long to read).
  if (TAKE_SCREENSHOTS) {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [i, part] of (await page.locator('.project-report > header, .project-report > section').all()).entries())
      await part.screenshot({ path: path.join(SHOTS, `project-report-390-part-${i + 1}.png`) });
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  // In print media: the five kinds of chart, none with its text cut off; then A4 pages, each as a PNG.
  await page.emulateMedia({ media: 'print' });
  const layout = await printLayout(page);
  expect(layout.classes).toEqual(['bar-chart', 'stakeholder-map', 'stakeholder-map power-interest', 'support-trend', 'survey-bar']);
  expect(layout.cut).toEqual([]);
  if (PAGE_CHECKS) await expectNoSeriousAxeViolations(page, 'project report in print media');
  const file = path.join(SHOTS, 'project-report.pdf');
  fs.writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const info = (await run('pdfinfo', [file])).stdout;
  expect(
    /Page size:\s+([\d.]+) x ([\d.]+)/
      .exec(info)!
      .slice(1, 3)
      .map((x) => Math.round(Number(x))),
  ).toEqual([595, 842]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(pages).toBeLessThanOrEqual(8);
  for (const old of fs.readdirSync(SHOTS).filter((f) => f.startsWith('project-report-pdf-'))) fs.rmSync(path.join(SHOTS, old));
  await run('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, 'project-report-pdf')]);
  const pdfText = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, ' ');
  expect(pdfText).toContain('Wat de verandering bedreigt');
  expect(pdfText).toContain('te weinig reacties om te tonen');
  expect(pdfText).toContain('Open antwoorden staan niet in dit rapport');
  expect(pdfText).not.toContain(voices[0]![0].replace(/\s+/g, ' '));
  await page.emulateMedia({ media: 'screen' });

  expect(errors).toEqual([]);
  await context.close();
});
