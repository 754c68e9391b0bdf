import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { shot } from '../helpers/layout';

// The whole workshop in real Chromium, as a room runs it: the trainer sets up the session and its three exercises in
// the browser, four participants join on their own phones (390×844), follow the steps without a reload, tap, type and
// upvote; the trainer hides an answer from the control page and reveals every round from the presenter's keyboard.
jest.setTimeout(240_000);
const TRAINER = { email: 'trainer@example.nl', name: 'Tessa Trainer', role: 'trainer' as const, password: 'workshop-journey-1' };
const suite = browserSuite([TRAINER]);

async function trainerContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill(TRAINER.email);
  await page.locator('#password').fill(TRAINER.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/trainer');
  return { context, page };
}

/** A participant's own phone: joins through the join page and lands on their workshop screen. */
async function phone(code: string, name: string) {
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/join/${code}`);
  await page.locator('#name').fill(name);
  await page.locator('#consent').check();
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await page.waitForURL(/\/w\/[A-Za-z0-9_-]+$/);
  await page.locator('#screen-step[data-step-kind="lobby"]').waitFor();
  // Set once; a reload would lose it, so its presence at the end proves the phone followed every step live.
  await page.evaluate(() => ((window as unknown as { followed: boolean }).followed = true));
  return { context, page, errors, name };
}
const stillSamePage = (p: Page) => p.evaluate(() => (window as unknown as { followed?: boolean }).followed === true);
const atRound = (p: Page, kind: string, status: string) =>
  p.locator(`#screen-step[data-step-kind="exercise"][data-status="${status}"] .${kind}`).first();

test('A trainer runs a recognise round, an open question and a poll; four phones follow, answer and upvote; every round is revealed', async () => {
  const trainer = await trainerContext();
  const t = trainer.page;
  // The session and its exercises, made on the trainer's pages.
  await t.locator('#title').fill('Gemeente Deventer, training zaaksysteem');
  await t.locator('#minGroupSize').fill('1');
  await t.getByRole('button', { name: 'Sessie aanmaken' }).click();
  await t.waitForURL(/\/trainer\/sessions\/[A-Za-z0-9_-]{16}$/);
  const dashboard = t.url();
  const code = (await t.locator('.join-code').innerText()).trim();
  const blue = await t.locator('#remarkId optgroup').nth(2).locator('option').first().getAttribute('value');
  await t.locator('#remarkId').selectOption(blue);
  await t.locator('#add-bank').getByRole('button').click();
  await t.locator('.studio-item').first().waitFor();
  await t.locator('#openPrompt').fill('Wat hoor je het vaakst van klanten?');
  await t.locator('#add-open').getByRole('button').click();
  await t.locator('.studio-item').nth(1).waitFor();
  await t.locator('#pollPrompt').fill('Hoeveel weerstand verwacht je bij deze klant?');
  await t.locator('#pollOptions').fill('Weinig\nWat\nVeel');
  await t.locator('#add-poll').getByRole('button').click();
  await t.locator('.studio-item').nth(2).waitFor();

  // The projector and the trainer's phone.
  const present = await trainer.context.newPage();
  await present.setViewportSize({ width: 1920, height: 1080 });
  const presentErrors = watchErrors(present);
  await present.goto(`${dashboard}/present`);
  await present.locator('.present-lobby').waitFor();
  const control = await trainer.context.newPage();
  await control.setViewportSize({ width: 390, height: 844 });
  await control.goto(`${dashboard}/control`);

  const phones = [];
  for (const name of ['Anouk', 'Bram', 'Chantal', 'Dirk']) phones.push(await phone(code, name));
  await present.getByText('Binnen: 4').waitFor();
  await shot(present, `${SHOTS}/journey-present-lobby-1920.png`);

  // Round 1: recognise. → twice (team chart step, then the round, which opens on arrival).
  await present.keyboard.press('ArrowRight');
  await present.locator('.present-team').waitFor();
  await present.keyboard.press('ArrowRight');
  await present.locator('.present-recognise').waitFor();
  const picks = ['Structuur', 'Structuur', 'Harmonie', 'Daadkracht'];
  for (const [i, p] of phones.entries()) {
    await atRound(p.page, 'drive-choice', 'open').waitFor();
    await p.page.getByRole('button', { name: new RegExp(`^${picks[i]}`) }).click();
    await p.page.locator('.drive-choice[aria-pressed="true"]').waitFor();
  }
  // Dirk changes his mind before the round closes.
  await phones[3]!.page.getByRole('button', { name: /^Structuur/ }).click();
  await phones[3]!.page.locator('.drive-choice.drive--blue[aria-pressed="true"]').waitFor();
  await present.getByText('Geantwoord: 4 van 4').waitFor();
  await shot(phones[0]!.page, `${SHOTS}/journey-phone-recognise-390.png`);
  await present.keyboard.press('r');
  await present.locator('.present-bars').first().waitFor();
  expect(await present.locator('.present-recognise').innerText()).toMatch(/3 \(75%\)/);
  await shot(present, `${SHOTS}/journey-present-recognise-revealed-1920.png`);
  await expectNoSeriousAxeViolations(present, 'presenter after a reveal');
  for (const p of phones) await p.page.locator('.result-bar-row').first().waitFor();
  await shot(phones[2]!.page, `${SHOTS}/journey-phone-recognise-revealed-390.png`);

  // Round 2: open question, with votes; the trainer hides one answer from the control page.
  await present.keyboard.press('ArrowRight');
  await present.locator('.present-open').waitFor();
  const texts = [
    'Dat hebben we al eens geprobeerd',
    'Wie beslist dit eigenlijk?',
    'Hebben we iedereen gehoord?',
    'Niet weer een nieuw systeem',
  ];
  for (const [i, p] of phones.entries()) {
    await p.page.locator('#open-text').fill(texts[i]!);
    await p.page.getByRole('button', { name: 'Versturen' }).click();
    await p.page.locator('.answer-wall-item.is-own').waitFor();
  }
  for (const p of phones.slice(1)) {
    const first = p.page.locator('.answer-wall-item', { hasText: texts[0]! });
    await first.getByRole('button', { name: 'Stem' }).click();
    await first.getByRole('button', { name: 'Gestemd' }).waitFor();
  }
  await present.getByText('3 stemmen').waitFor();
  await control.getByRole('button', { name: `Verbergen: ${texts[3]}` }).click();
  await control.getByRole('button', { name: `Tonen: ${texts[3]}` }).waitFor();
  await present.locator('.present-wall li').nth(2).waitFor();
  expect(await present.locator('.present-wall').innerText()).not.toContain(texts[3]);
  await phones[0]!.page.locator('.answer-wall-item', { hasText: texts[3]! }).waitFor({ state: 'detached' });
  await shot(phones[1]!.page, `${SHOTS}/journey-phone-open-390.png`);
  await present.keyboard.press('r');
  await present.getByText('Welke drijfveren spreken uit jullie woorden').waitFor();
  await shot(present, `${SHOTS}/journey-present-open-revealed-1920.png`);

  // Round 3: the poll.
  await present.keyboard.press('ArrowRight');
  await present.locator('.present-poll').waitFor();
  for (const [i, p] of phones.entries()) {
    const option = ['Veel', 'Wat', 'Veel', 'Veel'][i]!;
    await p.page.getByRole('button', { name: option, exact: true }).click();
    await p.page.locator('.poll-choice[aria-pressed="true"]', { hasText: option }).waitFor();
  }
  await present.getByText('Geantwoord: 4 van 4').waitFor();
  await present.keyboard.press('r');
  await present.locator('.present-bars').waitFor();
  expect(await present.locator('.present-poll').innerText()).toMatch(/Veel[\s\S]*3/);
  await shot(present, `${SHOTS}/journey-present-poll-revealed-1920.png`);
  for (const p of phones) await p.page.locator('.result-bar-row').first().waitFor();
  await shot(phones[3]!.page, `${SHOTS}/journey-phone-poll-revealed-390.png`);

  await present.keyboard.press('ArrowRight');
  for (const p of phones) await p.page.getByRole('heading', { name: 'Bedankt voor het meedoen!' }).waitFor();
  for (const p of phones) expect(await stillSamePage(p.page)).toBe(true);
  for (const p of phones) expect(p.errors).toEqual([]);
  expect(presentErrors).toEqual([]);

  // What the trainer downloads matches what the phones did.
  const list = (await (
    await trainer.context.request.get(`${suite.server.url}/api/sessions/${dashboard.split('/').pop()}/exercises`)
  ).json()) as {
    id: string;
  }[];
  const result = async (eid: string) =>
    (await trainer.context.request.get(`${suite.server.url}/api/sessions/${dashboard.split('/').pop()}/exercises/${eid}/results`)).json();
  expect((await result(list[0]!.id)).counts).toMatchObject({ blue: 3, green: 1, red: 0 });
  const open = await result(list[1]!.id);
  expect(open.answers.find((a: { text: string }) => a.text === texts[0]).votes).toBe(3);
  expect(open.answers.find((a: { text: string }) => a.text === texts[3]).hidden).toBe(true);
  expect((await result(list[2]!.id)).counts).toEqual({ Weinig: 0, Wat: 1, Veel: 3 });
  for (const p of phones) await p.context.close();
  await trainer.context.close();
});

test('When a participant is filling in the questionnaire and the trainer opens a round, then the page says so and links to the round', async () => {
  const trainer = await trainerContext();
  const api = trainer.context.request;
  const s = (await (await api.post(`${suite.server.url}/api/sessions`, { data: { title: 'Nudge' } })).json()) as {
    id: string;
    code: string;
  };
  const x = (await (
    await api.post(`${suite.server.url}/api/sessions/${s.id}/exercises`, { data: { kind: 'open', prompt: 'Wat valt je op?' } })
  ).json()) as {
    id: string;
  };
  const p = await phone(s.code, 'Esra');
  await p.page.getByRole('link', { name: 'Vul de vragenlijst in' }).click();
  await p.page.waitForURL(/\/a\/[A-Za-z0-9_-]+\/1$/);
  const nudge = p.page.locator('[data-studio-nudge]');
  expect(await nudge.isHidden()).toBe(true);
  expect((await api.post(`${suite.server.url}/api/sessions/${s.id}/exercises/${x.id}/open`, { data: {} })).status()).toBe(200);
  await nudge.waitFor({ state: 'visible' });
  await shot(p.page, `${SHOTS}/journey-questionnaire-nudge-390.png`);
  await expectNoSeriousAxeViolations(p.page, 'questionnaire with the exercise notice');
  await nudge.getByRole('link', { name: 'Doe mee met de oefening' }).click();
  await p.page.locator('#open-text').waitFor();
  expect(p.errors).toEqual([]);
  await p.context.close();
  await trainer.context.close();
});
