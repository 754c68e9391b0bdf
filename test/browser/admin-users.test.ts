import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { RunningServer, ServerDb } from '../helpers/server';
import { serverDatabase, startServer, stopServer } from '../helpers/server';
import { createUserService } from '../../src/services/users';
import { createPasswords, DEFAULT_HASHING } from '../../src/services/passwords';
import { TEST_SCRYPT_COST } from '../helpers/hashing';
import { launchBrowser } from '../helpers/browser';
import { SHOTS, watchErrors } from '../helpers/browser-suite';
import { expectReflowAtAllSizes } from '../helpers/layout';
import { expectNoSeriousAxeViolations } from '../helpers/axe';
import { startSmtp, type Smtp } from '../helpers/smtp';

jest.setTimeout(240_000);
let smtp: Smtp;
let db: ServerDb;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  smtp = await startSmtp();
  db = await serverDatabase();
  const store = await db.open();
  const passwords = createPasswords({ ...DEFAULT_HASHING, costLog2: Number(TEST_SCRYPT_COST) });
  await createUserService(store, passwords).add({
    email: 'admin@example.nl',
    name: 'Anke Beheer',
    role: 'admin',
    password: 'admin-password-1',
  });
  await createUserService(store, passwords).add({
    email: 'tessa@example.nl',
    name: 'Tessa Trainer',
    role: 'trainer',
    password: 'trainer-password',
  });
  await store.close();
  [server, browser] = await Promise.all([startServer(db, smtp.env), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stopServer(server);
  await db?.drop();
  await smtp?.close();
});

test('An admin invites a new trainer; the trainer opens the link from the mail, sets a password and logs in', async () => {
  const admin = await browser.newContext();
  const page = await admin.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('E-mailadres').fill('admin@example.nl');
  await page.getByLabel('Wachtwoord').fill('admin-password-1');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: 'Gebruikers' }).first().click();
  await page.getByRole('heading', { name: 'Gebruikers' }).waitFor();
  await expectNoSeriousAxeViolations(page, 'admin users');
  await expectReflowAtAllSizes(browser, admin, `${server.url}/admin/users`, 'admin-users', SHOTS);

  await page.getByRole('link', { name: 'Iemand uitnodigen' }).click();
  await expectReflowAtAllSizes(browser, admin, `${server.url}/admin/users/invite`, 'admin-invite', SHOTS);
  await page.getByLabel('Naam').fill('Ruben Nieuw');
  await page.getByLabel('E-mailadres').fill('ruben@example.nl');
  await page.getByLabel('Rol').selectOption('trainer');
  const before = smtp.mails.length;
  await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
  await page.getByText('De uitnodiging is verstuurd naar ruben@example.nl').waitFor();
  expect(await page.getByRole('row', { name: /Ruben Nieuw/ }).innerText()).toContain('Uitgenodigd');

  const mail = await smtp.mailTo('ruben@example.nl', before);
  const link = mail.links.find((l) => l.includes('/invite/'))!;
  expect(link.startsWith(server.url)).toBe(true);

  const invited = await browser.newContext();
  const own = await invited.newPage();
  const ownErrors = watchErrors(own);
  await own.goto(link);
  await own.getByRole('heading', { name: 'Kies je wachtwoord' }).waitFor();
  await expectReflowAtAllSizes(browser, invited, link, 'admin-set-password', SHOTS);
  await own.getByLabel('Wachtwoord', { exact: true }).fill('rubens-own-password');
  await own.getByLabel('Nog een keer hetzelfde wachtwoord').fill('rubens-own-password');
  await own.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await own.getByRole('link', { name: 'Naar inloggen' }).click();
  await expectReflowAtAllSizes(browser, invited, `${server.url}/password/forgot`, 'admin-forgot', SHOTS);
  await own.getByLabel('E-mailadres').fill('ruben@example.nl');
  await own.getByLabel('Wachtwoord').fill('rubens-own-password');
  await own.getByRole('button', { name: 'Inloggen' }).click();
  await own.waitForURL(`${server.url}/trainer`);
  expect(await own.getByText('Ruben Nieuw').count()).toBeGreaterThan(0);

  await page.reload();
  expect(await page.getByRole('row', { name: /Ruben Nieuw/ }).innerText()).toContain('Actief');
  expect(errors).toEqual([]);
  expect(ownErrors).toEqual([]);
  await admin.close();
  await invited.close();
});
