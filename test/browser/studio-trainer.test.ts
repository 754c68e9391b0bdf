import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectNoSidewaysScroll, expectReflowAtAllSizes, shot } from '../helpers/layout';

// The trainer's side of the workshop studio in a real browser: the presenter at 1920×1080 through every step kind, driven by
// its keys, and the control page on a phone; participants answer through the API, as their phones do.
jest.setTimeout(180_000);
const suite = browserSuite([{ email: 'trainer@example.nl', name: 'Tessa Trainer', role: 'trainer', password: 'studio-password-1' }]);

async function trainerContext(width: number, height: number): Promise<BrowserContext> {
  const context = await suite.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill('trainer@example.nl');
  await page.locator('#password').fill('studio-password-1');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/trainer');
  await page.close();
  return context;
}
async function api(request: APIRequestContext, path: string, data: object = {}) {
  const res = await request.post(`${suite.server.url}${path}`, { data });
  expect(res.status()).toBeLessThan(300);
  return res.json();
}
async function join(code: string, name: string): Promise<string> {
  const res = await fetch(`${suite.server.url}/api/assessments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `dv.client=${name}` },
    body: JSON.stringify({ consent: true, sessionCode: code, name }),
  });
  return ((await res.json()) as { token: string }).token;
}
async function answer(token: string, eid: string, body: object) {
  const res = await fetch(`${suite.server.url}/api/assessments/${token}/exercises/${eid}/answer`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}
async function vote(token: string, eid: string, answerId: number) {
  const res = await fetch(`${suite.server.url}/api/assessments/${token}/exercises/${eid}/votes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answerId }),
  });
  expect(res.status).toBe(200);
}
/** Saves a complete questionnaire (every statement 3, the first and last option of each situation) and completes it. */
async function complete(token: string) {
  const model = (await (await fetch(`${suite.server.url}/api/model`)).json()) as {
    likert: { items: { id: string }[] };
    choice: { items: { id: string; options: { id: string }[] }[] };
  };
  const likert = Object.fromEntries(model.likert.items.map((i) => [i.id, 3]));
  const choice = Object.fromEntries(model.choice.items.map((c) => [c.id, { most: c.options[0]!.id, least: c.options.at(-1)!.id }]));
  const headers = { 'Content-Type': 'application/json' };
  const put = await fetch(`${suite.server.url}/api/assessments/${token}/answers`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ likert, choice }),
  });
  expect(put.status).toBe(200);
  expect((await fetch(`${suite.server.url}/api/assessments/${token}/complete`, { method: 'POST' })).status).toBe(200);
}
/** The smallest font size of visible text in the stage, in px (the key hint and the corner are measured apart). */
const smallestText = (page: Page) =>
  page.evaluate(() => {
    const sizes = Array.from(document.querySelectorAll('[data-stage] *'))
      .filter(
        (e) => Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim()) && (e as HTMLElement).offsetParent !== null,
      )
      .filter((e) => !e.closest('.visually-hidden'))
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    return Math.min(...sizes);
  });
const stageText = (page: Page) => page.locator('[data-stage]').innerText();

test('A trainer presents lobby, team, a recognise round, an open question and a poll from the keyboard, and controls rounds from a phone', async () => {
  const big = await trainerContext(1920, 1080);
  const request = big.request;
  const session = (await api(request, '/api/sessions', { title: 'Implementatieteam Zwolle', points: true, minGroupSize: 1 })) as {
    id: string;
    code: string;
  };
  const base = `${suite.server.url}/trainer/sessions/${session.id}`;
  const remarks = (await (await request.get(`${suite.server.url}/api/remarks?lang=nl`)).json()) as { id: string; drive: string }[];
  const blue = remarks.find((r) => r.drive === 'blue')!;
  const rec = await api(request, `/api/sessions/${session.id}/exercises`, { kind: 'recognize', remarkId: blue.id });
  const open = await api(request, `/api/sessions/${session.id}/exercises`, {
    kind: 'open',
    prompt: 'Wat hoor je vaak als je iets nieuws invoert?',
  });
  const poll = await api(request, `/api/sessions/${session.id}/exercises`, {
    kind: 'poll',
    prompt: 'Hoe staat jouw team tegenover het nieuwe systeem?',
    options: ['Enthousiast', 'Afwachtend', 'Kritisch', 'Weet ik niet'],
  });

  const present = await big.newPage();
  const errors = watchErrors(present);
  await present.goto(`${base}/present`);
  await present.locator('.present-lobby').waitFor();
  await present.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
  const names = ['Anouk', 'Bram', 'Chantal', 'Dirk', 'Esra'];
  const tokens: string[] = [];
  for (const n of names) tokens.push(await join(session.code, n));
  await present.getByText('Binnen: 5').waitFor();
  await shot(present, `${SHOTS}/studio-present-lobby-1920.png`);
  expect(await smallestText(present)).toBeGreaterThanOrEqual(28);
  await expectNoSeriousAxeViolations(present, 'presenter lobby');

  await present.keyboard.press('ArrowRight');
  await present.locator('.present-team').waitFor();
  expect(await stageText(present)).toContain('Het teambeeld komt hier zodra de trainer het laat zien.');
  await shot(present, `${SHOTS}/studio-present-team-waiting-1920.png`);
  expect(await present.locator('[data-corner]').isVisible()).toBe(true);

  await present.keyboard.press('ArrowRight');
  await present.locator('.present-recognise').waitFor();
  // Arriving at the round opened it; the phones answer.
  const drives = ['blue', 'blue', 'red', 'blue', 'green'];
  for (const [i, tk] of tokens.slice(0, 4).entries()) await answer(tk, rec.id, { drive: drives[i] });
  await present.getByText('Geantwoord: 4 van 5').waitFor();
  await shot(present, `${SHOTS}/studio-present-recognise-open-1920.png`);
  expect(await smallestText(present)).toBeGreaterThanOrEqual(28);

  // The control page on a phone, at the same round: a 60-second timer, then the presenter's R reveals.
  const phone = await trainerContext(390, 844);
  const control = await phone.newPage();
  const controlErrors = watchErrors(control);
  await control.goto(`${base}/control`);
  await control.locator('[data-step-name]', { hasText: 'Oefening 1 van 3' }).waitFor();
  await control.locator('[data-timer]').selectOption('60');
  await control.getByRole('button', { name: 'Openen' }).click();
  await control.locator('[data-status]', { hasText: 'De ronde is open. Tijd: 1:00.' }).waitFor();
  await control.locator('[data-countdown]:not([hidden])').waitFor();
  await present.locator('[data-countdown]').waitFor();
  expect(await present.locator('[data-countdown]').innerText()).toMatch(/^Nog [01]:\d\d$/);
  await shot(control, `${SHOTS}/studio-control-recognise-390.png`, true);
  await expectNoSidewaysScroll(control, 'control page, recognise');
  await expectNoSeriousAxeViolations(control, 'control page, recognise');

  await answer(tokens[4]!, rec.id, { drive: drives[4] });
  await present.keyboard.press('r');
  await present.locator('.present-bars').first().waitFor();
  const revealed = await stageText(present);
  expect(revealed).toContain('Structuur (bedoeld)');
  expect(revealed).toContain('3 (60%)');
  expect(revealed).toContain('De behoefte erachter:');
  expect(revealed).toContain('Wat je kunt zeggen');
  expect(revealed).toContain('Ranglijst');
  expect(await present.locator('.present-say li').count()).toBeGreaterThanOrEqual(2);
  expect(await present.locator('.present-board li').count()).toBe(5);
  await shot(present, `${SHOTS}/studio-present-recognise-revealed-1920.png`);
  // A laptop on a projector: the same screen in proportion.
  await present.setViewportSize({ width: 1366, height: 768 });
  await shot(present, `${SHOTS}/studio-present-recognise-revealed-1366.png`);
  await present.setViewportSize({ width: 1920, height: 1080 });
  expect(await smallestText(present)).toBeGreaterThanOrEqual(28);
  await expectNoSeriousAxeViolations(present, 'presenter, recognise revealed');

  // The open question: answers on the wall with votes and a word cloud; the trainer hides one from the phone.
  await present.keyboard.press('ArrowRight');
  await present.locator('.present-open').waitFor();
  const texts = [
    'Dat hebben we altijd zo gedaan.',
    'Wat levert het ons op?',
    'Wie heeft dit besloten? Ik wil zelf kunnen kiezen.',
    'Hebben we iedereen wel gehoord?',
    'Waar staat de procedure?',
  ];
  for (const [i, tk] of tokens.entries()) await answer(tk, open.id, { text: texts[i] });
  const wall = (await (await big.request.get(`${suite.server.url}/api/sessions/${session.id}/exercises/${open.id}/results`)).json()) as {
    answers: { id: number; text: string }[];
  };
  const levert = wall.answers.find((a) => a.text === 'Wat levert het ons op?')!;
  // Nobody votes for their own answer (Bram wrote the second, Chantal the third).
  for (const tk of [tokens[0]!, tokens[2]!, tokens[3]!]) await vote(tk, open.id, levert.id);
  await vote(tokens[4]!, open.id, wall.answers.find((a) => a.text.startsWith('Wie heeft'))!.id);
  await present.getByText('3 stemmen').waitFor();
  await control.locator('.control-answer-list li').nth(4).waitFor();
  await shot(control, `${SHOTS}/studio-control-open-390.png`, true);
  await control.getByRole('button', { name: 'Verbergen: Waar staat de procedure?' }).click();
  await control.getByRole('button', { name: 'Tonen: Waar staat de procedure?' }).waitFor();
  await present.locator('.present-wall li').nth(3).waitFor();
  expect(await present.locator('.present-wall li').count()).toBe(4);
  expect(await stageText(present)).not.toContain('Waar staat de procedure?');
  await present.keyboard.press('r');
  await present.getByText('Welke drijfveren spreken uit jullie woorden').waitFor();
  await shot(present, `${SHOTS}/studio-present-open-revealed-1920.png`);
  expect(await smallestText(present)).toBeGreaterThanOrEqual(28);

  // The poll: bars per option after the reveal.
  await present.keyboard.press('ArrowRight');
  await present.locator('.present-poll').waitFor();
  const choices = ['Afwachtend', 'Kritisch', 'Afwachtend', 'Enthousiast', 'Afwachtend'];
  for (const [i, tk] of tokens.entries()) await answer(tk, poll.id, { option: choices[i] });
  await present.getByText('Geantwoord: 5 van 5').waitFor();
  await present.keyboard.press('r');
  await present.locator('.present-bars').waitFor();
  expect(await stageText(present)).toContain('3 (60%)');
  await shot(present, `${SHOTS}/studio-present-poll-revealed-1920.png`);
  expect(await smallestText(present)).toBeGreaterThanOrEqual(28);

  // The end, with the leaderboard; B blanks the screen.
  await present.keyboard.press('ArrowRight');
  await present.locator('.present-end .present-board li').first().waitFor();
  await shot(present, `${SHOTS}/studio-present-end-1920.png`);
  await present.keyboard.press('b');
  expect(await present.locator('[data-blank]').isVisible()).toBe(true);
  await present.keyboard.press('b');
  expect(await present.locator('[data-blank]').isVisible()).toBe(false);

  // Three finish the questionnaire; back to the team step from the phone, where the presenter's R shows the chart.
  for (const tk of tokens.slice(0, 3)) await complete(tk);
  // Four quick taps on Vorige, without waiting in between: each counts once (the server moves from the step it read).
  for (let i = 0; i < 4; i++) await control.getByRole('button', { name: 'Vorige' }).click();
  await control.locator('[data-step-name]', { hasText: 'Teambeeld' }).waitFor();
  await present.locator('.present-team').waitFor();
  await present.keyboard.press('r');
  await present.locator('.present-team canvas').waitFor();
  await present.waitForFunction(() =>
    Boolean(
      (window as unknown as { Chart: { getChart(el: unknown): unknown } }).Chart.getChart(document.getElementById('present-team-chart')),
    ),
  );
  expect(
    await present.evaluate(() => (window as unknown as { Chart: { defaults: { font: { size: number } } } }).Chart.defaults.font.size),
  ).toBeGreaterThanOrEqual(20);
  await shot(present, `${SHOTS}/studio-present-team-1920.png`);
  expect(await present.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);

  // The dashboard's studio section: a poll with one option comes back with the error and the typed text; fixed, it is added.
  const dash = await big.newPage();
  const dashErrors = watchErrors(dash);
  await dash.setViewportSize({ width: 1366, height: 900 });
  await dash.goto(base);
  expect(await dash.locator('.studio-item').count()).toBe(3);
  await dash.locator('#pollPrompt').fill('Wat werkt het best bij jullie?');
  await dash.locator('#pollOptions').fill('Een demo');
  await dash.locator('#add-poll').getByRole('button', { name: 'Toevoegen' }).click();
  await dash.locator('#pollOptions-error').waitFor();
  expect(await dash.locator('#pollPrompt').inputValue()).toBe('Wat werkt het best bij jullie?');
  await shot(dash, `${SHOTS}/studio-dashboard-error-1366.png`);
  await expectNoSeriousAxeViolations(dash, 'dashboard, studio form error');
  await dash.locator('#pollOptions').fill('Een demo\nEen handleiding\nEen collega die helpt');
  await dash.locator('#add-poll').getByRole('button', { name: 'Toevoegen' }).click();
  await dash.locator('.studio-item').nth(3).waitFor();
  // The form error is a 400 page, which the browser reports; nothing else may fail.
  expect(dashErrors.filter((e) => !e.startsWith('400 ') && !e.includes('status of 400'))).toEqual([]);
  await dash.setViewportSize({ width: 390, height: 844 });
  await shot(dash.locator('#studio'), `${SHOTS}/studio-dashboard-section-390.png`);
  await expectReflowAtAllSizes(suite.browser, big, base, 'studio-dashboard', SHOTS, (p) => p.locator('#studio').scrollIntoViewIfNeeded());
  await expectReflowAtAllSizes(suite.browser, phone, `${base}/control`, 'studio-control', SHOTS, (p) =>
    p.locator('[data-step-name]', { hasText: 'Teambeeld' }).waitFor(),
  );
  expect(errors).toEqual([]);
  expect(controlErrors).toEqual([]);
  await big.close();
  await phone.close();
});
