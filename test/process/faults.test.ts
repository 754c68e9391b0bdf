import { testUserService } from '../helpers/hashing';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATA_DIR, ROOT_DIR } from '../../src/paths';
import { openSqliteStore } from '../../src/db/sqlite/store';
import { startServer, stopServer, tempDatabase, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/sse';

jest.setTimeout(60_000);
const json = { 'Content-Type': 'application/json' };
let server: RunningServer | undefined;
afterEach(() => stopServer(server));

test('When many clients write answers and the server is killed with SIGKILL mid-stream, then every acknowledged answer is there after a restart', async () => {
  const db = tempDatabase();
  server = await startServer(db, { RATE_LIMIT_ASSESSMENTS_PER_IP: '1000' });
  const url = server.url;
  const clients = await Promise.all(
    Array.from(
      { length: 20 },
      async () =>
        (await (await fetch(`${url}/api/assessments`, { method: 'POST', headers: json, body: JSON.stringify({ consent: true }) })).json())
          .token as string,
    ),
  );
  const acknowledged = new Map<string, Record<string, number>>(clients.map((c) => [c, {}]));
  let killed = false;
  // Each client keeps saving answers one by one until the server dies; only 200s count as acknowledged.
  const writers = clients.map(async (token, c) => {
    for (let i = 1; i <= 48 && !killed; i++) {
      const id = `L${String(i).padStart(2, '0')}`;
      const value = ((i + c) % 5) + 1;
      try {
        const res = await fetch(`${url}/api/assessments/${token}/answers`, {
          method: 'PUT',
          headers: json,
          body: JSON.stringify({ likert: { [id]: value } }),
        });
        if (res.status === 200) acknowledged.get(token)![id] = value;
      } catch {
        return; // the connection died with the server
      }
    }
  });
  // Kill mid-stream: once every writer has had answers acknowledged, while all of them are still writing.
  const acked = () => [...acknowledged.values()].map((a) => Object.keys(a).length);
  await waitFor(() => acked().every((n) => n >= 3), 20_000, 'three acknowledged answers from every writer');
  const stillWriting = acked().every((n) => n < 48);
  killed = true;
  server.proc.kill('SIGKILL');
  await Promise.all(writers);
  await server.exited;
  expect(stillWriting).toBe(true);

  server = await startServer(db);
  for (const [token, answers] of acknowledged) {
    const state = await (await fetch(`${server.url}/api/assessments/${token}`)).json();
    // Every acknowledged answer is there (an answer in flight at the kill may be there too).
    expect(state.answers.likert).toEqual(expect.objectContaining(answers));
  }
});

test('When SIGTERM arrives while a dashboard stream is open, then the stream ends cleanly and the process exits 0', async () => {
  const db = tempDatabase();
  const setup = openSqliteStore(db);
  await testUserService(setup).add({ email: 'sse@example.nl', name: 'SSE', role: 'trainer', password: 'sse-password-123' });
  await setup.close();
  server = await startServer(db, { LOG_LEVEL: 'info' });
  const login = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: 'sse@example.nl', password: 'sse-password-123' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const s = await (
    await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { ...json, Cookie: cookie },
      body: JSON.stringify({ title: 'Stop' }),
    })
  ).json();
  const stream = await fetch(`${server.url}/api/sessions/${s.id}/events`, { headers: { Cookie: cookie } });
  const reader = stream.body!.getReader();
  await reader.read(); // the first bytes: the stream is open

  server.proc.kill('SIGTERM');
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return true;
  })();
  expect(await ended).toBe(true);
  expect(await server.exited).toBe(0);
  // The log says the database was closed after the last request finished.
  expect(server.output()).toMatch(/"msg":"stopped"/);
});

test('When the drive model file is corrupt, then the server does not start and names the file and the entry', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-data-'));
  fs.cpSync(DATA_DIR, dir, { recursive: true, filter: (src) => !src.includes('.sqlite') });
  const file = path.join(dir, 'model', 'v1.json');
  const model = JSON.parse(fs.readFileSync(file, 'utf8'));
  model.choice.items[4].options[2].drive = 'magenta';
  fs.writeFileSync(file, JSON.stringify(model));
  await expect(startServer(tempDatabase(), { DATA_DIR: dir })).rejects.toThrow(
    /Drijfveer cannot start\.[\s\S]*v1\.json: invalid drive model[\s\S]*choice\.items\.4\.options\.2\.drive/,
  );
  fs.writeFileSync(file, '{"version": "1", "drives": [');
  await expect(startServer(tempDatabase(), { DATA_DIR: dir })).rejects.toThrow(/v1\.json: cannot be read as JSON/);
});

function cli(db: string, args: string[]) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const proc = spawn(process.execPath, [path.join(ROOT_DIR, 'dist', 'cli.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: db },
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.on('exit', (code) => resolve({ code, out }));
  });
}

test('When a backup is made while the server runs and restored later, then the data is back as it was; a damaged backup is refused', async () => {
  const db = tempDatabase();
  server = await startServer(db);
  const make = async (name: string) =>
    (
      await (
        await fetch(`${server!.url}/api/assessments`, { method: 'POST', headers: json, body: JSON.stringify({ consent: true, name }) })
      ).json()
    ).token as string;
  const kept = await make('Before backup');
  await fetch(`${server.url}/api/assessments/${kept}/answers`, {
    method: 'PUT',
    headers: json,
    body: JSON.stringify({ likert: { L01: 4, L02: 2 } }),
  });
  const backup = path.join(path.dirname(db), 'backup.sqlite');
  const made = await cli(db, ['backup', backup]);
  expect(made).toMatchObject({ code: 0 });
  expect(made.out).toMatch(/integrity: ok/);
  const later = await make('After backup');
  await stopServer(server);

  const bad = path.join(path.dirname(db), 'bad.sqlite');
  fs.writeFileSync(bad, 'this is not a database');
  const refused = await cli(db, ['restore', bad]);
  expect(refused.code).toBe(1);
  expect(refused.out).toMatch(/failed the integrity check/);

  expect((await cli(db, ['restore', backup])).code).toBe(0);
  server = await startServer(db);
  expect((await (await fetch(`${server.url}/api/assessments/${kept}`)).json()).answers.likert).toEqual({ L01: 4, L02: 2 });
  expect((await fetch(`${server.url}/api/assessments/${later}`)).status).toBe(404);
  const check = new Database(db, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
});

test('When DATABASE_URL points at a PostgreSQL server that cannot be reached or refuses the role, then start-up stops with a message naming the database problem', async () => {
  await expect(startServer(tempDatabase(), { DATABASE_URL: 'postgres://root@127.0.0.1:1/drijfveer' })).rejects.toThrow(
    /Drijfveer cannot start\.\nDatabase: connect ECONNREFUSED 127\.0\.0\.1:1/,
  );
  await expect(startServer(tempDatabase(), { DATABASE_URL: 'mysql://db/x' })).rejects.toThrow(
    /DATABASE_URL: must start with postgres:\/\//,
  );
});
