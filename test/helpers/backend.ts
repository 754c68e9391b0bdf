import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropSchema as dropPgSchema, urlWithSchema } from '../../src/db/postgres/pool';
import { openPgStore } from '../../src/db/postgres/store';
import { openSqliteStore } from '../../src/db/sqlite/store';
import type { Store } from '../../src/db/store';
import { changesSchema, claimSlot, dropIfStale, emptyTables } from './pg-test-schemas';

/**
 * Which database the API, page and browser tests run on: jest.config.js runs them once per backend
 * (DRIJFVEER_TEST_BACKEND=postgres with TEST_DATABASE_URL for the second run).
 */
export const BACKEND: 'sqlite' | 'postgres' = process.env.DRIJFVEER_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';

/** A store for one test app, with raw SQL for checks (`?` placeholders on both backends). */
export type TestStore = {
  store: Store;
  /** For PostgreSQL: the connection string that reaches this store's own schema (for a spawned server). */
  url: string | null;
  sql: <T = Record<string, unknown>>(query: string, ...params: unknown[]) => Promise<T[]>;
  /** The first column of the first row. */
  one: <T = unknown>(query: string, ...params: unknown[]) => Promise<T>;
  columns: (table: string) => Promise<string[]>;
  tables: () => Promise<string[]>;
  close: () => Promise<void>;
};

const open: TestStore[] = [];
const createdIn = new Map<TestStore, string | undefined>();

/** A fresh, empty, migrated store: in-memory SQLite, or a schema of its own in the test PostgreSQL database. */
export async function openTestStore(): Promise<TestStore> {
  const t = BACKEND === 'postgres' ? await openPgTestStore() : openSqliteTestStore();
  open.push(t);
  createdIn.set(t, expect.getState().currentTestName);
  return t;
}

/** Closes the stores made during the test that just ended (or, with `all`, every one left). */
export async function closeTestStores(all: boolean): Promise<void> {
  const current = expect.getState().currentTestName;
  const done = open.filter((t) => all || (createdIn.get(t) !== undefined && createdIn.get(t) === current));
  for (const t of done) {
    open.splice(open.indexOf(t), 1);
    createdIn.delete(t);
    await t.close();
  }
}

function openSqliteTestStore(): TestStore {
  const store = openSqliteStore(':memory:');
  return {
    store,
    url: null,
    async sql<T>(query: string, ...params: unknown[]) {
      const stmt = store.sqlite.prepare(query);
      if (stmt.reader) return stmt.all(...params) as T[];
      stmt.run(...params);
      return [];
    },
    async one<T>(query: string, ...params: unknown[]) {
      return store.sqlite
        .prepare(query)
        .pluck()
        .get(...params) as T;
    },
    async columns(table) {
      return (store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    },
    async tables() {
      return store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    },
    close: () => store.close(),
  };
}

export { urlWithSchema } from '../../src/db/postgres/pool';

/** A new, empty schema in the test database; dropped again with `dropSchema`. */
export async function createSchema(): Promise<string> {
  requirePg();
  const schema = `t_${randomBytes(8).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  return schema;
}
export async function dropSchema(schema: string): Promise<void> {
  await dropPgSchema(TEST_DATABASE_URL, schema);
}

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function requirePg() {
  if (!TEST_DATABASE_URL) throw new Error('The PostgreSQL tests need TEST_DATABASE_URL, e.g. postgres://root@127.0.0.1:5432/test');
}

async function openPgTestStore(): Promise<TestStore> {
  requirePg();
  const { schema, release } = claimSlot();
  let reusable = true;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await dropIfStale(admin, schema);
  } finally {
    await admin.end();
  }
  let store = await openPgStore({ url: TEST_DATABASE_URL, schema, poolMax: 4 });
  try {
    await emptyTables(store.pool);
  } catch {
    // Could not be emptied (e.g. a role that may not switch triggers off): a new schema, as before reuse.
    await store.close();
    await dropSchema(schema);
    store = await openPgStore({ url: TEST_DATABASE_URL, schema, poolMax: 4 });
  }
  const numbered = (q: string) => {
    let n = 0;
    return q.replace(/\?/g, () => `$${++n}`);
  };
  return {
    store,
    url: urlWithSchema(TEST_DATABASE_URL, schema),
    async sql<T>(query: string, ...params: unknown[]) {
      if (changesSchema(query)) reusable = false;
      return (await store.pool.query(numbered(query), params)).rows as T[];
    },
    async one<T>(query: string, ...params: unknown[]) {
      const r = (await store.pool.query({ text: numbered(query), values: params, rowMode: 'array' })).rows[0] as unknown[] | undefined;
      return r?.[0] as T;
    },
    async columns(table) {
      const r = await store.pool.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
        [table],
      );
      return r.rows.map((c) => c.column_name);
    },
    async tables() {
      const r = await store.pool.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
      );
      return r.rows.map((x) => x.table_name);
    },
    async close() {
      await store.close();
      if (!reusable) await dropSchema(schema);
      release();
    },
  };
}

/**
 * Whether this run checks how pages look and read (axe-core, focus rings, reflow at four sizes). Markup and CSS do not depend on
 * the database, so the SQLite run checks them and the PostgreSQL run walks the same journeys for what does differ: the data.
 */
export const PAGE_CHECKS = BACKEND === 'sqlite';
