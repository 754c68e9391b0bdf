import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectReflowAtAllSizes, shot } from '../helpers/layout';

// A trainer picks two revealed sessions on their list and sees one team picture of both, without names.
jest.setTimeout(120_000);
const TRAINER = { email: 'trainer@example.nl', name: 'Tessa Trainer', role: 'trainer' as const, password: 'combined-password-1' };
const suite = browserSuite([TRAINER]);

test('A trainer combines two revealed workshops from the session list into one picture without names', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const api = context.request;
  expect((await api.post(`${suite.server.url}/api/login`, { data: { email: TRAINER.email, password: TRAINER.password } })).status()).toBe(
    200,
  );
  const model = (await (await api.get(`${suite.server.url}/api/model`)).json()) as {
    likert: { items: { id: string }[] };
    choice: { items: { id: string; options: { id: string; drive: string }[] }[] };
  };
  for (const [title, people] of [
    ['Workshop Noord', ['Anna', 'Bram', 'Cees']],
    ['Workshop Zuid', ['Dina', 'Eef', 'Fien']],
  ] as const) {
    const s = (await (await api.post(`${suite.server.url}/api/sessions`, { data: { title, minGroupSize: 3 } })).json()) as {
      id: string;
      code: string;
    };
    for (const [i, name] of people.entries()) {
      const joined = await api.post(`${suite.server.url}/api/assessments`, {
        data: { consent: true, sessionCode: s.code, name },
        headers: { Cookie: `dv.client=${name}` },
      });
      const { token } = (await joined.json()) as { token: string };
      const likert = Object.fromEntries(model.likert.items.map((it, k) => [it.id, ((k + i) % 5) + 1]));
      const choice = Object.fromEntries(
        model.choice.items.map((c, k) => [c.id, { most: c.options[(k + i) % 6]!.id, least: c.options[(k + i + 3) % 6]!.id }]),
      );
      expect((await api.put(`${suite.server.url}/api/assessments/${token}/answers`, { data: { likert, choice } })).status()).toBe(200);
      expect((await api.post(`${suite.server.url}/api/assessments/${token}/complete`)).status()).toBe(200);
    }
    expect((await api.post(`${suite.server.url}/api/sessions/${s.id}/reveal`)).status()).toBe(200);
  }
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/trainer`);
  await page.getByLabel(/Workshop Noord/).check();
  await page.getByLabel(/Workshop Zuid/).check();
  await page.getByRole('button', { name: 'Samen bekijken' }).click();
  await page.getByRole('heading', { name: 'Sessies samen bekeken' }).waitFor();
  const text = await page.locator('main').innerText();
  expect(text).toContain('6 mensen uit 2 sessies');
  for (const name of ['Anna', 'Bram', 'Cees', 'Dina', 'Eef', 'Fien']) expect(text).not.toContain(name);
  await expectNoSeriousAxeViolations(page, 'combined team picture');
  await shot(page, `${SHOTS}/team-combined-view-1366.png`);
  await expectReflowAtAllSizes(suite.browser, context, page.url(), 'team-combined', SHOTS);
  expect(errors).toEqual([]);
  await context.close();
});
