/**
 * The small adapter every shared repository talks to, after actualbudget/actual's db wrapper: `all`,
 * `first`, `run`, `transaction`. Statements are written once, in PostgreSQL's dialect ($1, $2 …,
 * TRUE/FALSE, COLLATE "C" for byte order); the SQLite adapter rewrites the few spots that differ.
 * Values are the same on both backends: numbers, text (ISO times, JSON text), booleans, null.
 */
export type Param = string | number | boolean | null;

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** Every row. */
  all<T>(text: string, params?: readonly Param[]): Promise<T[]>;
  /** The first row, or null. A write with RETURNING is committed (or has failed) when this resolves. */
  first<T>(text: string, params?: readonly Param[]): Promise<T | null>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(text: string, params?: readonly Param[]): Promise<number>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. `fn` may only
   * await the `tx` it is given (on SQLite nothing else runs on the connection until it ends). With
   * `snapshot`, a read-only transaction that reads one consistent state.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>, options?: { snapshot?: boolean }): Promise<T>;
}
