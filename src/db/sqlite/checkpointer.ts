/**
 * Runs in a worker thread: moves the WAL into the database file once a second, on its own connection.
 * Without it SQLite checkpoints inside whichever write crosses the threshold, and that write (and the
 * whole event loop with it) waits for the copy and the fsync.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database((workerData as { file: string }).file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(
  () => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // busy now; the next round catches up
    }
  },
  (workerData as { intervalMs: number }).intervalMs,
);
parentPort?.on('message', (msg) => {
  if (msg === 'stop') {
    clearInterval(timer);
    db.close();
    process.exit(0);
  }
});
