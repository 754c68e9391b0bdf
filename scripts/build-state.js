#!/usr/bin/env node
'use strict';
/*
 * Whether dist/ is older than src/: the server, the CLI and the process and browser tests run dist/, so a
 * stale build would run yesterday's code. `npm run build` ends with `stamp`; `ensure` builds only when
 * something under src/ (or a tsconfig) changed since the last stamp, so `npm run cli` starts at once.
 * Both remove what tsc left of deleted or renamed sources: a dist/db/migrations.js left behind would be
 * loaded instead of the new dist/db/migrations/index.js (Node tries the file before the folder).
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json'];
const stampOf = (root) => path.join(root, 'dist', '.built');

/** The newest file or folder: a folder's own time changes when a file in it is deleted or renamed. */
function newestInput(entries) {
  let newest = { file: null, mtimeMs: 0 };
  for (const p of entries) {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    const own = { file: p, mtimeMs: st.mtimeMs };
    const found = st.isDirectory() ? newestInput(fs.readdirSync(p).map((n) => path.join(p, n))) : own;
    for (const f of st.isDirectory() ? [own, found] : [found]) if (f.mtimeMs > newest.mtimeMs) newest = f;
  }
  return newest;
}

/** null when dist/ is up to date; otherwise why not, in one sentence. */
function staleness(root = ROOT) {
  let built;
  try {
    built = fs.statSync(stampOf(root)).mtimeMs;
  } catch {
    return 'dist/ has not been built';
  }
  const newest = newestInput(INPUTS.map((p) => path.join(root, p)));
  return newest.mtimeMs > built ? `${path.relative(root, newest.file) || '.'} changed after the last build` : null;
}

/** Deletes compiled files under dist/ whose source under src/ is gone; answers their paths (relative to dist/). */
function pruneOrphans(root = ROOT) {
  const dist = path.join(root, 'dist');
  const removed = [];
  const walk = (dir) => {
    let names;
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        if (fs.readdirSync(file).length === 0) fs.rmdirSync(file);
        continue;
      }
      const m = /^(.*)\.(js|js\.map|d\.ts)$/.exec(entry.name);
      if (!m) continue;
      const source = path.join(root, 'src', path.relative(dist, dir), `${m[1]}.ts`);
      if (!fs.existsSync(source)) {
        fs.rmSync(file);
        removed.push(path.relative(dist, file));
      }
    }
  };
  walk(dist);
  return removed;
}

function stamp(root = ROOT) {
  pruneOrphans(root);
  fs.mkdirSync(path.dirname(stampOf(root)), { recursive: true });
  fs.writeFileSync(stampOf(root), `${new Date().toISOString()}\n`);
}

module.exports = { staleness, pruneOrphans, stamp };

if (require.main === module) {
  const command = process.argv[2];
  if (command === 'stamp') {
    stamp();
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
      stamp();
    }
  } else {
    const why = staleness();
    process.stdout.write(why ? `stale: ${why}\n` : 'up to date\n');
    process.exitCode = why ? 1 : 0;
  }
}
