import type { TestApp } from './app';

/** Every row of every table, as one string: equal before and after means nothing was written or lost. */
export function fingerprint(t: TestApp): string {
  const tables = t.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('login_sessions') ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((name) => [name, t.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]));
}
