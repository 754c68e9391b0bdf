import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectNoSidewaysScroll, expectReflowAtAllSizes, shot } from '../helpers/layout';

// The team view (issue 17) in a real browser: the trainer reveals from the dashboard, the team view and the agreements
// appear there; a participant's phone at the team step fills in the team view live, as the server renders it.
jest.setTimeout(180_000);
const TRAINER = { email: 'trainer@example.nl', name: 'Tessa Trainer', role: 'trainer' as const, password: 'team-view-password-1' };
const CO = { email: 'co@example.nl', name: 'Cor Co', role: 'trainer' as const, password: 'team-view-password-2' };
const suite = browserSuite([TRAINER, CO]);
const TEAM = [
  ['Anna', 'purple', 'red'],
  ['Bram', 'blue', 'green'],
  ['Cees', 'orange', 'purple'],
  ['Dina', 'green', 'orange'],
  ['Eva', 'blue', 'red'],
  ['Fons', 'purple', 'orange'],
] as const;

async function trainerContext(width: number, height: number): Promise<BrowserContext> {
  const context = await suite.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill(TRAINER.email);
  await page.locator('#password').fill(TRAINER.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/trainer');
  await page.close();
  return context;
}
const json = { 'Content-Type': 'application/json' };
/** Joins and completes the questionnaire with `most` chosen most and `least` least in every situation. */
async function participant(code: string, name: string, most: string, least: string): Promise<string> {
  const base = suite.server.url;
  const joined = await fetch(`${base}/api/assessments`, {
    method: 'POST',
    headers: { ...json, Cookie: `dv.client=${name}` },
    body: JSON.stringify({ consent: true, sessionCode: code, name }),
  });
  const token = ((await joined.json()) as { token: string }).token;
  const model = (await (await fetch(`${base}/api/model`)).json()) as {
    likert: { items: { id: string }[] };
    choice: { items: { id: string; options: { id: string; drive: string }[] }[] };
  };
  const pick = (c: (typeof model.choice.items)[number], d: string) => c.options.find((o) => o.drive === d)!.id;
  const body = {
    likert: Object.fromEntries(model.likert.items.map((i) => [i.id, 3])),
    choice: Object.fromEntries(model.choice.items.map((c) => [c.id, { most: pick(c, most), least: pick(c, least) }])),
  };
  expect(
    (await fetch(`${base}/api/assessments/${token}/answers`, { method: 'PUT', headers: json, body: JSON.stringify(body) })).status,
  ).toBe(200);
  expect((await fetch(`${base}/api/assessments/${token}/complete`, { method: 'POST' })).status).toBe(200);
  return token;
}
/** Shots of one part of the page at the three screen sizes people look at. */
async function shotsOf(page: Page, selector: string, label: string) {
  for (const [width, height] of [
    [390, 844],
    [1366, 900],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    // Two frames: the resize is laid out and the charts' ResizeObservers have run.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expectNoSidewaysScroll(page, `${label} at ${width} px`);
    await shot(page.locator(selector), `${SHOTS}/${label}-${width}.png`);
  }
}

test('The trainer reveals, the team view and the agreements are on the dashboard; the phone at the team step shows its compact view live', async () => {
  const trainer = await trainerContext(1366, 900);
  const res = await trainer.request.post(`${suite.server.url}/api/sessions`, { data: { title: 'Team Oost', minGroupSize: 3 } });
  const s = (await res.json()) as { id: string; code: string };
  const tokens: string[] = [];
  for (const [name, most, least] of TEAM) tokens.push(await participant(s.code, name, most, least));
  expect((await trainer.request.post(`${suite.server.url}/api/sessions/${s.id}/step`, { data: { to: 'team' } })).status()).toBe(200);

  // Anna's phone waits at the team step.
  const phoneContext = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  const phoneErrors = watchErrors(phone);
  await phone.goto(`${suite.server.url}/w/${tokens[0]}?lang=nl`);
  await phone.locator('#screen-step[data-step-kind="team"]').waitFor();
  expect(await phone.locator('[data-team-view]').count()).toBe(0);
  await phone.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));

  // The trainer reveals from the dashboard (a plain form: the page comes back with the team view).
  const page = await trainer.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/trainer/sessions/${s.id}`);
  await page.locator('[data-reveal]:not([disabled])').click();
  await page.locator('#team-view .team-grid').waitFor();
  expect(await page.locator('#team-view .team-grid-names li').allTextContents()).toEqual(expect.arrayContaining(TEAM.map((m) => m[0])));
  await expectNoSeriousAxeViolations(page, 'dashboard with the team view');
  await shotsOf(page, '#team-view', 'team-view-dashboard');
  await shotsOf(page, '#agreements', 'team-view-agreements');
  await shotsOf(page, '#trainers', 'team-view-trainers');

  // An agreement, typed and saved without any script.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.locator('#agreement-text-1').fill('We vragen eerst wat er goed ging met het oude systeem.');
  await page.locator('#agreement-drive-1').selectOption('purple');
  await page.getByRole('button', { name: 'Afspraken bewaren' }).click();
  await page.waitForURL(`**/trainer/sessions/${s.id}#agreements`);
  expect(await page.locator('#agreement-text-1').inputValue()).toBe('We vragen eerst wat er goed ging met het oude systeem.');
  await expectReflowAtAllSizes(suite.browser, trainer, page.url(), 'team-view-dashboard-page', SHOTS);
  expect(errors).toEqual([]);

  // A co-trainer: an unknown address comes back with its message and what was typed, then the right one is added.
  await page.locator('#trainer-email').fill('niemand@example.nl');
  await page.getByRole('button', { name: 'Toevoegen als medetrainer' }).click();
  await page.locator('#trainer-email-error').waitFor();
  expect(await page.locator('#trainer-email').inputValue()).toBe('niemand@example.nl');
  await expectNoSeriousAxeViolations(page, 'dashboard, co-trainer refused');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page.locator('#trainers'), `${SHOTS}/team-view-trainers-error-390.png`);
  await page.locator('#trainer-email').fill(CO.email);
  await page.getByRole('button', { name: 'Toevoegen als medetrainer' }).click();
  await page.getByRole('button', { name: 'Cor Co als medetrainer weghalen' }).waitFor();
  await shot(page.locator('#trainers'), `${SHOTS}/team-view-trainers-added-390.png`);

  // The phone filled in the team view by itself, and it is what the server renders on a reload.
  await phone.locator('[data-team-view] h2').waitFor();
  expect(await phone.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  const teamBox = phone.locator('[data-team-view]');
  const live = await teamBox.innerHTML();
  expect(live).toContain('Jouw plek: eerst Verbondenheid');
  for (const [name] of TEAM) expect(await teamBox.innerText()).not.toContain(name);
  await expectNoSeriousAxeViolations(phone, 'phone with the team view');
  await shot(phone, `${SHOTS}/team-view-phone-390.png`, true);
  await phone.reload();
  await phone.locator('[data-team-view] h2').waitFor();
  const norm = (html: string) => html.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
  expect(norm(await teamBox.innerHTML())).toBe(norm(live));
  await expectReflowAtAllSizes(suite.browser, phoneContext, phone.url(), 'team-view-phone', SHOTS);
  expect(phoneErrors).toEqual([]);
  await Promise.all([trainer.close(), phoneContext.close()]);
});
