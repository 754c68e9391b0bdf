import { openSqlite } from '../../src/db/sqlite/open';
import { sqliteSql, toSqlite } from '../../src/db/sqlite/sql';

const adapter = () => {
  const db = openSqlite(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, flag INTEGER) STRICT');
  return { db, sql: sqliteSql(db) };
};

describe('the SQLite adapter', () => {
  test('toSqlite() rewrites numbered parameters and drops the C collation, leaving the rest', () => {
    expect(toSqlite('SELECT * FROM t WHERE a = $1 AND b = $12 ORDER BY v COLLATE "C"')).toBe(
      'SELECT * FROM t WHERE a = ?1 AND b = ?12 ORDER BY v',
    );
  });

  test('When booleans and a repeated parameter are bound, then SQLite gets 0/1 and the same value twice', async () => {
    const { sql } = adapter();
    const row = await sql.first<{ id: number; v: string; flag: number }>('INSERT INTO t (v, flag) VALUES ($1 || $1, $2) RETURNING *', [
      'ab',
      true,
    ]);
    expect(row).toEqual({ id: 1, v: 'abab', flag: 1 });
    expect(await sql.run('UPDATE t SET flag = $1 WHERE id = $2', [false, 1])).toBe(1);
    expect(await sql.all('SELECT flag FROM t')).toEqual([{ flag: 0 }]);
  });

  test('When a transaction is open between awaits, then a statement from elsewhere waits until it has committed', async () => {
    const { sql } = adapter();
    const order: string[] = [];
    let inside!: () => void;
    const reached = new Promise<void>((resolve) => (inside = resolve));
    let proceed!: () => void;
    const gate = new Promise<void>((resolve) => (proceed = resolve));
    const tx = sql.transaction(async (t) => {
      await t.run("INSERT INTO t (v) VALUES ('in tx')");
      inside();
      await gate; // the transaction stays open here
      order.push('tx done');
    });
    await reached;
    const outside = sql.all<{ v: string }>('SELECT v FROM t').then((rows) => order.push(`outside saw ${rows.length}`));
    proceed();
    await Promise.all([tx, outside]);
    expect(order).toEqual(['tx done', 'outside saw 1']);
  });

  test('When a transaction throws, then none of its writes stay and the connection is free again', async () => {
    const { db, sql } = adapter();
    await expect(
      sql.transaction(async (t) => {
        await t.run("INSERT INTO t (v) VALUES ('gone')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(db.inTransaction).toBe(false);
    expect(await sql.all('SELECT * FROM t')).toEqual([]);
  });

  // Both wake when the first transaction ends; the second opens first. The write must not run inside it.
  const heldOpen = (sql: ReturnType<typeof adapter>['sql']) => {
    let proceed!: () => void;
    const hold = new Promise<void>((resolve) => (proceed = resolve));
    return { first: sql.transaction(() => hold), proceed };
  };
  const failingTransaction = (sql: ReturnType<typeof adapter>['sql']) =>
    sql.transaction(async (t) => {
      await t.run("INSERT INTO t (v) VALUES ('rolled back')");
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('boom');
    });

  test('When a write and a second transaction both wait for one, then the write stays when the second rolls back', async () => {
    const { db, sql } = adapter();
    const { first, proceed } = heldOpen(sql);
    const second = failingTransaction(sql);
    const write = sql.run("INSERT INTO t (v) VALUES ('kept')");
    proceed();
    await first;
    expect(await write).toBe(1); // acknowledged …
    await expect(second).rejects.toThrow('boom');
    expect(await sql.all('SELECT v FROM t')).toEqual([{ v: 'kept' }]); // … and stored
    expect(db.inTransaction).toBe(false);
  });

  test('When a hot path and a second transaction both wait for one, then the write of the hot path stays when the second rolls back', async () => {
    const { db, sql } = adapter();
    const insert = db.transaction(() => db.prepare("INSERT INTO t (v) VALUES ('hot')").run().changes);
    const { first, proceed } = heldOpen(sql);
    const second = failingTransaction(sql);
    const hot = sql.whenIdle(insert);
    proceed();
    await first;
    expect(await hot).toBe(1);
    await expect(second).rejects.toThrow('boom');
    expect(await sql.all('SELECT v FROM t')).toEqual([{ v: 'hot' }]);
  });

  test('When two transactions wait for a third, then they run one after the other', async () => {
    const { sql } = adapter();
    const { first, proceed } = heldOpen(sql);
    const a = sql.transaction(async (t) => {
      await t.run("INSERT INTO t (v) VALUES ('a')");
      await new Promise((resolve) => setImmediate(resolve));
    });
    const b = sql.transaction((t) => t.run("INSERT INTO t (v) VALUES ('b')"));
    proceed();
    await Promise.all([first, a, b]);
    expect(await sql.all('SELECT v FROM t ORDER BY id')).toEqual([{ v: 'a' }, { v: 'b' }]);
  });
});
