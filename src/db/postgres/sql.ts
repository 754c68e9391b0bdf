import type { Pool, PoolClient } from 'pg';
import type { Param, Sql } from '../sql';
import { inTransaction } from './pool';

/** The adapter over a pool (each call on any free connection) or over one connection inside a transaction. */
export function pgSql(pool: Pool): Sql {
  return over(pool, (fn, options) =>
    inTransaction(pool, async (c) => {
      // One snapshot for every read of the transaction, and no writes.
      if (options?.snapshot) await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return fn(over(c, (inner) => inner(txOf(c))));
    }),
  );
}

const txOf = (c: PoolClient): Sql => over(c, (fn) => fn(txOf(c)));

function over(db: Pool | PoolClient, transaction: Sql['transaction']): Sql {
  const query = (text: string, params: readonly Param[] = []) => db.query(text, params as Param[]);
  return {
    dialect: 'postgres',
    async all<T>(text: string, params?: readonly Param[]) {
      return (await query(text, params)).rows as T[];
    },
    async first<T>(text: string, params?: readonly Param[]) {
      return ((await query(text, params)).rows[0] as T | undefined) ?? null;
    },
    async run(text: string, params?: readonly Param[]) {
      return (await query(text, params)).rowCount ?? 0;
    },
    transaction,
  };
}
