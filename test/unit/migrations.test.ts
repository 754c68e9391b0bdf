import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../../src/db/migrations';
import { migrate } from '../../src/db/sqlite/migrate';
import { openSqlite } from '../../src/db/sqlite/open';

describe('migrations', () => {
  test('When run on a fresh database, then every migration is applied once and recorded in order', () => {
    const db = openSqlite(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.id));
    const rows = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
    expect(migrate(db)).toEqual([]);
  });

  test('When a database file is opened, then WAL, foreign keys and a busy timeout are on, and the folder is created', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dv-db-')), 'nested', 'folder');
    const db = openSqlite(path.join(dir, 'x.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(fs.existsSync(dir)).toBe(true);
    db.close();
  });

  test('When an assessment is deleted, then its answers go with it (foreign keys cascade)', () => {
    const db = openSqlite(':memory:');
    migrate(db);
    db.prepare(
      `INSERT INTO assessments (id, token_hash, lang, model_version, consent_at, created_at) VALUES (1, 'h', 'nl', '1', 'x', 'x')`,
    ).run();
    db.prepare(`INSERT INTO likert_answers VALUES (1, 'L01', 3, NULL, 'x')`).run();
    db.prepare('DELETE FROM assessments WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM likert_answers').pluck().get()).toBe(0);
  });
});
