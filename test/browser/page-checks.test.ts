import { browserSuite, SHOTS } from '../helpers/browser-suite';
import { expectReflowAtAllSizes, fixedWidthContext } from '../helpers/layout';

/*
 * The sweep that every other browser test relies on (expectReflowAtAllSizes) must see what the test's own context sees,
 * or it would check the login page and pass; and it must fail on a page that scrolls sideways. Page checks run in the
 * SQLite run only (see PAGE_CHECKS), and so does this file.
 */
jest.setTimeout(120_000);
const suite = browserSuite([{ email: 'tess@example.nl', name: 'Tess Trainer', role: 'trainer', password: 'tess-password-1' }]);

test('When a page is wider than a small phone, then the sweep fails and names the element that sticks out', async () => {
  const context = await fixedWidthContext(suite.browser, 1366);
  const wide = 'data:text/html,<title>wide</title><main><div id="wide" style="width:1000px">text</div></main>';
  await expect(expectReflowAtAllSizes(suite.browser, context, wide, 'wide', SHOTS)).rejects.toThrow(/div#wide/);
  await context.close();
});

test("When the test's context logs in and later out, then each sweep sees the same, and leaves no page open on the app", async () => {
  const context = await fixedWidthContext(suite.browser, 390);
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill('tess@example.nl');
  await page.locator('#password').fill('tess-password-1');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/trainer');

  const seen: string[] = [];
  const record = async (p: import('playwright-core').Page) => void seen.push(new URL(p.url()).pathname);
  await expectReflowAtAllSizes(suite.browser, context, `${suite.server.url}/trainer`, 'sweep-logged-in', SHOTS, record);
  const openOnApp = () =>
    suite.browser
      .contexts()
      .flatMap((c) => c.pages())
      .filter((p) => p.url().startsWith(suite.server.url));
  expect(openOnApp()).toEqual([page]);

  await context.clearCookies();
  await expectReflowAtAllSizes(suite.browser, context, `${suite.server.url}/trainer`, 'sweep-logged-out', SHOTS, record);
  expect(seen).toEqual(['/trainer', '/login']);
  await context.close();
});
