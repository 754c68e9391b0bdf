#!/usr/bin/env node
'use strict';
/*
 * node scripts/parallel.js "npm run a" "npm run b": runs the commands side by side (a 2-core machine checks types while
 * ESLint runs) and fails when any of them fails. Each command's output is printed whole when it ends, so lines never mix.
 */
const { spawn } = require('node:child_process');

const commands = process.argv.slice(2);
const runs = commands.map(
  (command) =>
    new Promise((resolve) => {
      const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const out = [];
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => out.push(d));
      child.on('close', (code, signal) => {
        process.stdout.write(Buffer.concat(out));
        if (code !== 0) console.error(`"${command}" failed (${signal ?? `exit code ${code}`})`);
        resolve(code === 0);
      });
    }),
);
Promise.all(runs).then((ok) => process.exit(ok.every(Boolean) ? 0 : 1));
