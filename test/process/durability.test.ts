import http from 'node:http';
import Database from 'better-sqlite3';
import { startServer, stopServer, tempDatabase, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/sse';

jest.setTimeout(30_000);

async function api(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

let server: RunningServer | undefined;
afterEach(() => stopServer(server));

test('When the server is killed with SIGKILL, then every acknowledged answer is there after a restart', async () => {
  const db = tempDatabase();
  server = await startServer(db);
  const { body } = await api(server.url, 'POST', '/api/assessments', { consent: true });
  const acknowledged: Record<string, number> = {};
  for (let i = 1; i <= 40; i++) {
    const id = `L${String(i).padStart(2, '0')}`;
    const value = (i % 5) + 1;
    const res = await api(server.url, 'PUT', `/api/assessments/${body.token}/answers`, { likert: { [id]: value } });
    expect(res.status).toBe(200);
    acknowledged[id] = value;
  }
  server.proc.kill('SIGKILL');
  await server.exited;

  server = await startServer(db);
  const state = await api(server.url, 'GET', `/api/assessments/${body.token}`);
  expect(state.body.answers.likert).toEqual(acknowledged);
  expect(state.body.answered).toBe(40);
});

test('When SIGTERM arrives during a request, then that request still finishes, the database closes and the process exits 0', async () => {
  const db = tempDatabase();
  server = await startServer(db, { LOG_LEVEL: 'info' });
  const { body } = await api(server.url, 'POST', '/api/assessments', { consent: true });
  const payload = JSON.stringify({ likert: { L01: 5 } });

  const response = new Promise<number>((resolve, reject) => {
    const req = http.request(
      `${server!.url}/api/assessments/${body.token}/answers`,
      // Expect: 100-continue makes the server say when it has taken the request in (Node answers it on its own).
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), Expect: '100-continue' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    // Once the server has the request: send half the body, signal the server, and send the rest once it says it
    // is stopping. The request is in flight during shutdown.
    req.on('continue', () => {
      req.write(payload.slice(0, 10));
      server!.proc.kill('SIGTERM');
      waitFor(() => /"msg":"stopping: finishing in-flight requests"/.test(server!.output()), 10_000, 'the stopping line in the log').then(
        () => req.end(payload.slice(10)),
        reject,
      );
    });
  });

  expect(await response).toBe(200);
  expect(await server.exited).toBe(0);
  const check = new Database(db, { readonly: true });
  expect(check.prepare("SELECT value FROM likert_answers WHERE item_id = 'L01'").pluck().get()).toBe(5);
  check.close();
});

test('When a configuration value is bad, then the server does not start and names the variable', async () => {
  await expect(startServer(tempDatabase(), { PORT: 'not-a-port' })).rejects.toThrow(/PORT/);
});
