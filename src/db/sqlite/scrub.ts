import type { SqliteDb } from './open';

/**
 * Makes deleted rows leave every file of a SQLite database. secure_delete (see open.ts) overwrites them in
 * the database file, but older copies of their pages stay in the -wal file until later writes happen to
 * cover them, which can take many writes. A TRUNCATE checkpoint copies every page into the database file
 * and empties the -wal file (the -shm file holds only page numbers, never row data).
 *
 * TRUNCATE needs a moment when no other connection reads the WAL and no other checkpoint runs (the server's
 * checkpoint worker, a CLI process, a backup). SQLite then answers busy=1 instead of failing, so each try is
 * checked. A try waits at most TRY_WAIT_MS (this blocks the event loop), and the next try comes after a pause
 * that does not; after the last quick try it goes on in the background, once a second, until it succeeds.
 */
const TRY_WAIT_MS = 50;
const PAUSES_MS = [5, 20, 50, 100, 200, 400];
const BACKGROUND_EVERY_MS = 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSqliteScrub(db: SqliteDb): { scrub(): Promise<boolean>; stop(): void } {
  let background: NodeJS.Timeout | null = null;

  function tryOnce(): boolean {
    if (!db.open) return true; // closed: SQLite checkpointed and removed the -wal file if it was the last connection
    const previous = Number(db.pragma('busy_timeout', { simple: true }));
    db.pragma(`busy_timeout = ${TRY_WAIT_MS}`);
    try {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      return result?.busy === 0;
    } catch {
      return false; // e.g. the disk cannot be written now; the background tries again
    } finally {
      db.pragma(`busy_timeout = ${previous}`);
    }
  }

  const attempt = () => {
    const done = tryOnce();
    if (done) stop();
    return done;
  };

  function keepTrying() {
    if (background) return;
    background = setInterval(attempt, BACKGROUND_EVERY_MS);
    background.unref();
  }

  function stop() {
    if (background) clearInterval(background);
    background = null;
  }

  return {
    /** True when the -wal file is empty now; false when it will be emptied in the background. */
    async scrub() {
      if (attempt()) return true;
      for (const ms of PAUSES_MS) {
        await pause(ms);
        if (attempt()) return true;
      }
      keepTrying();
      return false;
    },
    stop,
  };
}
