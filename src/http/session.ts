import session from 'express-session';
import type { Request, RequestHandler } from 'express';
import type { Config } from '../config';
import type { LoginSessionRepo } from '../db/store';

const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** How long a started single sign-on may take at the provider before its state, nonce and verifier expire. */
export const SSO_PENDING_MS = 10 * 60 * 1000;
/** A session without a login that holds a started single sign-on: until the callback, or for SSO_PENDING_MS. */
const pendingUntil = (sess: session.SessionData): number | null =>
  typeof sess.loginAt !== 'number' && sess.ssoPending ? sess.ssoPending.startedAt + SSO_PENDING_MS : null;

/**
 * express-session storage in our database (not the leaking memory store); express-session signs the cookie.
 * Besides the idle timeout (moved by every request) a login has an absolute lifetime from `loginAt`.
 */
class RepoSessionStore extends session.Store {
  private lastPrune = 0;
  constructor(
    private readonly repo: LoginSessionRepo,
    private readonly ttlMs: number,
    private readonly maxMs: number,
    private readonly onTouchFailed: (err: unknown) => void,
  ) {
    super();
  }
  private expiry(sess: session.SessionData): number {
    const idle = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : Date.now() + this.ttlMs;
    return Math.min(idle, pendingUntil(sess) ?? (sess.loginAt ?? 0) + this.maxMs);
  }
  override get(sid: string, cb: (err: unknown, sess?: session.SessionData | null) => void): void {
    this.read(sid, Date.now()).then((sess) => cb(null, sess), cb);
  }
  private async read(sid: string, now: number): Promise<session.SessionData | null> {
    const data = await this.repo.get(sid, now);
    const sess = data ? (JSON.parse(data) as session.SessionData) : null;
    // Only a login (or a single sign-on on its way) stores a session; one without a login time, or past its lifetime, is over.
    const until = sess ? (pendingUntil(sess) ?? (typeof sess.loginAt === 'number' ? sess.loginAt + this.maxMs : 0)) : 0;
    if (sess && !(now < until)) {
      await this.repo.destroy(sid);
      return null;
    }
    return sess;
  }
  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const now = Date.now();
    // Neither a login nor a single sign-on on its way (e.g. a session emptied after a refused callback): nothing to keep.
    if (typeof sess.loginAt !== 'number' && !sess.ssoPending) {
      void this.repo.destroy(sid).then(() => cb?.(), cb);
      return;
    }
    const prune = now - this.lastPrune > PRUNE_EVERY_MS ? ((this.lastPrune = now), this.repo.prune(now)) : Promise.resolve(0);
    void prune.then(() => this.repo.set(sid, JSON.stringify(sess), this.expiry(sess))).then(() => cb?.(), cb);
  }
  override touch(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    // A read must not fail because its session could not be extended (a full disk): the session
    // keeps its old expiry, and the failure is reported once instead of reaching the request.
    void this.repo.touch(sid, this.expiry(sess)).then(
      () => cb?.(),
      (err: unknown) => (this.onTouchFailed(err), cb?.()),
    );
  }
  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    void this.repo.destroy(sid).then(() => cb?.(), cb);
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    /** Epoch milliseconds of the login: the start of the absolute lifetime. */
    loginAt?: number;
    /** A single sign-on on its way: what the callback must match (one-time: removed at the callback). */
    ssoPending?: { state: string; nonce: string; codeVerifier: string; next: string; startedAt: number };
    /** The login came through single sign-on (logout then offers to log out at the provider too). */
    sso?: boolean;
  }
}

/** The login-session cookie: __Host- prefixed and Secure in production (behind TLS), httpOnly, SameSite=Lax. */
export function loginSession(config: Config, repo: LoginSessionRepo, onTouchFailed: (err: unknown) => void): RequestHandler {
  const ttlMs = config.sessionHours * 3600 * 1000;
  return session({
    name: config.isProduction ? '__Host-dv.sid' : 'dv.sid',
    secret: config.sessionSecret(),
    store: new RepoSessionStore(repo, ttlMs, config.loginSessionMaxHours * 3600 * 1000, onTouchFailed),
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, path: '/', maxAge: ttlMs },
  });
}

/**
 * Whether the request's login session still exists in the database for this user: a long-lived stream asks
 * again, because a logout, password change or removal on any instance (or the CLI) ends it there.
 */
export function loginStillValid(req: Request, userId: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (!req.sessionStore) return resolve(false);
    req.sessionStore.get(req.sessionID, (err, sess) => resolve(!err && sess?.userId === userId));
  });
}
