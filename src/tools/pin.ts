/**
 * `node dist/tools/pin.js CPU SCRIPT [ARGS]`: runs SCRIPT pinned to one core where Linux taskset exists,
 * and plainly elsewhere (so `npm run bench` works on any machine).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const [cpu, script, ...args] = process.argv.slice(2);
const pinned = fs.existsSync('/usr/bin/taskset') && Number(cpu) < os.cpus().length;
const run = pinned
  ? spawnSync('/usr/bin/taskset', ['-c', cpu!, process.execPath, script!, ...args], { stdio: 'inherit' })
  : spawnSync(process.execPath, [script!, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
