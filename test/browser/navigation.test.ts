import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { expectNoSidewaysScroll, fixedWidthContext, PHONE, shot, SMALL_PHONE } from '../helpers/layout';

jest.setTimeout(120_000);
const suite = browserSuite([{ email: 'admin@example.nl', name: 'Ada Admin', role: 'admin', password: 'admin-password-1' }]);

const LINKS = ['Sessies', 'Klant lezen', 'Projecten', 'Mijn profielen', 'Kwaliteit', 'Auditlog'];

for (const width of [SMALL_PHONE, PHONE, 1366]) {
  test(`When an admin opens the navigation at ${width} px, then every link is on screen and can be clicked`, async () => {
    const context = await fixedWidthContext(suite.browser, width);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${suite.server.url}/login`);
    await page.locator('#email').fill('admin@example.nl');
    await page.locator('#password').fill('admin-password-1');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/trainer');

    const nav = page.getByRole('navigation', { name: 'Menu' });
    const menu = nav.locator('summary');
    if (await menu.isVisible()) {
      await menu.click();
      await expectNoSeriousAxeViolations(page, `menu opened at ${width} px`);
    }
    await shot(page, `${SHOTS}/nav-${width}.png`);
    for (const name of [...LINKS, 'Uitloggen']) {
      const item = nav.getByRole(name === 'Uitloggen' ? 'button' : 'link', { name, exact: true });
      const box = await item.boundingBox();
      expect({ name, box: box && { inside: box.x >= 0 && box.x + box.width <= width && box.y >= 0 } }).toEqual({
        name,
        box: { inside: true },
      });
      await item.click({ trial: true });
    }
    await expectNoSidewaysScroll(page, `sessions at ${width} px`);
    // The menu link goes where it says.
    await nav.getByRole('link', { name: 'Kwaliteit' }).click();
    await page.waitForURL('**/stats');
    expect(errors).toEqual([]);
    await context.close();
  });
}
