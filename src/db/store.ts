import type { Answers, AnswerPatch } from '../domain/answers';
import type { Lang } from '../domain/drives';
import type { ScoredProfile } from '../domain/scoring';

/**
 * The storage interface the services use. Each function is one whole operation in its own
 * transaction, returns a Promise (a PostgreSQL implementation follows) and plain objects.
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
};

export type StoredAnswers = { answers: Answers; durationsMs: number[] };

export type NewAssessment = { tokenHash: string; lang: Lang; name: string | null; modelVersion: string; now: string };

export type SaveResult = { status: 'saved'; answers: Answers } | { status: 'not_found' } | { status: 'completed' };
export type CompleteResult =
  | { status: 'completed'; record: AssessmentRecord }
  | { status: 'incomplete'; missing: string[] }
  | { status: 'not_found' }
  | { status: 'already_completed' };

export interface AssessmentRepo {
  create(input: NewAssessment): Promise<AssessmentRecord>;
  findByTokenHash(tokenHash: string): Promise<AssessmentRecord | null>;
  /** The record with its answers in one read, or null. */
  findWithAnswers(tokenHash: string): Promise<{ record: AssessmentRecord; stored: StoredAnswers } | null>;
  saveAnswers(tokenHash: string, patch: AnswerPatch, now: string): Promise<SaveResult>;
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
}

export interface Store {
  assessments: AssessmentRepo;
  close(): Promise<void>;
}
