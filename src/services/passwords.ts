import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../errors';

/**
 * scrypt from node:crypto, r=8, p=1, N=2^costLog2 (OWASP's 2^17 by default; config refuses less in production).
 * The parameters are stored with each hash and verification uses the stored ones, so the cost can change
 * without breaking old hashes.
 *
 * Each hash takes 128 × N × r bytes (128 MB at 2^17) and a libuv thread for a while: a handful at once
 * starves the app. So hashes run through a small queue per instance; when it is full, a login gets 503
 * with Retry-After instead of piling up.
 */
type Params = { N: number; r: number; p: number };
export type Derive = (password: string, salt: Buffer, params: Params) => Promise<Buffer>;
export type HashingOptions = { costLog2: number; maxRunning: number; maxWaiting: number; derive?: Derive };

const KEY_LENGTH = 32;
const R = 8;
const P = 1;
/** Seconds a client is told to wait when the queue is full: a few hashes' time. */
export const BUSY_RETRY_AFTER_SECONDS = 5;
export const BUSY_MESSAGE = 'The server is busy checking passwords. Try again in a few seconds.';

const scryptDerive: Derive = (password, salt, o) => {
  const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
};

/** Runs at most `maxRunning` tasks at once; up to `maxWaiting` more wait their turn; beyond that: 503. */
function limiter(maxRunning: number, maxWaiting: number) {
  let running = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= maxRunning) {
        if (waiting.length >= maxWaiting)
          throw new AppError('unavailable', BUSY_MESSAGE, undefined, { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS });
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      running++;
      peak = Math.max(peak, running);
      try {
        return await task();
      } finally {
        release();
      }
    },
    state: () => ({ running, waiting: waiting.length, peak }),
  };
}

export function createPasswords({ costLog2, maxRunning, maxWaiting, derive = scryptDerive }: HashingOptions) {
  const queue = limiter(maxRunning, maxWaiting);
  const params: Params = { N: 2 ** costLog2, r: R, p: P };
  const format = (p: Params, salt: Buffer, key: Buffer) =>
    ['scrypt', p.N, p.r, p.p, salt.toString('base64url'), key.toString('base64url')].join('$');
  // Verified against when the e-mail is unknown, so such a login costs as much as a wrong password. Random
  // salt and key at the configured cost: no password matches it, and making it costs no hash.
  const dummy = format(params, randomBytes(16), randomBytes(KEY_LENGTH));

  async function verify(password: string, stored: string): Promise<boolean> {
    // '' is a user without a password (invited, or made by single sign-on): nothing verifies against it, and
    // checking takes as long as a wrong password, so such an account cannot be told apart by timing.
    if (stored === '') {
      await verify(password, dummy);
      return false;
    }
    const [scheme, N, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64url');
    const actual = await queue.run(() => derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) }));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  return {
    async hash(password: string): Promise<string> {
      const salt = randomBytes(16);
      return format(params, salt, await queue.run(() => derive(password, salt, params)));
    },
    verify,
    dummyHash: () => dummy,
    /** Hashes running and waiting now, and the most that ever ran at once (for tests and monitoring). */
    state: () => queue.state(),
  };
}
export type Passwords = ReturnType<typeof createPasswords>;

/** The production default (for tools that make users without a config). */
export const DEFAULT_HASHING: HashingOptions = { costLog2: 17, maxRunning: 2, maxWaiting: 6 };
