import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A small tmpfs for one test file, to fill a real disk: mounted in beforeAll, unmounted in afterAll (also
 * after a failure). Not root: every test of the file fails with a message saying so (never skipped).
 */
export function useTmpfs(testFile: string, size = '8m') {
  let dir = '';
  let mounted = false;
  beforeAll(() => {
    if (process.getuid?.() !== 0) {
      throw new Error(`${testFile} needs root: it mounts a small tmpfs to fill a real disk (CI runs as root; run it with sudo).`);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
    mounted = true;
  });
  afterAll(() => {
    // Lazy: detached even when a failed test left a file open on it.
    if (mounted) execFileSync('umount', ['-l', dir]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  /** The mount point; throws when beforeAll could not mount it, so no test writes outside it. */
  const root = (): string => {
    if (!mounted) throw new Error('no tmpfs mounted (see the first error)');
    return dir;
  };
  const filler = () => path.join(root(), 'filler');
  return {
    root,
    /** Writes until the file system refuses (ENOSPC): what is left is less than one page. */
    fill(): void {
      const fd = fs.openSync(filler(), 'a');
      try {
        for (const size of [1 << 20, 1 << 16, 1 << 12, 512, 1]) {
          const chunk = Buffer.alloc(size, 1);
          for (;;) {
            try {
              fs.writeSync(fd, chunk);
            } catch (err) {
              if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
              break;
            }
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    free: () => fs.rmSync(filler(), { force: true }),
  };
}
