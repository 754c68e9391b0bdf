import type { TestApp } from './app';

/**
 * Every row of every data table, as one string: equal before and after means nothing was written or lost.
 * Login sessions and rate-limit counters are bookkeeping that a refused request may rightly change; so is the audit log
 * (a refused login is a `login.failure` record, by design).
 */
export async function fingerprint(t: TestApp): Promise<string> {
  const tables = await t.db.tables();
  const dump: [string, unknown[]][] = [];
  for (const name of tables.filter((n) => !['login_sessions', 'rate_limits', 'audit_log'].includes(n)).sort())
    dump.push([name, await t.db.sql(`SELECT * FROM "${name}" ORDER BY 1, 2`)]);
  return JSON.stringify(dump);
}
