#!/usr/bin/env node
'use strict';
/*
 * Whether dist/ is older than src/: the server, the CLI and the process and browser tests run dist/, so a
 * stale build would run yesterday's code. `npm run build` ends with `stamp`; `ensure` builds only when
 * something under src/ (or a tsconfig) changed since the last stamp, so `npm run cli` starts at once.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const STAMP = path.join(ROOT, 'dist', '.built');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json'];

function newestInput(entry = INPUTS.map((p) => path.join(ROOT, p))) {
  let newest = { file: null, mtimeMs: 0 };
  for (const p of entry) {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    const found = st.isDirectory() ? newestInput(fs.readdirSync(p).map((n) => path.join(p, n))) : { file: p, mtimeMs: st.mtimeMs };
    if (found.mtimeMs > newest.mtimeMs) newest = found;
  }
  return newest;
}

/** null when dist/ is up to date; otherwise why not, in one sentence. */
function staleness() {
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return 'dist/ has not been built';
  }
  const newest = newestInput();
  return newest.mtimeMs > built ? `${path.relative(ROOT, newest.file)} changed after the last build` : null;
}

module.exports = { staleness };

if (require.main === module) {
  const command = process.argv[2];
  if (command === 'stamp') {
    fs.mkdirSync(path.dirname(STAMP), { recursive: true });
    fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  } else if (command === 'ensure') {
    const why = staleness();
    if (why) {
      process.stderr.write(`Building first: ${why}.\n`);
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')],
        {
          stdio: 'inherit',
        },
      );
      fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
    }
  } else {
    const why = staleness();
    process.stdout.write(why ? `stale: ${why}\n` : 'up to date\n');
    process.exitCode = why ? 1 : 0;
  }
}
