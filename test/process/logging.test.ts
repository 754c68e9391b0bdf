import { startServer, stopServer, tempDatabase, type RunningServer } from '../helpers/server';

jest.setTimeout(30_000);

let server: RunningServer | undefined;
afterEach(() => stopServer(server));

const lines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string }; res?: { statusCode?: number } });

test('When the server logs at the default level and is stopped gracefully, then the last request line is in the log, without its token', async () => {
  // Arrange: the server as users run it, logging each request (level info) through the asynchronous destination.
  server = await startServer(tempDatabase(), { LOG_LEVEL: 'info' });
  const created = await fetch(`${server.url}/api/assessments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"consent":true}',
  });
  const { token } = (await created.json()) as { token: string };

  // Act: the last request, then SIGTERM straight away.
  expect((await fetch(`${server.url}/a/${token}/1`)).status).toBe(200);
  server.proc.kill('SIGTERM');
  expect(await server.exited).toBe(0);

  // Assert: every request was logged, the last one too, in order before "stopped"; the token nowhere.
  const log = lines(server.output());
  const requests = log.filter((l) => l.msg === 'request completed').map((l) => `${l.req?.url} ${l.res?.statusCode}`);
  expect(requests).toEqual(['/api/assessments 201', '/a/[token]/1 200']);
  expect(log.map((l) => l.msg).slice(-1)).toEqual(['stopped']);
  expect(server.output()).not.toContain(token);
});
