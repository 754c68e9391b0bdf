import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertBuilt } from './built';
import { ROOT_DIR } from '../../src/paths';
import type { Store } from '../../src/db/store';
import { temporaryDatabase } from '../../src/tools/temporary-database';
import { BACKEND, TEST_DATABASE_URL } from './backend';
import { testHashing } from './hashing';

export type RunningServer = { url: string; port: number; proc: ChildProcess; output: () => string; exited: Promise<number | null> };

export const tempDatabase = (): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dv-srv-')), 'db.sqlite');

/** A database for spawned servers and CLI runs, on the backend under test: its environment variables, a way in, and removal. */
export type ServerDb = { env: Record<string, string>; open(): Promise<Store>; drop(): Promise<void> };

export async function serverDatabase(): Promise<ServerDb> {
  if (BACKEND === 'postgres' && !TEST_DATABASE_URL)
    throw new Error('The PostgreSQL tests need TEST_DATABASE_URL, e.g. postgres://root@127.0.0.1:5432/test');
  // The same temporary database the benchmark and the load test use; its schema is made on the first open().
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-srv-'));
  const db = await temporaryDatabase(dir, BACKEND === 'postgres' ? TEST_DATABASE_URL : undefined, 't');
  return {
    env: db.env,
    open: () => db.open(),
    drop: async () => {
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the real built server (dist/server.js, built by `npm test`'s pretest) on a free port.
 * Resolves once it prints its listening line.
 */
export async function startServer(db: string | ServerDb, env: Record<string, string> = {}): Promise<RunningServer> {
  const dbEnv = typeof db === 'string' ? { DATABASE_PATH: db } : db.env;
  assertBuilt();
  const entry = path.join(ROOT_DIR, 'dist', 'server.js');
  const proc = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ...testHashing(env), ...dbEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    // A server that did not start in time is ended, or it would outlive the test run.
    const timer = setTimeout(() => (proc.kill('SIGKILL'), reject(new Error(`server did not start within 10 s:\n${out}`))), 10_000);
    const check = () => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, port, proc, output: () => out, exited };
}

export async function stopServer(server: RunningServer | undefined): Promise<void> {
  if (!server || server.proc.exitCode !== null || server.proc.signalCode !== null) return;
  server.proc.kill('SIGTERM');
  await server.exited;
}
