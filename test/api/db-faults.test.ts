import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openSqliteStore, storeOver } from '../../src/db/sqlite/store';
import { realContent } from '../helpers/content';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dv-fault-')), 'db.sqlite');
const appOver = (store: ReturnType<typeof openSqliteStore>) =>
  request(createApp({ db: store, config: loadConfig({ NODE_ENV: 'test' }), content: realContent() }));

test('When another process holds the write lock, then a save gets 503 with a clear message, and succeeds once the lock is gone', async () => {
  const file = tempFile();
  const store = openSqliteStore(file, { busyTimeoutMs: 50 });
  const http = appOver(store);
  const { token } = (await http.post('/api/assessments').send({ consent: true }).expect(201)).body;
  await http
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L01: 2 } })
    .expect(200);

  const other = new Database(file);
  other.exec('BEGIN EXCLUSIVE');
  const res = await http
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L02: 4 } })
    .expect(503);
  expect(res.body.error).toEqual({ code: 'unavailable', message: expect.stringMatching(/busy\. Nothing was lost/) });
  other.exec('ROLLBACK');
  other.close();

  await http
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L02: 4 } })
    .expect(200);
  expect((await http.get(`/api/assessments/${token}`).expect(200)).body.answers.likert).toEqual({ L01: 2, L02: 4 });
});

test('When the database is read-only, then writes get 503 with a clear message and reads still work', async () => {
  const file = tempFile();
  const writable = openSqliteStore(file);
  const { token } = (await appOver(writable).post('/api/assessments').send({ consent: true }).expect(201)).body;
  await writable.close();

  const readonly = storeOver(new Database(file, { readonly: true }));
  const http = appOver(readonly);
  const res = await http.post('/api/assessments').send({ consent: true }).expect(503);
  expect(res.body.error.message).toMatch(
    /disk full, read-only or unreachable\)\. What was saved before is safe; nothing from this request was saved\./,
  );
  await http
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L01: 3 } })
    .expect(503);
  await http.get(`/api/assessments/${token}`).expect(200);
  const page = await http.post('/start').type('form').send({ consent: 'yes' }).expect(503);
  expect(page.text).toContain('Even niet beschikbaar');
});

// A page limit (max_page_count) fails inside the statement, before any commit; a real full disk fails at the
// commit, which only test/process/full-disk.test.ts (a filled tmpfs) reaches.
test('When the database reaches its page limit, then a save gets 503, and what was stored before is intact', async () => {
  const file = tempFile();
  const store = openSqliteStore(file);
  const http = appOver(store);
  const { token } = (await http.post('/api/assessments').send({ consent: true }).expect(201)).body;
  await http
    .put(`/api/assessments/${token}/answers`)
    .send({ likert: { L01: 5 } })
    .expect(200);
  // Cap the file at its current size: the next page SQLite needs is "disk full" (SQLITE_FULL).
  const pages = store.sqlite.pragma('page_count', { simple: true }) as number;
  store.sqlite.pragma(`max_page_count = ${pages}`);
  let status = 201;
  for (let i = 0; i < 300 && status === 201; i++) {
    status = (await http.post('/api/assessments').send({ consent: true, name: 'x'.repeat(90) })).status;
  }
  expect(status).toBe(503);
  store.sqlite.pragma('max_page_count = 1073741823');
  expect((await http.get(`/api/assessments/${token}`).expect(200)).body.answers.likert).toEqual({ L01: 5 });
});
