import type { DriveId, Lang } from '../domain/drives';
import type { ExerciseStatus } from '../domain/studio/steps';

/** The workshop studio's records (see store.ts): exercises of a session, participants' answers and votes, own remarks. */
export type ExerciseKind = 'recognize' | 'open' | 'poll';
export type ExerciseRecord = {
  id: number;
  publicId: string;
  workshopId: number;
  position: number;
  kind: ExerciseKind;
  /** The remark's text (recognize) or the question (open, poll). */
  prompt: string;
  /** The bank or own remark it was made from, if any. */
  remarkId: string | null;
  drive: DriveId | null;
  also: DriveId[];
  explanation: string | null;
  options: string[];
  status: ExerciseStatus;
  closesAt: string | null;
  createdAt: string;
};
export type NewExercise = Pick<
  ExerciseRecord,
  'publicId' | 'kind' | 'prompt' | 'remarkId' | 'drive' | 'also' | 'explanation' | 'options' | 'createdAt'
>;
export type ExerciseAnswer = { id: number; assessmentId: number; value: string; hidden: boolean; votes: number; answeredAt: string };
/** An answer of a revealed recognize round with its participant's name, for the leaderboard. */
export type RoundAnswer = { assessmentId: number; name: string | null; value: string; drive: DriveId | null; also: DriveId[] };
export type OwnRemarkRecord = {
  id: number;
  publicId: string;
  ownerId: number;
  lang: Lang;
  text: string;
  drive: DriveId | null;
  also: DriveId[];
  explanation: string;
  createdAt: string;
};
export type AnswerOutcome = 'saved' | 'not_open';
export type VoteOutcome = 'voted' | 'not_found' | 'own' | 'not_open';

export interface ExerciseRepo {
  /** Adds an exercise at the end of the session's list. */
  create(workshopId: number, input: NewExercise): Promise<ExerciseRecord>;
  list(workshopId: number): Promise<ExerciseRecord[]>;
  find(workshopId: number, publicId: string): Promise<ExerciseRecord | null>;
  /** Deletes the exercise with its answers; a session standing on it goes back to the lobby. */
  remove(workshopId: number, exerciseId: number): Promise<void>;
  /**
   * Moves the session to a step (in one transaction): closes whatever round is open, then, when `open` is
   * given, opens that exercise (with its timer's end, or null). With `from`, only if the session still stands
   * on that step (a relative move read it); answers false, changing nothing, when another move came first.
   */
  goTo(workshopId: number, step: string, open: { exerciseId: number; closesAt: string | null } | null, from?: string): Promise<boolean>;
  /** Closes or reveals a round (a revealed round stays revealed when closed again). */
  setStatus(exerciseId: number, status: 'closed' | 'revealed'): Promise<void>;
  /** Stores or replaces a participant's answer, only while the round is open at `now` (checked in the same statement). */
  answer(exerciseId: number, assessmentId: number, value: string, now: string): Promise<AnswerOutcome>;
  answers(exerciseId: number): Promise<ExerciseAnswer[]>;
  countAnswers(exerciseId: number): Promise<number>;
  own(exerciseId: number, assessmentId: number): Promise<{ answer: ExerciseAnswer | null; votes: number[] }>;
  /** One vote per participant per answer, not on their own, while the round is open. */
  vote(exerciseId: number, answerId: number, assessmentId: number, now: string): Promise<VoteOutcome>;
  hide(exerciseId: number, answerId: number, hidden: boolean): Promise<boolean>;
  /** Every answer in revealed recognize rounds of the session, for points. */
  roundAnswers(workshopId: number): Promise<RoundAnswer[]>;
  /** The answers one participant voted for, for their own download. */
  votesOf(assessmentId: number): Promise<{ exercise: string; answer: string }[]>;
  /** One participant's exercise answers, for their own download. */
  answersOf(assessmentId: number): Promise<{ exercise: string; kind: ExerciseKind; prompt: string; value: string; answeredAt: string }[]>;
}

export interface RemarkRepo {
  create(input: Omit<OwnRemarkRecord, 'id'>): Promise<OwnRemarkRecord>;
  list(ownerId: number, lang: Lang): Promise<OwnRemarkRecord[]>;
  find(ownerId: number, publicId: string): Promise<OwnRemarkRecord | null>;
}
