import type { Answers, AnswerPatch, FieldError } from '../domain/answers';
import type { DriveId, Lang } from '../domain/drives';
import type { ScoredProfile } from '../domain/scoring';
import type { ResponseRow } from './responses';
import type { ExerciseRepo, RemarkRepo } from './exercise-types';
import type { WorkshopRepo } from './workshop-types';
import type { ReaderCorrectionRepo } from './reader-corrections';
export type { ReaderCorrectionRecord, ReaderCorrectionRepo } from './reader-corrections';
import type { ContactRepo } from './contacts';
import type { SurveyRepo } from './surveys';
export type { NewSurvey, NewSurveyResponse, SurveyRecord, SurveyRepo, SurveyResponseRecord } from './surveys';
import type { AuditRepo } from './audit';
export type { AuditFilter, AuditRecord, AuditRepo, NewAuditRecord } from './audit';
export type { ContactRecord, ContactRepo, NewContact, NextAction, StoredReading } from './contacts';
import type { PlanActionRepo } from './plan-actions';
export type { OpenConcern, PlanActionChange, PlanActionFields, PlanActionRecord, PlanActionRepo } from './plan-actions';
export type { WorkshopRecord, Agreement, ListedWorkshop, CoTrainer, NewWorkshop, ParticipantRow, WorkshopRepo } from './workshop-types';

/**
 * The storage interface the services use. Each function is one whole operation in its own
 * transaction, returns a Promise and plain objects; src/db/sqlite/ and src/db/postgres/ implement it.
 */
export type AssessmentRecord = {
  id: number;
  lang: Lang;
  name: string | null;
  modelVersion: string;
  consentAt: string;
  createdAt: string;
  completedAt: string | null;
  profile: ScoredProfile | null;
  /** The workshop the participant joined, or null for a self-assessment. */
  workshopId: number | null;
  /** The account this profile belongs to ("this is my profile"), or null. */
  userId: number | null;
  /** Which version of the privacy text the person agreed to. */
  consentVersion: string;
};

export type StoredAnswers = { answers: Answers; durationsMs: number[] };

export type NewAssessment = {
  tokenHash: string;
  lang: Lang;
  name: string | null;
  modelVersion: string;
  consentVersion: string;
  now: string;
  workshopId?: number | null;
  userId?: number | null;
};

export type SaveResult =
  | { status: 'saved'; answered: number; workshopId: number | null }
  | { status: 'invalid'; errors: FieldError[] }
  | { status: 'not_found' }
  | { status: 'completed' };
export type CompleteResult =
  | { status: 'completed'; record: AssessmentRecord }
  | { status: 'incomplete'; missing: string[] }
  | { status: 'not_found' }
  | { status: 'already_completed' };

export interface AssessmentRepo {
  create(input: NewAssessment): Promise<AssessmentRecord>;
  findByTokenHash(tokenHash: string): Promise<AssessmentRecord | null>;
  /** Whether an assessment exists and is completed, without reading its profile (hot path of cached pages). */
  statusOf(tokenHash: string): Promise<{ status: 'missing' | 'in_progress' | 'completed'; modelVersion: string | null }>;
  /** The record with its answers in one read, or null. */
  findWithAnswers(tokenHash: string): Promise<{ record: AssessmentRecord; stored: StoredAnswers } | null>;
  /**
   * Checks the patch against the assessment's model version (`check`, pure) and merges it, in one
   * transaction; answers how many items are answered now.
   */
  saveAnswers(tokenHash: string, patch: AnswerPatch, now: string, check: (modelVersion: string) => FieldError[]): Promise<SaveResult>;
  /**
   * Reads the answers, lets `score` (pure, synchronous) turn them into a profile or a list of
   * missing items, and stores the profile: all in one transaction, so no save slips in between.
   */
  complete(
    tokenHash: string,
    now: string,
    score: (stored: StoredAnswers, modelVersion: string) => ScoredProfile | { missing: string[] },
  ): Promise<CompleteResult>;
  /** Deletes the assessment and every answer; false when there was none. */
  delete(tokenHash: string): Promise<boolean>;
  /** Links an assessment to an account; 'taken' when another account already has it. */
  linkToUser(tokenHash: string, userId: number): Promise<'linked' | 'not_found' | 'taken'>;
  /** The user's linked assessments, newest first. */
  listByUser(userId: number): Promise<AssessmentRecord[]>;
  /** Everything stored about one assessment, with the time of each answer, for the person's own download. */
  exportData(tokenHash: string): Promise<{ record: AssessmentRecord; answers: StoredAnswerRow[]; workshopTitle: string | null } | null>;
  /** Deletes unfinished assessments created before `before` (ISO time); returns how many. */
  purgeUnfinished(before: string): Promise<number>;
}

export type StoredAnswerRow = {
  itemId: string;
  kind: 'likert' | 'choice';
  value?: number;
  most?: string;
  least?: string;
  durationMs: number | null;
  answeredAt: string;
};

export type ProjectRecord = {
  id: number;
  publicId: string;
  ownerId: number;
  client: string;
  system: string;
  phase: string;
  notes: string;
  /** The change described on the dimensions of data/change/dimensions.json: id → intensity 0–3 (left out: 0). */
  change: Record<string, number>;
  createdAt: string;
  updatedAt: string;
};
export type ProjectFields = Pick<ProjectRecord, 'client' | 'system' | 'phase' | 'notes'>;
/** A project in someone's list: `sharedBy` is the owner's name when a colleague shared it with them, else null. */
export type ListedProject = ProjectRecord & { sharedBy: string | null };
/** A colleague a project is shared with. */
export type ProjectMember = { id: number; email: string; name: string; addedAt: string };
export type StakeholderRecord = {
  id: number;
  publicId: string;
  projectId: number;
  name: string;
  department: string;
  influence: number;
  support: number;
  drives: DriveId[];
  concerns: string;
  approach: string;
  lastContact: string | null;
  /** Interest in the change, 1–5 (the power–interest grid). */
  interest: number;
  /** The support the consultant aims for, −2…+2 (current versus desired). */
  desiredSupport: number;
  /** The consultant chose the likely drives: the contact log's readings no longer replace them. */
  drivesByHand: boolean;
  createdAt: string;
  updatedAt: string;
};
/** What a stakeholder is made with; interest and desired support default to 3 and 0. */
export type StakeholderFields = Pick<
  StakeholderRecord,
  'name' | 'department' | 'influence' | 'support' | 'drives' | 'concerns' | 'approach' | 'lastContact'
> &
  Partial<Pick<StakeholderRecord, 'interest' | 'desiredSupport'>>;
export type StakeholderChange = Partial<StakeholderFields> & { drivesByHand?: boolean };

export interface ProjectRepo {
  create(input: ProjectFields & { publicId: string; ownerId: number; now: string }): Promise<ProjectRecord>;
  /** The user's own projects and those shared with them, most recently changed first. */
  list(userId: number): Promise<ListedProject[]>;
  find(publicId: string): Promise<ProjectRecord | null>;
  isMember(projectId: number, userId: number): Promise<boolean>;
  members(projectId: number): Promise<ProjectMember[]>;
  addMember(projectId: number, userId: number, now: string): Promise<'added' | 'exists'>;
  removeMember(projectId: number, userId: number): Promise<boolean>;
  update(id: number, change: Partial<ProjectFields>, now: string): Promise<ProjectRecord>;
  /** Replaces the project's change description (already checked against the dimensions). */
  setChange(id: number, change: Record<string, number>, now: string): Promise<ProjectRecord>;
  /** Deletes the project with all its stakeholders. */
  remove(id: number): Promise<void>;
  stakeholders(projectId: number): Promise<StakeholderRecord[]>;
  addStakeholder(projectId: number, input: StakeholderFields & { publicId: string; now: string }): Promise<StakeholderRecord>;
  findStakeholder(projectId: number, publicId: string): Promise<StakeholderRecord | null>;
  updateStakeholder(id: number, change: StakeholderChange, now: string): Promise<StakeholderRecord>;
  removeStakeholder(id: number): Promise<void>;
}

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

/** A completed assessment with its item answers, for the statistics of a model version. */
export type CompletedRow = { id: number; userId: number | null; completedAt: string; answers: Answers; profile: ScoredProfile };
export type NormTable = {
  id: number;
  modelVersion: string;
  createdAt: string;
  n: number;
  active: boolean;
  /** The scoring version its combined scores were made with (see SCORING_VERSION); only the current one is used. */
  scoring: number;
  scores: Record<DriveId, number[]>;
};

export interface StatsRepo {
  /** Completed assessments of a version; with `ownerId`, only those in that trainer's sessions. */
  completed(modelVersion: string, ownerId: number | null): Promise<CompletedRow[]>;
  /** Changes whenever a profile of the version is completed or deleted: the key for cached statistics. */
  stamp(modelVersion: string): Promise<string>;
  /** Combined scores per drive of every completed profile of the version, each list sorted ascending. */
  combinedScores(modelVersion: string): Promise<{ n: number; last: string | null; scores: Record<DriveId, number[]> }>;
  createNormTable(modelVersion: string, n: number, scores: Record<DriveId, number[]>, now: string): Promise<NormTable>;
  normTables(modelVersion: string): Promise<NormTable[]>;
  /** Makes one table the one in use for its version (null: live norms). */
  activateNormTable(modelVersion: string, id: number | null): Promise<boolean>;
  /** Item-level answers of the completed, consented assessments of a version: for the anonymised export. */
  responses(modelVersion: string): Promise<ResponseRow[]>;
}

/** Hit counters of the rate limits, in the database so several instances share them (and a restart keeps them). */
export interface RateLimitRepo {
  /** Counts one hit on `key`; a window that has ended starts again with this hit. */
  hit(key: string, windowMs: number, now: number): Promise<{ hits: number; resetAt: number }>;
  /** The hits in the current window, without counting one (0 when the window has ended). */
  peek(key: string, now: number): Promise<number>;
  /** Takes one hit back (a request that should not count, such as a successful login). */
  undo(key: string, now: number): Promise<void>;
  reset(key: string): Promise<void>;
  /** Deletes counters whose window has ended; returns how many. */
  prune(now: number): Promise<number>;
}

/**
 * Tells the other app instances on the same database that a workshop changed, so they drop cached
 * summaries and update their live dashboards. `null` means "anything may have changed" (after a lost
 * connection). With SQLite there is one process, so nothing is sent.
 */
/** What changed: a workshop (its summary, dashboards and studio), or only its studio (exercise answers, votes, steps). */
export type ChangeTopic = 'workshop' | 'studio';
export interface ChangeFeed {
  publish(workshopId: number, topic?: ChangeTopic): void;
  subscribe(onChange: (workshopId: number | null, topic: ChangeTopic) => void): () => void;
}

export interface Store {
  /** Which engine: for the health check and the logs. */
  backend: 'sqlite' | 'postgres';
  changes: ChangeFeed;
  assessments: AssessmentRepo;
  users: UserRepo;
  userTokens: UserTokenRepo;
  loginSessions: LoginSessionRepo;
  rateLimits: RateLimitRepo;
  workshops: WorkshopRepo;
  projects: ProjectRepo;
  contacts: ContactRepo;
  planActions: PlanActionRepo;
  surveys: SurveyRepo;
  stats: StatsRepo;
  exercises: ExerciseRepo;
  remarks: RemarkRepo;
  readerCorrections: ReaderCorrectionRepo;
  audit: AuditRepo;
  /**
   * Called after every deletion of personal data, so the deleted rows leave every file on disk promptly, not
   * only the tables. Never throws: the deletion itself has committed (SQLite keeps trying in the background).
   */
  scrub(): Promise<void>;
  /** Throws when the database cannot answer (for the health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
