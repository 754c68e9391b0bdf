import { runCli } from '../helpers/cli';
import { startServer, stopServer, tempDatabase, type RunningServer } from '../helpers/server';

jest.setTimeout(30_000);

const cli = (db: string, args: string[], input = '') => runCli(args, { DATABASE_PATH: db }, input);

let server: RunningServer | undefined;
afterEach(() => stopServer(server));

test('When users are added, listed, given a new password and removed, then each command does that and says so', async () => {
  const db = tempDatabase();
  const add = await cli(
    db,
    ['user', 'add', '--email', 'Anna@Example.nl', '--name', 'Anna de Wit', '--role', 'trainer'],
    'first-password-123\n',
  );
  expect(add).toMatchObject({ code: 0, out: 'Created trainer anna@example.nl (Anna de Wit).\n' });
  const list = await cli(db, ['user', 'list']);
  expect(list.out).toMatch(/^anna@example\.nl\tAnna de Wit\ttrainer\t\d{4}-/);
  expect((await cli(db, ['user', 'passwd', '--email', 'anna@example.nl'], 'second-password-456\n')).code).toBe(0);
  expect((await cli(db, ['user', 'remove', '--email', 'anna@example.nl'])).out).toBe(
    "Removed anna@example.nl with their own profiles, projects and sessions (with those sessions' participants).\n",
  );
  expect((await cli(db, ['user', 'list'])).out).toBe('');
});

test.each([
  ['a short password', ['user', 'add', '--email', 'a@b.nl', '--name', 'A', '--role', 'trainer'], 'short\n', /at least 12 characters/],
  [
    'an unknown role',
    ['user', 'add', '--email', 'a@b.nl', '--name', 'A', '--role', 'boss'],
    'long-enough-password\n',
    /--role must be one of/,
  ],
  ['a missing e-mail', ['user', 'add', '--name', 'A', '--role', 'trainer'], 'long-enough-password\n', /--email is required/],
  [
    'a bad e-mail',
    ['user', 'add', '--email', 'not-an-email', '--name', 'A', '--role', 'trainer'],
    'long-enough-password\n',
    /not a valid e-mail/,
  ],
  ['an unknown user', ['user', 'remove', '--email', 'nobody@b.nl'], '', /No user with e-mail nobody@b\.nl/],
])('When given %s, then it exits 1 with a clear message', async (_c, args, input, message) => {
  const res = await cli(tempDatabase(), args, input);
  expect(res.code).toBe(1);
  expect(res.err).toMatch(message);
});

test('When asked for --help, then it explains every command', async () => {
  const res = await cli(tempDatabase(), ['--help']);
  expect(res.code).toBe(0);
  for (const cmd of ['user add', 'user list', 'user passwd', 'user remove']) expect(res.out).toContain(cmd);
  // Removing a user says what goes with them.
  expect(res.out).toMatch(/user remove --email E\s+Removes the user with everything that is theirs: their own profiles, their projects/);
});

test('When a user is added while the server runs on the same database, then they can log in right away', async () => {
  const db = tempDatabase();
  server = await startServer(db);
  expect(
    (await cli(db, ['user', 'add', '--email', 'live@example.nl', '--name', 'Live', '--role', 'trainer'], 'running-server-pw\n')).code,
  ).toBe(0);
  const res = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'live@example.nl', password: 'running-server-pw' }),
  });
  expect(res.status).toBe(200);
});

test('When purge runs (by the CLI, or at server start), then unfinished assessments past the retention period are gone', async () => {
  const db = tempDatabase();
  const { openSqliteStore } = await import('../../src/db/sqlite/store');
  const seed = () => {
    const store = openSqliteStore(db);
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    store.sqlite
      .prepare(`INSERT INTO assessments (token_hash, lang, model_version, consent_at, created_at) VALUES (?, 'nl', '1', ?, ?)`)
      .run(`h${Math.random()}`, old, old);
    store.sqlite
      .prepare(`INSERT INTO assessments (token_hash, lang, model_version, consent_at, created_at) VALUES (?, 'nl', '1', ?, ?)`)
      .run(`n${Math.random()}`, new Date().toISOString(), new Date().toISOString());
    const count = () => store.sqlite.prepare('SELECT count(*) FROM assessments').pluck().get() as number;
    return { store, count };
  };
  let s = seed();
  s.store.sqlite.close();
  const res = await cli(db, ['purge']);
  expect(res).toMatchObject({
    code: 0,
    out: 'Purged 1 unfinished assessments, 0 sessions, 0 closed surveys and 0 audit records past their retention period.\n',
  });

  s = seed();
  expect(s.count()).toBe(3);
  s.store.sqlite.close();
  server = await startServer(db);
  const after = openSqliteStore(db);
  expect(after.sqlite.prepare('SELECT count(*) FROM assessments').pluck().get()).toBe(2);
  after.sqlite.close();
});

test('When DATABASE_URL is set, then backup and restore explain that PostgreSQL is backed up with pg_dump', async () => {
  for (const action of ['backup', 'restore']) {
    const res = await runCli([action, 'copy.sqlite'], { DATABASE_URL: 'postgres://root@127.0.0.1:1/none' });
    expect(res).toMatchObject({
      code: 1,
      err: expect.stringContaining(`"${action}" is for the SQLite file; with PostgreSQL (DATABASE_URL) use pg_dump and pg_restore`),
    });
  }
});
