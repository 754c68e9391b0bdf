/** Accounts, their invite and reset tokens, and login sessions. */
export type Role = 'trainer' | 'consultant' | 'admin';
export type UserStatus = 'active' | 'deactivated';
export type UserRecord = {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  status: UserStatus;
  lastLoginAt: string | null;
  /** False for an invited user who has not set a password yet (password_hash ''). */
  hasPassword: boolean;
};

export interface UserRepo {
  create(input: { email: string; name: string; role: Role; passwordHash: string; now: string }): Promise<UserRecord | 'email_taken'>;
  findById(id: number): Promise<UserRecord | null>;
  /** The user with the stored password hash, for logging in. */
  findForLogin(email: string): Promise<(UserRecord & { passwordHash: string }) | null>;
  list(): Promise<UserRecord[]>;
  setPassword(email: string, passwordHash: string): Promise<boolean>;
  /**
   * Removes the user with their own profiles, their workshops and those workshops' participants, and their projects,
   * except that a project shared with colleagues passes to the colleague added first (who could already see all of it).
   */
  remove(email: string): Promise<boolean>;
  /** Single sign-on: the user linked to this (issuer, sub), or null. */
  findBySso(issuer: string, subject: string): Promise<UserRecord | null>;
  /** Single sign-on: the user with this e-mail address and their link (null: not linked yet), for a first login. */
  findByEmailForSso(email: string): Promise<{ user: UserRecord; link: SsoLink | null } | null>;
  /** A new account without a password (password_hash ''), linked at once; 'taken' if the e-mail or link exists. */
  createSso(input: { email: string; name: string; role: Role; link: SsoLink; now: string }): Promise<UserRecord | 'taken'>;
  /** Links the user (when not yet linked, or linked to the same account) and sets the role; false otherwise. */
  linkSso(id: number, link: SsoLink, role: Role): Promise<UserRecord | null>;
  setRole(id: number, role: Role): Promise<boolean>;
  setStatus(id: number, status: UserStatus): Promise<boolean>;
  recordLogin(id: number, now: string): Promise<void>;
  /** What removing the user takes with them, for the confirmation step. */
  removalCounts(id: number): Promise<{ profiles: number; workshops: number; participants: number; projects: number }>;
}

export type UserTokenKind = 'invite' | 'reset';
/** One-time links (invitation, password reset): only a hash of each token is stored. */
export interface UserTokenRepo {
  create(input: { tokenHash: string; userId: number; kind: UserTokenKind; expiresAt: string; now: string }): Promise<void>;
  /** The open (unused, unexpired) token's user, or why it cannot be used. Does not use it. */
  check(tokenHash: string, kind: UserTokenKind, now: string): Promise<{ userId: number } | 'used' | 'expired' | 'unknown'>;
  /** Marks the token used, once: false when it was used (or expired) in the meantime. */
  use(tokenHash: string, kind: UserTokenKind, now: string): Promise<number | null>;
  /** Ends the user's other open tokens of that kind (a newer link replaces older ones). */
  endOpen(userId: number, kind: UserTokenKind, now: string): Promise<void>;
}

/** An account at an OpenID Connect provider: stable across e-mail changes. */
export type SsoLink = { issuer: string; subject: string };

/** Server-side login sessions (express-session data), with expiry in epoch milliseconds. */
export interface LoginSessionRepo {
  get(sid: string, now: number): Promise<string | null>;
  set(sid: string, data: string, expiresAt: number): Promise<void>;
  touch(sid: string, expiresAt: number): Promise<void>;
  destroy(sid: string): Promise<void>;
  prune(now: number): Promise<number>;
  /** Ends every login session of the user (after a password change or removal); returns how many. */
  destroyByUser(userId: number): Promise<number>;
  /** The ids of the user's login sessions (to end their live streams on this instance). */
  idsByUser(userId: number): Promise<string[]>;
}
