import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A version for the files under a folder: a hash of their paths and contents, read once at start. */
export function assetVersion(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else hash.update(path.relative(dir, p)).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('base64url').slice(0, 10);
}

/**
 * The app's stylesheet: the files of one folder (public/css/app/, one per area) joined in the order of their
 * names, read once at start. One request and one cache entry for the browser, the cascade in the files' order.
 */
export function stylesheetBundle(dir: string): string {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.css'))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .join('');
}
