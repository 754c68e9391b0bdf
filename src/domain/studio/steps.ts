/**
 * The steps of a workshop as the projector shows them: the lobby (joining and the questionnaire), the team
 * chart, each exercise in order, the end. Stored as one text on the workshop: 'lobby', 'team', 'end' or an
 * exercise's public id.
 */
export type StepKind = 'lobby' | 'team' | 'exercise' | 'end';
export type Step = { kind: StepKind; exerciseId: string | null; index: number; count: number };

const FIXED = new Set(['lobby', 'team', 'end']);

export function stepList(exerciseIds: readonly string[]): string[] {
  return ['lobby', 'team', ...exerciseIds, 'end'];
}

/** Where the session is; a step whose exercise was deleted falls back to the lobby. */
export function stepOf(stored: string, exerciseIds: readonly string[]): Step {
  const list = stepList(exerciseIds);
  const index = Math.max(0, list.indexOf(stored));
  const at = list[index]!;
  return { kind: FIXED.has(at) ? (at as StepKind) : 'exercise', exerciseId: FIXED.has(at) ? null : at, index, count: list.length };
}

/** The step after or before the current one; stays put at either end. */
export function moveStep(stored: string, exerciseIds: readonly string[], direction: 'next' | 'previous'): string {
  const list = stepList(exerciseIds);
  const { index } = stepOf(stored, exerciseIds);
  return list[Math.min(list.length - 1, Math.max(0, index + (direction === 'next' ? 1 : -1)))]!;
}

export type ExerciseStatus = 'draft' | 'open' | 'closed' | 'revealed';

/** An open round whose timer has run out counts as closed, on every instance, without a write at that moment. */
export function effectiveStatus(status: ExerciseStatus, closesAt: string | null, now: number): ExerciseStatus {
  return status === 'open' && closesAt !== null && Date.parse(closesAt) <= now ? 'closed' : status;
}
