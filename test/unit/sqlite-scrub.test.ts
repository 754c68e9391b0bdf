import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteScrub } from '../../src/db/sqlite/scrub';
import { openSqlite } from '../../src/db/sqlite/open';

const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('When another connection is reading, then scrub does not claim success and empties the -wal file once the reader is done', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dv-scrub-')), 'db.sqlite');
  const db = openSqlite(file);
  db.pragma('wal_autocheckpoint = 0'); // as in the server: only checkpoints we ask for
  db.exec("CREATE TABLE t (name TEXT); INSERT INTO t VALUES ('Tureluur')");
  const scrubber = createSqliteScrub(db);
  try {
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM t').get(); // holds a read snapshot of the WAL
    db.exec("DELETE FROM t WHERE name = 'Tureluur'");

    expect(await scrubber.scrub()).toBe(false);
    expect(walSize(file)).toBeGreaterThan(0);

    reader.exec('COMMIT');
    reader.close();
    await until(() => walSize(file) === 0); // the background retry
    expect(await scrubber.scrub()).toBe(true);
    expect(fs.readFileSync(file).includes(Buffer.from('Tureluur'))).toBe(false);
  } finally {
    scrubber.stop();
    db.close();
  }
});
