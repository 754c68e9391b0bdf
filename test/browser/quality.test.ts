import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT_DIR } from '../../src/paths';
import { openSqliteStore } from '../../src/db/sqlite-store';
import { createUserService } from '../../src/services/users';
import { launchBrowser } from '../helpers/browser';
import { startServer, stopServer, tempDatabase, type RunningServer } from '../helpers/server';

jest.setTimeout(120_000);
const SHOTS = path.join(ROOT_DIR, 'test-results');
let server: RunningServer;
let browser: Browser;

function cli(db: string, args: string[]) {
  return new Promise<string>((resolve, reject) => {
    const proc = spawn(process.execPath, [path.join(ROOT_DIR, 'dist', 'cli.js'), ...args], { env: { PATH: process.env.PATH ?? '', DATABASE_PATH: db } });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
  });
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const db = tempDatabase();
  const store = openSqliteStore(db);
  await createUserService(store).add({ email: 'admin@example.nl', name: 'Ada Admin', role: 'admin', password: 'admin-password-1' });
  await store.close();
  expect(await cli(db, ['simulate', '--n', '300', '--reliability', '0.8', '--seed', '42'])).toMatch(/Added 300 simulated profiles \(model version 1, reliability 0.8, seed 42\)/);
  [server, browser] = await Promise.all([startServer(db), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stopServer(server);
});

test('An admin opens the quality page after simulate and sees the reliability table, the chart and the norms section', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/login`);
  await page.locator('#email').fill('admin@example.nl');
  await page.locator('#password').fill('admin-password-1');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/trainer');
  await page.getByRole('link', { name: 'Kwaliteit' }).click();
  await page.waitForURL('**/stats');
  expect(await page.locator('h1').textContent()).toBe('Hoe goed meet de vragenlijst?');
  expect(await page.locator('[data-table="reliability"] tbody tr').count()).toBe(6);
  // Simulated with reliability 0.8: every scale's alpha lands near it (300 people: a wider margin than the unit test with 1000).
  for (const cell of await page.locator('[data-table="reliability"] tbody tr td:nth-child(4)').allTextContents()) {
    expect(Math.abs(Number(cell) - 0.8)).toBeLessThan(0.1);
  }
  await page.waitForFunction(() => Boolean((window as unknown as { Chart: { getChart(el: unknown): unknown } }).Chart.getChart(document.querySelector('canvas[data-chart-kind="bar"]'))));
  await page.getByRole('button', { name: 'Normtabel bevriezen (nu)' }).click();
  await page.locator('[data-table="norm-tables"] tbody tr').first().waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'quality.png'), fullPage: true });
  expect(errors).toEqual([]);
});
