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
    expect(sql.idle()).toBeNull();
  });
});
