import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../../src/paths';

/**
 * Issue 13's measure: SQL is written once, in the shared repositories of src/db/. A statement that stands
 * both in a file of src/db/sqlite/ and in one of src/db/postgres/ (after placeholders and white space are
 * made alike) is a copy that can drift; at most 8 are allowed, for what truly differs around them.
 */
const STRING = /`([^`]*)`|'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g;
const SQL_START = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER)\s/i;

function statementsIn(dir: string): Set<string> {
  const found = new Set<string>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    for (const m of text.matchAll(STRING)) {
      const s = m[1] ?? m[2] ?? m[3] ?? '';
      if (!SQL_START.test(s)) continue;
      found.add(
        s
          .replace(/\$\{[^}]*\}/g, '${}')
          .replace(/\$\d+|\?\d*|@\w+/g, '?')
          .replace(/\s+/g, ' ')
          .trim()
          .toLowerCase(),
      );
    }
  }
  return found;
}

test('When the SQLite and PostgreSQL folders are compared, then at most 8 statements stand in both', () => {
  const sqlite = statementsIn(path.join(ROOT_DIR, 'src', 'db', 'sqlite'));
  const postgres = statementsIn(path.join(ROOT_DIR, 'src', 'db', 'postgres'));
  // The scan finds statements at all (so an empty intersection means something).
  expect(sqlite.size).toBeGreaterThan(5);
  expect(postgres.size).toBeGreaterThan(5);
  const both = [...sqlite].filter((s) => postgres.has(s));
  expect(both.length).toBeLessThanOrEqual(8);
});

test('When the same statement is written in both folders, then the scan counts it (the measure can fail)', () => {
  const [one, two] = [fs.mkdtempSync(path.join(os.tmpdir(), 'dv-sql-')), fs.mkdtempSync(path.join(os.tmpdir(), 'dv-sql-'))];
  fs.writeFileSync(path.join(one, 'a.ts'), "const a = db.prepare('SELECT * FROM users WHERE id = ?1');");
  fs.writeFileSync(path.join(two, 'b.ts'), 'const b = `SELECT *\n  FROM users WHERE id = $1`;');
  expect([...statementsIn(one)]).toEqual([...statementsIn(two)]);
  expect(statementsIn(one).size).toBe(1);
});
