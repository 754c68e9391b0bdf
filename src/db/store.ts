import type { Answers } from '../domain/answers';
import type { DriveId } from '../domain/drives';
import type { ScoredProfile } from '../domain/scoring';
import type { AssessmentRepo } from './assessment-types';
import type { AuditRepo } from './audit';
import type { ContactRepo } from './contacts';
import type { ExerciseRepo, RemarkRepo } from './exercise-types';
import type { PlanActionRepo } from './plan-actions';
import type { ProjectRepo } from './project-types';
import type { ReaderCorrectionRepo } from './reader-corrections';
import type { ResponseRow } from './responses';
import type { SurveyRepo } from './surveys';
import type { LoginSessionRepo, UserRepo, UserTokenRepo } from './user-types';
import type { WorkshopRepo } from './workshop-types';

// The types of each area live beside its repository; services import them all from here.
export type * from './assessment-types';
export type * from './project-types';
export type * from './user-types';
export type { AuditFilter, AuditRecord, AuditRepo, NewAuditRecord } from './audit';
export type { ContactRecord, ContactRepo, NewContact, NextAction, StoredReading } from './contacts';
export type { OpenConcern, PlanActionChange, PlanActionFields, PlanActionRecord, PlanActionRepo } from './plan-actions';
export type { ReaderCorrectionRecord, ReaderCorrectionRepo } from './reader-corrections';
export type { NewSurvey, NewSurveyResponse, SurveyRecord, SurveyRepo, SurveyResponseRecord } from './surveys';
export type { WorkshopRecord, Agreement, ListedWorkshop, CoTrainer, NewWorkshop, ParticipantRow, WorkshopRepo } from './workshop-types';

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

/** What changed: a workshop (its summary, dashboards and studio), or only its studio (exercise answers, votes, steps). */
export type ChangeTopic = 'workshop' | 'studio';
/**
 * Tells the other app instances on the same database that a workshop changed, so they drop cached
 * summaries and update their live dashboards. `null` means "anything may have changed" (after a lost
 * connection). With SQLite there is one process, so nothing is sent.
 */
export interface ChangeFeed {
  publish(workshopId: number, topic?: ChangeTopic): void;
  subscribe(onChange: (workshopId: number | null, topic: ChangeTopic) => void): () => void;
}

/**
 * The storage interface the services use. Each function is one whole operation in its own
 * transaction, returns a Promise and plain objects; src/db/sqlite/ and src/db/postgres/ implement it.
 */
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
