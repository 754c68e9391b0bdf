import type { Answers, AnswerPatch, FieldError } from '../domain/answers';
import type { Lang } from '../domain/drives';
import type { ScoredProfile } from '../domain/scoring';

/** Assessments and their answers, as the services see them (see AssessmentRepo). */
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
