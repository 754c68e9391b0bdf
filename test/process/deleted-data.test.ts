import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { runCli } from '../helpers/cli';
import { realContent, uniformAnswers } from '../helpers/content';
import { startServer, stopServer, tempDatabase, type RunningServer } from '../helpers/server';

jest.setTimeout(60_000);

/*
 * Deleted personal data must leave every file of the database, not only its tables: the real server (with
 * its checkpoint worker) on a SQLite file, and the CLI next to it. Each name is unique, so finding its bytes
 * in a file means a copy of the deleted row is still on disk.
 */
const db = tempDatabase();
let server: RunningServer;
let cookie = '';
const PASSWORD = 'deleted-data-password';
const unique = (word: string) => `${word}${randomBytes(6).toString('hex')}`;
const TRAINER = unique('Trainer');

/** The database files (main, -wal, -shm) that contain these bytes. */
const filesWith = (text: string) =>
  ['', '-wal', '-shm']
    .filter((suffix) => fs.existsSync(db + suffix) && fs.readFileSync(db + suffix).includes(Buffer.from(text)))
    .map((s) => `db${s}`);

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
async function json<T>(res: Promise<Response>, status: number): Promise<T> {
  const r = await res;
  expect(r.status).toBe(status);
  return (await r.json()) as T;
}
const newProfile = (name: string) =>
  json<{ token: string }>(call('POST', '/api/assessments', { consent: true, name }), 201).then((b) => b.token);
const answer = async (token: string) =>
  expect((await call('PUT', `/api/assessments/${token}/answers`, uniformAnswers(realContent().current))).status).toBe(200);
const cli = (args: string[], input = '') => runCli(args, { DATABASE_PATH: db }, input);

beforeAll(async () => {
  expect((await cli(['user', 'add', '--email', 'gone@example.nl', '--name', TRAINER, '--role', 'trainer'], `${PASSWORD}\n`)).code).toBe(0);
  server = await startServer(db);
  const login = await call('POST', '/api/login', { email: 'gone@example.nl', password: PASSWORD });
  expect(login.status).toBe(200);
  cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
});
afterAll(() => stopServer(server));

test('When a person deletes their data (API or profile page), then their name is in no database file any more', async () => {
  for (const how of ['api', 'page'] as const) {
    const name = unique('Zwaluw');
    const token = await newProfile(name);
    await answer(token);
    expect(filesWith(name)).not.toEqual([]);
    if (how === 'api') expect((await call('DELETE', `/api/assessments/${token}`)).status).toBe(204);
    else
      expect(
        (
          await fetch(`${server.url}/p/${token}/delete`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: '',
          })
        ).status,
      ).toBe(200);
    expect(filesWith(name)).toEqual([]);
  }
});

test('When a trainer removes a participant or deletes a session, then the names are in no database file any more', async () => {
  const title = unique('Sessie');
  const session = await json<{ id: string; code: string }>(call('POST', '/api/sessions', { title }), 201);
  const [first, second] = [unique('Merel'), unique('Kievit')];
  for (const name of [first, second]) {
    await json(
      fetch(`${server.url}/api/assessments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `dv.client=${name}` },
        body: JSON.stringify({ consent: true, sessionCode: session.code, name }),
      }),
      201,
    );
  }
  const summary = await json<{ members: { id: number; name: string }[] }>(call('GET', `/api/sessions/${session.id}/summary`), 200);
  expect(filesWith(first)).not.toEqual([]);
  expect(
    (await call('DELETE', `/api/sessions/${session.id}/participants/${summary.members.find((m) => m.name === first)!.id}`)).status,
  ).toBe(204);
  expect(filesWith(first)).toEqual([]);

  expect(filesWith(second)).not.toEqual([]);
  expect(filesWith(title)).not.toEqual([]);
  expect((await call('DELETE', `/api/sessions/${session.id}`)).status).toBe(204);
  expect(filesWith(second)).toEqual([]);
  expect(filesWith(title)).toEqual([]);
});

test('When the retention purge deletes an old unfinished questionnaire (CLI next to the server), then its name is in no database file', async () => {
  const name = unique('Grutto');
  const token = await newProfile(name);
  await answer(token);
  const old = new Database(db);
  old.prepare("UPDATE assessments SET created_at = '2000-01-01T00:00:00.000Z' WHERE name = ?").run(name);
  old.close();
  expect(filesWith(name)).not.toEqual([]);
  const purge = await cli(['purge']);
  expect(purge.out).toMatch(/Purged 1 unfinished/);
  expect(filesWith(name)).toEqual([]);
});

test('When a user is removed (CLI next to the server), then their name and their own profile are in no database file', async () => {
  const name = unique('Reiger');
  const token = await newProfile(name);
  await answer(token);
  expect((await call('POST', `/api/assessments/${token}/complete`)).status).toBe(200);
  expect((await call('POST', '/api/me/profiles', { link: token })).status).toBe(201);
  expect(filesWith(name)).not.toEqual([]);
  expect(filesWith(TRAINER)).not.toEqual([]);
  expect((await cli(['user', 'remove', '--email', 'gone@example.nl'])).code).toBe(0);
  expect(filesWith(name)).toEqual([]);
  expect(filesWith(TRAINER)).toEqual([]);
});
