import { runCli } from '../helpers/cli';
import { startServer, stopServer, tempDatabase, type RunningServer } from '../helpers/server';
import { runCliInTerminal } from '../helpers/terminal';

jest.setTimeout(30_000);

const ADD = ['user', 'add', '--email', 'tty@example.nl', '--name', 'Tty', '--role', 'trainer'];
const BACKSPACE = '\x7f';

let server: RunningServer | undefined;
afterEach(() => stopServer(server));

test('When a password is typed at a terminal (a typo fixed by Backspace), then none of it shows and the user logs in', async () => {
  const db = tempDatabase();
  const password = 'typed-at-a-terminal-42';
  const keys = `typo${BACKSPACE.repeat(4)}${password}\r`;
  const res = await runCliInTerminal(ADD, { DATABASE_PATH: db }, 'Password: ', keys);
  expect(res).toMatchObject({ code: 0 });
  // The terminal shows the prompt, a new line, the result: no character typed, no mask, no cursor games.
  expect(res.shown).toMatch(/^Password: \r?\nCreated trainer tty@example\.nl \(Tty\)\.\r?\n$/);

  server = await startServer(db);
  const login = (p: string) =>
    fetch(`${server!.url}/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'tty@example.nl', password: p }),
    });
  expect((await login(password)).status).toBe(200);
  expect((await login(`typo${password}`)).status).toBe(401);
});

test('When Ctrl-C is pressed at the password prompt, then the command stops with 130, says so, and adds no one', async () => {
  const db = tempDatabase();
  const res = await runCliInTerminal(ADD, { DATABASE_PATH: db }, 'Password: ', 'half-typed\x03');
  expect(res.code).toBe(130);
  expect(res.shown).not.toContain('half-typed');
  expect(res.shown).toMatch(/Cancelled; nothing was changed\./);
  expect((await runCli(['user', 'list'], { DATABASE_PATH: db })).out).toBe('');
});

test('When Ctrl-D is pressed at an empty password prompt, then it ends input as an empty pipe does: no user, a message', async () => {
  const db = tempDatabase();
  const res = await runCliInTerminal(ADD, { DATABASE_PATH: db }, 'Password: ', '\x04');
  expect(res.code).toBe(1);
  expect(res.shown).toMatch(/at least 12 characters/);
  expect((await runCli(['user', 'list'], { DATABASE_PATH: db })).out).toBe('');
});
