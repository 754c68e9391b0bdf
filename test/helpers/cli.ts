import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../../src/paths';
import { assertBuilt } from './built';
import { testHashing } from './hashing';

export type CliResult = { code: number | null; out: string; err: string };

/** Runs the built CLI (as `npm run cli --` does) with only the given environment and a piped standard input. */
export function runCli(args: string[], env: Record<string, string>, input = ''): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [path.join(ROOT_DIR, 'dist', 'cli.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...testHashing(env), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('exit', (code) => resolve({ code, out, err }));
    proc.stdin.end(input);
  });
}

/** Runs a built tool (dist/tools/NAME.js) with the given arguments; stdout and stderr together. */
export function runTool(name: string, args: string[]): Promise<{ code: number | null; out: string }> {
  assertBuilt();
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [path.join(ROOT_DIR, 'dist', 'tools', `${name}.js`), ...args], {
      env: { PATH: process.env.PATH ?? '' },
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    proc.on('exit', (code) => resolve({ code, out }));
  });
}
