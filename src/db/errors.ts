/**
 * What a database error means for the person waiting: 'busy' (try again in a moment), 'cannot_write'
 * (disk full, read-only, database unreachable), 'bad_text' (a character PostgreSQL cannot store, such
 * as U+0000, in input that no field check refused) or null (a bug). Knows the codes of both backends so
 * the HTTP layer does not have to.
 */
export function dbErrorKind(err: unknown): 'busy' | 'cannot_write' | 'bad_text' | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return poolTimeout(err) ? 'busy' : null;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'busy';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN')
    return 'cannot_write';
  if (code === '22021' || code === '22P05') return 'bad_text';
  // PostgreSQL SQLSTATE classes: 40 serialization/deadlock, 55P03 lock wait, 53 resources, 57 shutdown, 08 connection.
  if (code.startsWith('40') || code === '55P03' || code === '53300') return 'busy';
  if (code.startsWith('53') || code.startsWith('57') || code.startsWith('08') || code === '25006') return 'cannot_write';
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ENOTFOUND' || code === 'EPIPE')
    return 'cannot_write';
  return null;
}

// node-postgres reports a full pool only by message.
const poolTimeout = (err: unknown): boolean =>
  err instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(err.message);

/**
 * When the database last refused a write ('cannot_write'), so /healthz can tell a load balancer to stop
 * sending traffic while writes fail. `now` is injectable for tests.
 */
export type WriteFailures = {
  /** Remembers `err` when it is a 'cannot_write' error; says whether it was one. */
  note(err: unknown): boolean;
  /** Milliseconds since the last failed write if that is less than `windowMs` ago, else null. */
  since(windowMs: number): number | null;
};

export function writeFailures(now: () => number = Date.now): WriteFailures {
  let last: number | null = null;
  return {
    note(err) {
      if (dbErrorKind(err) !== 'cannot_write') return false;
      last = now();
      return true;
    },
    since(windowMs) {
      if (last === null) return null;
      const ago = now() - last;
      return ago < windowMs ? ago : null;
    },
  };
}
