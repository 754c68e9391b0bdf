import type Database from 'better-sqlite3';
import type { Param, Sql } from '../sql';
import type { SqliteDb } from './open';

/** PostgreSQL's dialect → SQLite's: numbered parameters ($1 → ?1) and no named collation (SQLite's default is byte order). */
export const toSqlite = (text: string): string => text.replace(/\$(\d+)/g, '?$1').replace(/ COLLATE "C"/g, '');

// better-sqlite3 binds numbered parameters (?1, ?2) by name: an object keyed 1, 2, …; booleans as 0/1.
const bind = (params: readonly Param[]) => Object.fromEntries(params.map((v, i) => [i + 1, typeof v === 'boolean' ? (v ? 1 : 0) : v]));

export type SqliteSql = Sql & {
  /** Runs a synchronous `fn` (a hot path's better-sqlite3 transaction) once no adapter transaction holds the connection. */
  whenIdle<T>(fn: () => T): Promise<T>;
};

/**
 * The adapter over one better-sqlite3 connection. Statements are prepared once per text. A transaction
 * is BEGIN … COMMIT around an async function; while it is open, every other call on this adapter waits
 * for it, so no statement of another request can slip into it between its awaits.
 */
export function sqliteSql(db: SqliteDb): SqliteSql {
  const cache = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let stmt = cache.get(text);
    if (!stmt) cache.set(text, (stmt = db.prepare(toSqlite(text))));
    return stmt;
  };
  let gate: Promise<void> | null = null;

  // A write with RETURNING is always stepped to its end (all(), never get()): in autocommit mode SQLite
  // commits when the statement ends; get() stops at the first row and leaves the commit to
  // sqlite3_reset, whose error (SQLITE_FULL on a full disk) better-sqlite3 drops, so the caller would get
  // a row that was never stored. For one row all() costs the same as get().
  const rowsOf = (stmt: Database.Statement, params: readonly Param[]): unknown[] =>
    stmt.reader ? stmt.all(bind(params)) : (stmt.run(bind(params)), []);
  const direct: Sql = {
    dialect: 'sqlite',
    async all<T>(text: string, params: readonly Param[] = []) {
      return rowsOf(prepare(text), params) as T[];
    },
    async first<T>(text: string, params: readonly Param[] = []) {
      const stmt = prepare(text);
      if (stmt.readonly) return (stmt.get(bind(params)) as T | undefined) ?? null;
      return (rowsOf(stmt, params)[0] as T | undefined) ?? null;
    },
    async run(text: string, params: readonly Param[] = []) {
      return prepare(text).run(bind(params)).changes;
    },
    transaction: (fn) => fn(direct),
  };

  // Every caller checks the gate again right before it runs, in the same turn: woken together, a transaction that
  // opened first must not find a plain statement of another request inside it (its rollback would undo that write).
  return {
    dialect: 'sqlite',
    async whenIdle(fn) {
      while (gate) await gate;
      return fn();
    },
    async all(text, params) {
      while (gate) await gate;
      return direct.all(text, params);
    },
    async first(text, params) {
      while (gate) await gate;
      return direct.first(text, params);
    },
    async run(text, params) {
      while (gate) await gate;
      return direct.run(text, params);
    },
    async transaction(fn, options) {
      while (gate) await gate;
      let release = () => undefined as void;
      gate = new Promise<void>((resolve) => (release = resolve));
      try {
        db.exec(options?.snapshot ? 'BEGIN' : 'BEGIN IMMEDIATE');
        const result = await fn(direct);
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      } finally {
        gate = null;
        release();
      }
    },
  };
}
