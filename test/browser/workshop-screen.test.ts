import type { APIRequestContext, Page } from 'playwright-core';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectReflowAtAllSizes, expectNoSidewaysScroll, shot } from '../helpers/layout';
import { realContent } from '../helpers/content';

// One session walks through every step; the reveal is also opened at four screen sizes.
jest.setTimeout(180_000);
const TRAINER = { email: 'trainer@example.nl', name: 'Tessa Trainer', role: 'trainer' as const, password: 'workshop-password-1' };
const suite = browserSuite([TRAINER]);
const remark = realContent().remarks.nl.find((r) => r.drive === 'blue' && r.also.length > 0)!;

/** The trainer's side, through the API (their own pages are another helper's work). */
async function trainerApi() {
  const context = await suite.browser.newContext({ baseURL: suite.server.url });
  const api: APIRequestContext = context.request;
  const ok = async (res: Awaited<ReturnType<APIRequestContext['post']>>) => {
    if (!res.ok()) throw new Error(`${res.status()} ${res.url()}: ${await res.text()}`);
    return res.json();
  };
  await ok(await api.post('/api/login', { data: { email: TRAINER.email, password: TRAINER.password } }));
  const s = (await ok(await api.post('/api/sessions', { data: { title: 'Gemeente Zwolle', anonymous: true } }))) as {
    id: string;
    code: string;
  };
  const post = (path: string, data: unknown = {}) => api.post(`/api/sessions/${s.id}${path}`, { data }).then(ok);
  const exercise = async (data: unknown) => ((await post('/exercises', data)) as { id: string }).id;
  return { s, post, exercise, close: () => context.close() };
}

/** Someone else in the room, answering through the API as their phone's script would. */
async function otherParticipant(code: string) {
  const api = (await suite.browser.newContext({ baseURL: suite.server.url })).request;
  const res = await api.post('/api/assessments', {
    data: { consent: true, sessionCode: code, name: 'Mees' },
    headers: { Cookie: 'dv.client=mees' },
  });
  const token = ((await res.json()) as { token: string }).token;
  return (eid: string, data: unknown) => api.post(`/api/assessments/${token}/exercises/${eid}/answer`, { data });
}

const atRound = (page: Page, eid: string, status: string) =>
  page.locator(`#screen-step[data-exercise="${eid}"][data-status="${status}"]`).waitFor();
const noReload = (page: Page) => page.evaluate(() => (window as unknown as { kept?: boolean }).kept === true);
/**
 * The step's elements, attributes and texts (whitespace collapsed, the ticking countdown left out): to compare the live
 * render with the server's.
 */
const stepShape = (page: Page) =>
  page.evaluate(() => {
    const walk = (n: Node): unknown => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent!.replace(/\s+/g, ' ').trim() || null;
      if (n.nodeType !== Node.ELEMENT_NODE) return null;
      const el = n as Element;
      if (el.classList.contains('round-countdown')) return 'countdown';
      const attrs = Array.from(el.attributes)
        .map((a) => `${a.name}=${a.value}`)
        .sort();
      return [
        el.tagName.toLowerCase(),
        attrs,
        Array.from(el.childNodes)
          .map(walk)
          .filter((x) => x !== null),
      ];
    };
    return walk(document.getElementById('screen-step')!);
  });
/** What the script drew after live changes is what the server renders for the same state (reload). */
async function expectSameAsServer(page: Page, eid: string, status: string) {
  expect(await noReload(page)).toBe(true);
  const live = await stepShape(page);
  await page.reload();
  await atRound(page, eid, status);
  expect(await stepShape(page)).toEqual(live);
  await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
}

test('A participant follows the workshop on their phone: lobby, a remark to recognise, the reveal, an open question and a poll, without reloading', async () => {
  const trainer = await trainerApi();
  const recognise = await trainer.exercise({ kind: 'recognize', remarkId: remark.id });
  const question = await trainer.exercise({ kind: 'open', prompt: 'Wat zegt een klant die twijfelt aan het nieuwe systeem?' });
  const poll = await trainer.exercise({
    kind: 'poll',
    prompt: 'Wat helpt deze klant het meest?',
    options: ['Een duidelijk plan', 'Een gesprek met het team', 'Een demo van de winst'],
  });

  const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await phone.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/join/${trainer.s.code}`);
  await page.locator('#name').fill('Kees');
  await page.locator('#consent').check();
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await page.waitForURL(/\/w\/[A-Za-z0-9_-]{24}$/);
  const token = /\/w\/([A-Za-z0-9_-]{24})$/.exec(page.url())![1]!;
  await page.getByRole('link', { name: 'Vul de vragenlijst in' }).waitFor();
  await expectNoSeriousAxeViolations(page, 'screen, lobby');
  await shot(page, `${SHOTS}/screen-lobby-390.png`, true);
  await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));

  // The trainer opens a round with a timer: the phone shows it by itself, with the countdown.
  await trainer.post(`/exercises/${recognise}/open`, { seconds: 120 });
  await atRound(page, recognise, 'open');
  await page
    .locator('.round-countdown')
    .filter({ hasText: /Nog 1:\d\d om te antwoorden/ })
    .waitFor();
  expect(await page.locator('.drive-choice').count()).toBe(6);
  await expectNoSeriousAxeViolations(page, 'screen, recognise');
  await expectNoSidewaysScroll(page, 'screen, recognise');
  await shot(page, `${SHOTS}/screen-recognise-390.png`, true);

  // One tap answers; the tapped drive is marked and the status says it was saved; a second tap changes it.
  await page.getByRole('button', { name: /^Daadkracht/ }).click();
  await page.locator('#screen-status', { hasText: 'Opgeslagen.' }).waitFor();
  // The mark is set at the tap, the save follows: the second save's answer is awaited before the server is asked. (Not with
  // waitForFunction and an async check: it takes the returned promise as a truthy value and does not wait.)
  const secondSave = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/answer'));
  await page.getByRole('button', { name: /^Structuur/ }).click();
  await page.locator('.drive-choice.drive--blue[aria-pressed="true"]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.drive-choice[aria-pressed="true"]').length === 1);
  await page.locator('.drive-choice[aria-pressed="true"] .choice-check').waitFor({ state: 'visible' });
  expect((await secondSave).status()).toBe(200);
  const storedValue = async () =>
    page.evaluate(
      async (t) => ((await (await fetch(`/api/assessments/${t}/exercise`)).json()) as { answer?: { value: string } }).answer?.value,
      token,
    );
  expect(await storedValue()).toBe('blue');
  await shot(page, `${SHOTS}/screen-recognise-tapped-390.png`, true);
  await expectReflowAtAllSizes(suite.browser, phone, page.url(), 'screen-recognise', SHOTS);
  await expectSameAsServer(page, recognise, 'open');

  // Closed, then revealed: the bars, the drive behind the remark and what to say, all without a reload.
  await trainer.post(`/exercises/${recognise}/close`);
  await atRound(page, recognise, 'closed');
  await page.getByText('De ronde is gesloten. Wacht op de uitslag.').waitFor();
  await trainer.post(`/exercises/${recognise}/reveal`);
  await atRound(page, recognise, 'revealed');
  await page.getByText('Jij koos ook Structuur. Goed gehoord!').waitFor();
  expect(await page.locator('.result-bar-row').count()).toBe(6);
  await page.locator('.result-say li').first().waitFor();
  await expectNoSeriousAxeViolations(page, 'screen, revealed');
  await shot(page, `${SHOTS}/screen-revealed-390.png`, true);
  await expectSameAsServer(page, recognise, 'revealed');
  await expectReflowAtAllSizes(suite.browser, phone, page.url(), 'screen-revealed', SHOTS);

  // An open question: the phone writes and sends; the others' answers come in live, each with a vote.
  const mees = await otherParticipant(trainer.s.code);
  await trainer.post('/step', { to: { exercise: question } });
  await atRound(page, question, 'open');
  await mees(question, { text: 'Dat hebben we altijd zo gedaan, waarom nu anders?' });
  await page.locator('.answer-wall-item', { hasText: 'altijd zo gedaan' }).waitFor();
  await page.locator('#open-text').fill('Wie helpt ons als het misgaat?');
  await page.locator('#open-counter', { hasText: '30 van 280 tekens' }).waitFor();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.locator('.answer-wall-item.is-own', { hasText: 'Wie helpt ons' }).waitFor();
  await page.getByRole('button', { name: 'Antwoord aanpassen' }).waitFor();
  await page.locator('.answer-wall-item', { hasText: 'altijd zo gedaan' }).getByRole('button', { name: 'Stem' }).click();
  await page.locator('.answer-wall-item', { hasText: 'altijd zo gedaan' }).getByText('1 stem').waitFor();
  expect(await page.locator('.answer-wall-item.is-own button.answer-vote').count()).toBe(0);
  await expectNoSeriousAxeViolations(page, 'screen, open question');
  await shot(page, `${SHOTS}/screen-open-390.png`, true);
  await trainer.post(`/exercises/${question}/reveal`);
  await atRound(page, question, 'revealed');
  await page.getByRole('heading', { name: 'Woorden die de groep gebruikt' }).waitFor();
  await expectNoSeriousAxeViolations(page, 'screen, open question revealed');
  await shot(page, `${SHOTS}/screen-open-revealed-390.png`, true);

  // A poll: one button per option.
  await trainer.post('/step', { to: { exercise: poll } });
  await atRound(page, poll, 'open');
  await page.getByRole('button', { name: 'Een gesprek met het team' }).click();
  await page.locator('.poll-choice[aria-pressed="true"]', { hasText: 'Een gesprek met het team' }).waitFor();
  await page.locator('#screen-status', { hasText: 'Opgeslagen.' }).waitFor();
  await expectNoSeriousAxeViolations(page, 'screen, poll');
  await shot(page, `${SHOTS}/screen-poll-390.png`, true);
  await expectSameAsServer(page, poll, 'open');

  // The end: thanks.
  await trainer.post('/step', { to: 'end' });
  await page.getByRole('heading', { name: 'Bedankt voor het meedoen!' }).waitFor();
  expect(await noReload(page)).toBe(true);
  expect(errors).toEqual([]);
  await phone.close();
  await trainer.close();
});

test('When the phone wakes up, then it shows the answer given meanwhile on another device, and a refresh shows the same', async () => {
  const trainer = await trainerApi();
  const recognise = await trainer.exercise({ kind: 'recognize', remarkId: remark.id });
  const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const joined = await phone.request.post(`${suite.server.url}/api/assessments`, {
    data: { consent: true, sessionCode: trainer.s.code, name: 'Lot' },
    headers: { Cookie: 'dv.client=lot' },
  });
  const token = ((await joined.json()) as { token: string }).token;
  await trainer.post(`/exercises/${recognise}/open`);
  const page = await phone.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/w/${token}`);
  await atRound(page, recognise, 'open');
  // Answered on a second device (the stream carries no one's own answer): the phone learns it when it wakes.
  await phone.request.post(`${suite.server.url}/api/assessments/${token}/exercises/${recognise}/answer`, { data: { drive: 'green' } });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.locator('.drive-choice.drive--green[aria-pressed="true"]').waitFor();
  await page.reload();
  await page.locator('.drive-choice.drive--green[aria-pressed="true"]').waitFor();
  expect(errors).toEqual([]);
  await phone.close();
  await trainer.close();
});

test('When the connection drops and every retry fails for a while, then the screen says so, and once back shows the round that opened meanwhile', async () => {
  const trainer = await trainerApi();
  const poll = await trainer.exercise({ kind: 'poll', prompt: 'Hoe gaat het?', options: ['Goed', 'Matig'] });
  const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const joined = await phone.request.post(`${suite.server.url}/api/assessments`, {
    data: { consent: true, sessionCode: trainer.s.code, name: 'Noor' },
    headers: { Cookie: 'dv.client=noor' },
  });
  const token = ((await joined.json()) as { token: string }).token;
  const page = await phone.newPage();
  await page.goto(`${suite.server.url}/w/${token}`);
  await page.locator('#screen-step[data-step-kind="lobby"]').waitFor();
  // The stream breaks and every attempt to get it back fails for a while (the phone left the room's wifi).
  await page.route('**/events', (route) => route.abort('internetdisconnected'));
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.locator('#screen-status', { hasText: 'Geen verbinding' }).waitFor();
  await trainer.post(`/exercises/${poll}/open`);
  await page.unroute('**/events');
  await atRound(page, poll, 'open');
  // Back: the news of the new round replaces "no connection" ("connected again" is said first, and overtaken).
  await page.locator('#screen-status', { hasText: 'Er is een nieuwe oefening.' }).waitFor();
  await phone.close();
  await trainer.close();
});
