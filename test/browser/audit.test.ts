import { createAuditService } from '../../src/services/audit';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { browserSuite, SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectReflowAtAllSizes } from '../helpers/layout';

jest.setTimeout(120_000);
const ADMIN = { email: 'ada.beheerder@gemeente-voorbeeldstad.nl', name: 'Ada', role: 'admin' as const, password: 'admin-password-1' };
// 60 records, so the list has a second page, with long actors and details as real ones have.
const suite = browserSuite([ADMIN], async (db) => {
  const store = await db.open();
  let at = Date.parse('2026-11-20T08:00:00Z');
  const audit = createAuditService(store, { now: () => new Date(at) });
  for (let i = 0; i < 60; i++) {
    at += 37 * 60_000;
    if (i % 3 === 0)
      await audit.record({
        action: 'export.workshop',
        actorEmail: 'tessa.trainer@gemeente-voorbeeldstad.nl',
        target: 'K7M2QX',
        detail: { format: 'csv', kind: 'rows', rows: 14 },
      });
    else if (i % 3 === 1) await audit.record({ action: 'login.failure', actor: 'anonymous', detail: { reason: 'unknown_account' } });
    else await audit.record({ action: 'retention.purge', actor: 'system', detail: { workshops: 1, unfinished: 3, audit: 0 } });
  }
  await store.close();
});

test('An admin filters the audit log and pages through it; the page and the accessibility statement reflow at every size', async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${suite.server.url}/login`);
  await page.locator('#email').fill(ADMIN.email);
  await page.locator('#password').fill(ADMIN.password);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/trainer');

  await page.getByRole('link', { name: 'Auditlog' }).first().click();
  await page.waitForURL('**/admin/audit');
  await expect(page.locator('[data-audit-total]').innerText()).resolves.toContain('63 gevonden'); // the 60, the admin's user.add, the purge at start-up, this login
  await page.getByLabel('Wat').selectOption('export.workshop');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL((u) => u.pathname === '/admin/audit' && u.searchParams.get('action') === 'export.workshop');
  await expect(page.locator('tbody tr').count()).resolves.toBe(20);
  await expectNoSeriousAxeViolations(page, 'audit log filtered');

  await expectReflowAtAllSizes(suite.browser, context, `${suite.server.url}/admin/audit`, 'audit-log', SHOTS);
  await expectReflowAtAllSizes(suite.browser, context, `${suite.server.url}/admin/audit?from=morgen`, 'audit-log-error', SHOTS);
  await expectReflowAtAllSizes(suite.browser, context, `${suite.server.url}/toegankelijkheid`, 'accessibility', SHOTS);
  await expectReflowAtAllSizes(suite.browser, context, `${suite.server.url}/toegankelijkheid?lang=en`, 'accessibility-en', SHOTS);
  // The error page's 400 is the only failed request, and it was asked for.
  expect(errors.filter((e) => !e.includes('from=morgen'))).toEqual([]);
  await context.close();
});
