import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../../src/paths';
import { assertBuilt } from './built';
import { testHashing } from './hashing';

/**
 * Python's pty module: it starts the command on a pseudo-terminal, waits until the command has printed
 * `prompt`, types `keys`, and reports everything the terminal showed and the exit code.
 */
const DRIVER = `
import json, os, pty, select, sys
argv, env, prompt, keys = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execve(argv[0], argv, env)
shown = b''
def more():
    global shown
    ready, _, _ = select.select([fd], [], [], 20)
    if not ready: return False
    try: chunk = os.read(fd, 4096)
    except OSError: return False  # the command ended and closed the terminal
    shown += chunk
    return bool(chunk)
while prompt.encode() not in shown and more(): pass
os.write(fd, keys.encode())
while more(): pass
_, status = os.waitpid(pid, 0)
print(json.dumps({'shown': shown.decode(errors='replace'), 'code': os.waitstatus_to_exitcode(status)}))
`;

export type TerminalRun = { shown: string; code: number };

/** Runs the built CLI on a real terminal (a pseudo-terminal) and types `keys` once `prompt` is shown. */
export function runCliInTerminal(args: string[], env: Record<string, string>, prompt: string, keys: string): Promise<TerminalRun> {
  assertBuilt();
  const argv = [process.execPath, path.join(ROOT_DIR, 'dist', 'cli.js'), ...args];
  const cliEnv = { PATH: process.env.PATH ?? '', NODE_ENV: 'test', TERM: 'xterm', ...testHashing(env), ...env };
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', ['-c', DRIVER, JSON.stringify([argv, cliEnv, prompt, keys])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out) as TerminalRun);
      else reject(new Error(`the pty driver failed (${code}): ${err}`));
    });
  });
}
