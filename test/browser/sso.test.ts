import fs from 'node:fs';
import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { expectReflowAtAllSizes } from '../helpers/layout';
import { OVERAGE_CLAIMS, ssoEnv, startProvider, type TestProvider } from '../helpers/oidc';
import { serverDatabase, startServer, stopServer, type RunningServer, type ServerDb } from '../helpers/server';

/*
 * Single sign-on in real Chromium: the built server, the local OpenID provider (its own development login and consent
 * pages) and the browser going back and forth between them. The server's port is chosen first, because the redirect
 * URI registered at the provider comes from PUBLIC_URL.
 */
jest.setTimeout(180_000);
const SHOTS = process.env.SSO_SHOTS ?? '/tmp/sso-shots';
let db: ServerDb;
let provider: TestProvider;
let server: RunningServer;
let browser: Browser;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  db = await serverDatabase();
  await (await db.open()).close(); // makes the schema (PostgreSQL) before the server starts
  provider = await startProvider(publicUrl, {
    'sub-consultant': { email: 'carla@example.nl', email_verified: true, name: 'Carla Consultant', groups: ['drijfveer-consultants'] },
    'sub-outsider': { email: 'olga@elsewhere.com', email_verified: true, name: 'Olga', groups: ['drijfveer-consultants'] },
    'sub-overage': { email: 'otto@example.nl', email_verified: true, name: 'Otto', ...OVERAGE_CLAIMS },
  });
  [server, browser] = await Promise.all([
    startServer(db, { ...ssoEnv(provider.issuer, publicUrl), PORT: String(port), LOG_LEVEL: 'warn' }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await stopServer(server);
  await provider?.stop();
  await db?.drop();
});

/** On the login page: the organisation button, then the provider's login and consent pages as `sub`. */
async function logInThroughProvider(page: Page, sub: string) {
  await page.getByRole('link', { name: 'Log in met je organisatie-account' }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('When a consultant clicks the organisation button and logs in at the provider, then they land logged in at the drive reader', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Our own pages must have no script errors, CSP violations or failed requests (the provider's pages are not ours).
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => void (r.url().startsWith(server.url) && r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`)));
  await page.goto(`${server.url}/login`);
  await logInThroughProvider(page, 'sub-consultant');
  await page.waitForURL(`${server.url}/reader`);
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  expect(errors).toEqual([]);

  // Logging out ends the login and offers to log out at the provider too.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL(`${server.url}/login?out=sso`);
  await page.getByRole('link', { name: 'Ook uitloggen bij je organisatie-account' }).waitFor();
  await page.goto(`${server.url}/reader`);
  await page.waitForURL(/\/login\?next=/);
  await context.close();
});

test('The login page with the organisation button (also after logging out, in English), and the refusal pages for an account outside the allowed domains and for too many groups, fit every screen', async () => {
  const context = await browser.newContext();
  await expectReflowAtAllSizes(browser, context, `${server.url}/login`, 'login-sso', SHOTS);
  await expectReflowAtAllSizes(browser, context, `${server.url}/login?out=sso&lang=en`, 'login-logged-out-en', SHOTS);
  await expectReflowAtAllSizes(browser, context, `${server.url}/login`, 'sso-refused', SHOTS, async (page) => {
    await logInThroughProvider(page, 'sub-outsider');
    await page.getByRole('heading', { name: 'Dit account mag hier niet inloggen' }).waitFor();
  });
  await expectReflowAtAllSizes(browser, context, `${server.url}/login`, 'sso-refused-overage', SHOTS, async (page) => {
    await logInThroughProvider(page, 'sub-overage');
    await page.getByRole('heading', { name: 'Je organisatie stuurde je groepen niet mee' }).waitFor();
  });
  await context.close();
});
