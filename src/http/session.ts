import session from 'express-session';
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import type { LoginSessionRepo } from '../db/store';

const PRUNE_EVERY_MS = 10 * 60 * 1000;

/** express-session storage in our database (not the leaking memory store); express-session signs the cookie. */
class RepoSessionStore extends session.Store {
  private lastPrune = 0;
  constructor(
    private readonly repo: LoginSessionRepo,
    private readonly ttlMs: number,
    private readonly onTouchFailed: (err: unknown) => void,
  ) {
    super();
  }
  private expiry(sess: session.SessionData): number {
    return sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : Date.now() + this.ttlMs;
  }
  override get(sid: string, cb: (err: unknown, sess?: session.SessionData | null) => void): void {
    this.repo.get(sid, Date.now()).then((data) => cb(null, data ? (JSON.parse(data) as session.SessionData) : null), cb);
  }
  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const now = Date.now();
    const prune = now - this.lastPrune > PRUNE_EVERY_MS ? ((this.lastPrune = now), this.repo.prune(now)) : Promise.resolve(0);
    prune.then(() => this.repo.set(sid, JSON.stringify(sess), this.expiry(sess))).then(() => cb?.(), cb);
  }
  override touch(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    // A read must not fail because its session could not be extended (a full disk): the session
    // keeps its old expiry, and the failure is reported once instead of reaching the request.
    this.repo.touch(sid, this.expiry(sess)).then(
      () => cb?.(),
      (err: unknown) => (this.onTouchFailed(err), cb?.()),
    );
  }
  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.repo.destroy(sid).then(() => cb?.(), cb);
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: number;
  }
}

/** The login-session cookie: __Host- prefixed and Secure in production (behind TLS), httpOnly, SameSite=Lax. */
export function loginSession(config: Config, repo: LoginSessionRepo, onTouchFailed: (err: unknown) => void): RequestHandler {
  const ttlMs = config.sessionHours * 3600 * 1000;
  return session({
    name: config.isProduction ? '__Host-dv.sid' : 'dv.sid',
    secret: config.sessionSecret(),
    store: new RepoSessionStore(repo, ttlMs, onTouchFailed),
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, path: '/', maxAge: ttlMs },
  });
}
