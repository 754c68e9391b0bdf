import fs from 'node:fs';
import { AppError } from '../errors';

/**
 * Where a CLI export goes: to `out`, a new file (never over an existing one, which may be yesterday's export
 * or anything else), or to standard output with the count on standard error so the data stays clean.
 */
export function writeExport(out: string | undefined, data: string, wrote: string, exported: string, say: (line: string) => void): void {
  if (!out) {
    process.stdout.write(data);
    process.stderr.write(`${exported}\n`);
    return;
  }
  try {
    fs.writeFileSync(out, data, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    throw new AppError('validation_failed', `${out} already exists; give a new file name with --out.`);
  }
  say(wrote);
}
