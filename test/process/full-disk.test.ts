import { testUserService } from '../helpers/hashing';
import path from 'node:path';
import { openSqliteStore } from '../../src/db/sqlite/store';
import { startServer, stopServer, type RunningServer } from '../helpers/server';
import { useTmpfs } from '../helpers/tmpfs';

/**
 * A real full disk: the server's SQLite database lives on a small tmpfs that a filler file fills up.
 * (A fake limit such as max_page_count fails earlier, in SQLite's pager, and misses the commit path.)
 * SQLite only: a PostgreSQL server's disk is not ours to fill; test/pg/faults.test.ts covers its failures.
 * test/process/full-disk-repos.test.ts checks every SQLite write with RETURNING the same way.
 */
jest.setTimeout(120_000);
const EMAIL = 'vol@example.nl';
const PASSWORD = 'full-disk-password-123';
const json = { 'Content-Type': 'application/json' };

let server: RunningServer | undefined;
// Before the tmpfs's own afterAll (hooks run in the order they are declared): stop the server, then unmount.
afterAll(() => stopServer(server));
const disk = useTmpfs('test/process/full-disk.test.ts');

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const form = typeof body === 'string';
  const res = await fetch(`${server!.url}${url}`, {
    method,
    redirect: 'manual',
    headers: { ...(body === undefined ? {} : form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : json), ...headers },
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, location: res.headers.get('location'), cookie: res.headers.get('set-cookie'), body: safeJson(text) };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a response body of any shape, read by the assertions
const safeJson = (text: string): any => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * Creates questionnaires until the disk refuses one. Until then SQLite may still reuse space it holds
 * (a checkpointed WAL starts again from its beginning), which is fine as long as what it acknowledges
 * is stored: the acknowledged tokens are returned for checking.
 */
async function untilRefused(): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let i = 0; i < 300; i++) {
    const r = await call('POST', '/api/assessments', { consent: true, name: `Vullen ${i}` });
    if (r.status === 503) return acknowledged;
    expect(r.status).toBe(201);
    acknowledged.push(r.body.token);
  }
  throw new Error(`the full disk accepted 300 new questionnaires without one 503 (acknowledged: ${acknowledged.length})`);
}
/** The server's output since `from`, once it holds `pattern` `times` times (within 5 s). */
async function loggedSince(from: number, pattern: RegExp, times = 1): Promise<string> {
  const out = () => server!.output().slice(from);
  const done = () => (out().match(new RegExp(pattern.source, 'g')) ?? []).length >= times;
  if (!done()) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the log never held ${pattern} ${times} times:\n${out()}`)), 5000);
      const check = () => done() && (clearTimeout(timer), server!.proc.stdout!.off('data', check), resolve());
      server!.proc.stdout!.on('data', check);
    });
  }
  return out();
}
const storedStatus = async (tokens: string[]) => Promise.all(tokens.map(async (t) => (await call('GET', `/api/assessments/${t}`)).status));

describe('a real full disk (tmpfs) under the running server', () => {
  let cookie = '';
  let code = '';
  let projectId = '';
  let token = '';

  beforeAll(async () => {
    const db = path.join(disk.root(), 'db.sqlite');
    const setup = openSqliteStore(db);
    await testUserService(setup).add({ email: EMAIL, name: 'Vol', role: 'trainer', password: PASSWORD });
    await setup.close();
    server = await startServer(db, { LOG_LEVEL: 'info', RATE_LIMIT_ASSESSMENTS_PER_IP: '1000' });
    const login = await call('POST', '/api/login', { email: EMAIL, password: PASSWORD });
    expect(login.status).toBe(200);
    cookie = login.cookie!.split(';')[0]!;
    const auth = { Cookie: cookie };
    code = (await call('POST', '/api/sessions', { title: 'Vooraf' }, auth)).body.code;
    projectId = (await call('POST', '/api/projects', { client: 'Vooraf', system: 'S', phase: 'P' }, auth)).body.id;
    token = (await call('POST', '/api/assessments', { consent: true })).body.token;
    expect([code, projectId, token].every(Boolean)).toBe(true);
  });

  test('When the disk is full, then every write answers 503 "nothing was saved" or its record is there once space is back', async () => {
    const auth = { Cookie: cookie };
    disk.fill();
    const priming = await untilRefused();
    const results = {
      assessment: await call('POST', '/api/assessments', { consent: true, name: 'Api' }),
      apiJoin: await call(
        'POST',
        '/api/assessments',
        { consent: true, sessionCode: code, name: 'Api deelnemer' },
        { Cookie: 'dv.client=full1' },
      ),
      start: await call('POST', '/start', 'consent=yes&name=Pagina'),
      join: await call('POST', `/join/${code}`, 'consent=yes&name=Deelnemer', { Cookie: 'dv.client=full2' }),
      session: await call('POST', '/api/sessions', { title: 'Tijdens' }, auth),
      project: await call('POST', '/api/projects', { client: 'Tijdens', system: 'S', phase: 'P' }, auth),
      patch: await call('PATCH', `/api/projects/${projectId}`, { client: 'Gewijzigd' }, auth),
      answer: await call('PUT', `/api/assessments/${token}/answers`, { likert: { L01: 4 } }),
      login: await call('POST', '/api/login', { email: EMAIL, password: PASSWORD }),
    };
    for (const [route, r] of Object.entries(results)) {
      expect(`${route}: ${r.status}`).toMatch(/: (503|200|201|303)$/);
      if (r.status === 503 && route !== 'start' && route !== 'join') {
        expect(r.body.error).toEqual({ code: 'unavailable', message: expect.stringMatching(/nothing from this request was saved/) });
      }
      expect(r.text).not.toMatch(/\n\s+at /);
    }
    disk.free();

    // Whatever was acknowledged is stored.
    // A page's redirect leads to the questionnaire (following /a/<token> to its first page).
    const page = async (r: { location: string | null }) => (await fetch(new URL(r.location!, server!.url))).status;
    const checks: [keyof typeof results, () => Promise<number>][] = [
      ['assessment', async () => (await call('GET', `/api/assessments/${results.assessment.body.token}`)).status],
      ['apiJoin', async () => (await call('GET', `/api/assessments/${results.apiJoin.body.token}`)).status],
      ['start', () => page(results.start)],
      ['join', () => page(results.join)],
      ['session', async () => (await call('GET', `/api/sessions/${results.session.body.id}`, undefined, auth)).status],
      ['project', async () => (await call('GET', `/api/projects/${results.project.body.id}`, undefined, auth)).status],
      [
        'login',
        async () => (await call('GET', '/api/me/profiles', undefined, { Cookie: results.login.cookie?.split(';')[0] ?? '' })).status,
      ],
    ];
    const stored: Record<string, number> = {};
    for (const [route, check] of checks) if (results[route].status !== 503) stored[route] = await check();
    expect(stored).toEqual(Object.fromEntries(Object.keys(stored).map((route) => [route, 200])));
    expect(await storedStatus(priming)).toEqual(priming.map(() => 200));
    const project = (await call('GET', `/api/projects/${projectId}`, undefined, auth)).body;
    expect(project.client).toBe(results.patch.status === 200 ? 'Gewijzigd' : 'Vooraf');
    // And writing works again.
    expect((await call('POST', '/api/assessments', { consent: true })).status).toBe(201);
  });

  test('When the disk is full, then a logged-in read still answers cleanly and the log holds no stack trace or uncaught error', async () => {
    const before = server!.output().length;
    disk.fill();
    let acknowledged: string[] = [];
    try {
      acknowledged = await untilRefused();
      // A small write may still fit in space SQLite holds: read until extending the session has failed.
      for (let i = 1; i <= 100 && !/could not extend a login session/.test(server!.output().slice(before)); i++) {
        const list = await call('GET', '/api/sessions', undefined, { Cookie: cookie });
        expect(list.status).toBe(200);
        expect(list.body).toEqual(expect.arrayContaining([expect.objectContaining({ title: 'Vooraf' })]));
        // The touch is reported before the request's own log line.
        await loggedSince(before, /"url":"\/api\/sessions"\},"res":\{"statusCode":200\}/, i);
      }
      const trainer = await call('GET', '/trainer', undefined, { Cookie: cookie });
      expect(trainer.status).toBe(200);
      expect(trainer.text).not.toMatch(/\n\s+at /);
    } finally {
      disk.free();
    }
    // The log is written after the response: wait for the last request's line.
    const log = await loggedSince(before, /"url":"\/trainer"\},"res":\{"statusCode":200\}/);
    expect(await storedStatus(acknowledged)).toEqual(acknowledged.map(() => 200));
    expect(log).not.toMatch(/\\n\s+at |\n\s+at /);
    expect(log).not.toMatch(/uncaught|unhandled/i);
    // The read's session could not be extended: reported once, as a line of its own.
    expect(log).toMatch(/"code":"SQLITE_FULL","message":"database or disk is full"\},"msg":"could not extend a login session"/);
    expect(server!.proc.exitCode).toBeNull();
  });

  test('When a write has just failed on the full disk, then /healthz answers 503 with the reason', async () => {
    disk.fill();
    let acknowledged: string[] = [];
    try {
      acknowledged = await untilRefused();
      const health = await call('GET', '/healthz');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'unavailable', database: 'cannot write' });
      expect(health.body.reason).toMatch(/write failed/);
    } finally {
      disk.free();
    }
    expect(await storedStatus(acknowledged)).toEqual(acknowledged.map(() => 200));
  });
});
