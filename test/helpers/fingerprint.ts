import type { TestApp } from './app';
import { BACKEND } from './backend';

/** Login sessions and rate-limit counters are bookkeeping that a refused request may rightly change; so is the audit log. */
const BOOKKEEPING = ['login_sessions', 'rate_limits', 'audit_log'];

// The tables of a test app: its schema does not change between requests, and on PostgreSQL information_schema is slow.
const tablesOf = new WeakMap<TestApp, Promise<string[]>>();

/**
 * Every row of every data table, as one string: equal before and after means nothing was written or lost
 * (a refused login is a `login.failure` record in the audit log, by design, so that table is left out).
 */
export async function fingerprint(t: TestApp): Promise<string> {
  if (!tablesOf.has(t)) tablesOf.set(t, t.db.tables());
  const tables = (await tablesOf.get(t)!).filter((n) => !BOOKKEEPING.includes(n)).sort();
  if (BACKEND === 'postgres') {
    // One round trip instead of one per table: each table's rows as a JSON array, in a fixed order.
    const columns = tables.map((n) => `(SELECT coalesce(json_agg(x ORDER BY x::text), '[]') FROM "${n}" x) AS "${n}"`);
    const [row] = await t.db.sql(`SELECT ${columns.join(', ')}`);
    return JSON.stringify(row);
  }
  const dump: [string, unknown[]][] = [];
  for (const name of tables) dump.push([name, await t.db.sql(`SELECT * FROM "${name}" ORDER BY 1, 2`)]);
  return JSON.stringify(dump);
}
