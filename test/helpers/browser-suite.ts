import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT_DIR } from '../../src/paths';
import type { Role } from '../../src/db/store';
import { createUserService } from '../../src/services/users';
import { createPasswords, DEFAULT_HASHING } from '../../src/services/passwords';
import { TEST_SCRYPT_COST } from './hashing';
import { launchBrowser } from './browser';
import { serverDatabase, startServer, stopServer, type RunningServer, type ServerDb } from './server';

export const SHOTS = path.join(ROOT_DIR, 'test-results');

/**
 * One real server (own temporary database on the backend under test, with the given accounts) and one headless Chromium per test
 * file; `prepare` may fill the database before the server starts.
 */
export function browserSuite(
  users: { email: string; name: string; role: Role; password: string }[] = [],
  prepare?: (db: ServerDb) => Promise<void>,
) {
  const suite = {} as { server: RunningServer; browser: Browser; db: ServerDb };
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const db = (suite.db = await serverDatabase());
    const store = await db.open();
    const passwords = createPasswords({ ...DEFAULT_HASHING, costLog2: Number(TEST_SCRYPT_COST) });
    for (const u of users) await createUserService(store, passwords).add(u);
    await store.close();
    await prepare?.(db);
    [suite.server, suite.browser] = await Promise.all([startServer(db), launchBrowser()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await stopServer(suite.server);
    await suite.db?.drop();
  });
  return suite;
}

/** Collects script errors, CSP violations (console errors) and failed requests: a page must have none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}
