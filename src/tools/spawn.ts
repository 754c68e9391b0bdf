import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Starts a built server script (dist/…) on a free loopback port and waits for its "listening" line. */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  cpu?: number,
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  // With `cpu`, the process is pinned to that core (Linux taskset), so a load generator on another core does not compete with it.
  const [cmd, args] =
    cpu !== undefined && fs.existsSync('/usr/bin/taskset')
      ? ['/usr/bin/taskset', ['-c', String(cpu), process.execPath, path.join(__dirname, '..', script)]]
      : [process.execPath, [path.join(__dirname, '..', script)]];
  const proc = spawn(cmd, args, {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    // Standard output is read as a service manager would collect it: all of it, kept only until the
    // listening line is there (after that, the request log is read and dropped, not stored).
    let out: string | null = '';
    proc.stdout.on('data', (d: Buffer) => {
      if (out === null) return;
      out += d.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        out = null;
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    proc.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    url,
    pid: proc.pid!,
    stop: () => new Promise((r) => (proc.exitCode !== null ? r() : (proc.kill('SIGTERM'), proc.on('exit', () => r())))),
  };
}
