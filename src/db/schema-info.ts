import type { Pool } from 'pg';
import type { SqliteDb } from './sqlite/open';

/**
 * The schema of either backend in one neutral shape, so the two can be compared (a difference is a
 * test failure) and the copy tool can check its target before writing. Types are reduced to the two
 * families SQLite's STRICT tables know: PostgreSQL's boolean counts as an integer (SQLite's 0/1),
 * timestamptz, date and jsonb as text (SQLite's ISO and JSON text); names of implicit indexes (primary and
 * unique keys) are left out, as each engine names them its own way.
 */
export type ColumnInfo = { name: string; type: 'integer' | 'text'; notNull: boolean; default: string | null };
export type TableInfo = { columns: ColumnInfo[]; primaryKey: string[]; unique: string[]; foreignKeys: string[]; indexes: string[] };
export type SchemaInfo = Record<string, TableInfo>;

const family = (type: string): 'integer' | 'text' => (/int|^boolean$/i.test(type) ? 'integer' : 'text');
const BOOLEAN_DEFAULT: Record<string, string> = { false: '0', true: '1' };
const cleanDefault = (d: string | null): string | null => {
  if (d === null) return null;
  const plain = d.replace(/::[a-z ]+$/i, '');
  return BOOLEAN_DEFAULT[plain] ?? plain;
};
const ON_DELETE: Record<string, string> = { c: 'CASCADE', n: 'SET NULL', a: 'NO ACTION', r: 'RESTRICT', d: 'SET DEFAULT' };

export function sqliteSchema(db: SqliteDb): SchemaInfo {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: SchemaInfo = {};
  for (const t of tables) {
    type Col = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
    const cols = db.prepare(`PRAGMA table_info("${t}")`).all() as Col[];
    type Idx = { name: string; unique: number; origin: string; partial: number };
    const idx = db.prepare(`PRAGMA index_list("${t}")`).all() as Idx[];
    const colsOf = (index: string) =>
      (db.prepare(`PRAGMA index_info("${index}")`).all() as { name: string }[]).map((c) => c.name).join(', ');
    type Fk = { from: string; table: string; to: string; on_delete: string };
    out[t] = {
      columns: cols.map((c) => ({
        name: c.name,
        type: family(c.type),
        notNull: c.notnull === 1 || c.pk > 0,
        default: cleanDefault(c.dflt_value),
      })),
      primaryKey: cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      unique: idx
        .filter((i) => i.origin === 'u')
        .map((i) => colsOf(i.name))
        .sort(),
      foreignKeys: (db.prepare(`PRAGMA foreign_key_list("${t}")`).all() as Fk[])
        .map((f) => `${f.from} -> ${f.table}(${f.to}) ON DELETE ${f.on_delete}`)
        .sort(),
      indexes: idx
        .filter((i) => i.origin === 'c')
        .map((i) => `${i.name} (${colsOf(i.name)})${i.partial ? ' partial' : ''}${i.unique ? ' unique' : ''}`)
        .sort(),
    };
  }
  return out;
}

export async function pgSchema(pool: Pool): Promise<SchemaInfo> {
  const q = async <T>(sql: string) => (await pool.query(sql)).rows as T[];
  const cols = await q<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`,
  );
  const idx = await q<{
    table: string;
    index: string;
    unique: boolean;
    primary: boolean;
    partial: boolean;
    columns: string[];
    is_constraint: boolean;
  }>(
    `SELECT c.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary, ix.indpred IS NOT NULL AS partial,
       ARRAY(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
       EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('u', 'p')) AS is_constraint
     FROM pg_index ix JOIN pg_class c ON c.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()`,
  );
  const fks = await q<{ table: string; from: string; ref: string; to: string; deltype: string }>(
    `SELECT cl.relname AS table, fa.attname AS from, ref.relname AS ref, ta.attname AS to, con.confdeltype AS deltype
     FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class ref ON ref.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace
     JOIN pg_attribute fa ON fa.attrelid = con.conrelid AND fa.attnum = con.conkey[1]
     JOIN pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = con.confkey[1]
     WHERE con.contype = 'f' AND n.nspname = current_schema()`,
  );
  const out: SchemaInfo = {};
  for (const c of cols) {
    const t = (out[c.table_name] ??= { columns: [], primaryKey: [], unique: [], foreignKeys: [], indexes: [] });
    t.columns.push({
      name: c.column_name,
      type: family(c.data_type),
      notNull: c.is_nullable === 'NO',
      default: cleanDefault(c.column_default),
    });
  }
  for (const i of idx) {
    const t = out[i.table];
    if (!t) continue;
    if (i.primary) t.primaryKey = i.columns;
    else if (i.is_constraint) t.unique.push(i.columns.join(', '));
    else t.indexes.push(`${i.index} (${i.columns.join(', ')})${i.partial ? ' partial' : ''}${i.unique ? ' unique' : ''}`);
  }
  for (const f of fks) out[f.table]?.foreignKeys.push(`${f.from} -> ${f.ref}(${f.to}) ON DELETE ${ON_DELETE[f.deltype] ?? f.deltype}`);
  for (const t of Object.values(out)) {
    t.unique.sort();
    t.indexes.sort();
    t.foreignKeys.sort();
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
