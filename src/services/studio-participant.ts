import type { ExerciseRecord } from '../db/exercise-types';
import type { Store, WorkshopRecord } from '../db/store';
import { DRIVE_IDS } from '../domain/drives';
import { effectiveStatus } from '../domain/studio/steps';
import { AppError } from '../errors';
import type { AssessmentService } from './assessments';
import type { StudioService } from './studio';

/** Open answers are short: a tweet's length, so the wall stays readable. */
export const MAX_OPEN_ANSWER = 280;
export type ParticipantAnswer = { drive?: unknown; option?: unknown; text?: unknown };

const invalid = (field: string, message: string, text: string) => new AppError('validation_failed', text, { fields: [{ field, message }] });

/** The exercises as a participant meets them, through their private token. */
export function createParticipantStudio(
  store: Store,
  assessments: AssessmentService,
  studio: StudioService,
  onChange: (workshopId: number) => void,
) {
  /** The participant's session; a self-assessment (no session) is a 404 here, like an unknown token. */
  async function workshopOf(token: string): Promise<{ assessmentId: number; w: WorkshopRecord }> {
    const record = await assessments.load(token);
    const w = record.workshopId === null ? null : await store.workshops.findById(record.workshopId);
    if (!w) throw new AppError('not_found', 'This private link does not belong to a workshop session.');
    return { assessmentId: record.id, w };
  }

  function valueFor(x: ExerciseRecord, body: ParticipantAnswer): string {
    if (x.kind === 'recognize') {
      if (typeof body.drive !== 'string' || !(DRIVE_IDS as readonly string[]).includes(body.drive))
        throw invalid('drive', `one of ${DRIVE_IDS.join(', ')}`, 'Choose one of the six drives.');
      return body.drive;
    }
    if (x.kind === 'poll') {
      if (typeof body.option !== 'string' || !x.options.includes(body.option))
        throw invalid('option', 'not one of the options', 'Choose one of the options.');
      return body.option;
    }
    const text = typeof body.text === 'string' ? body.text.trim() : '';
    if (!text) throw invalid('text', 'required', 'Write an answer first.');
    if ([...text].length > MAX_OPEN_ANSWER)
      throw invalid('text', `at most ${MAX_OPEN_ANSWER} characters`, `Keep your answer to ${MAX_OPEN_ANSWER} characters.`);
    return text;
  }

  return {
    workshopOf,
    /** The current exercise (null outside a round), with this participant's answer and votes. */
    async current(token: string) {
      const { assessmentId, w } = await workshopOf(token);
      const state = JSON.parse((await studio.phoneState(w.id))!) as { step: unknown; exercise: { id: string } | null; revealed: boolean };
      if (!state.exercise) return { step: state.step, exercise: null, revealed: state.revealed, votes: [] as number[] };
      const x = (await store.exercises.find(w.id, state.exercise.id))!;
      const own = await store.exercises.own(x.id, assessmentId);
      return {
        step: state.step,
        exercise: state.exercise,
        revealed: state.revealed,
        ...(own.answer ? { answer: { id: own.answer.id, value: own.answer.value } } : {}),
        votes: own.votes,
      };
    },

    /** Whether a session has any exercise: participants then land on the workshop screen instead of the questionnaire. */
    async hasExercises(workshopId: number): Promise<boolean> {
      return (await store.exercises.list(workshopId)).length > 0;
    },

    async answer(token: string, eid: string, body: ParticipantAnswer) {
      const { assessmentId, w } = await workshopOf(token);
      const x = await studio.exerciseOf(w, eid);
      const value = valueFor(x, body);
      const now = new Date();
      if (
        effectiveStatus(x.status, x.closesAt, now.getTime()) !== 'open' ||
        (await store.exercises.answer(x.id, assessmentId, value, now.toISOString())) !== 'saved'
      )
        throw new AppError('conflict', 'This round is not open for answers (any more).', {
          status: effectiveStatus(x.status, x.closesAt, Date.now()),
        });
      onChange(w.id);
      return { id: x.publicId, answer: value };
    },

    async vote(token: string, eid: string, answerId: unknown) {
      const { assessmentId, w } = await workshopOf(token);
      const x = await studio.exerciseOf(w, eid);
      if (typeof answerId !== 'number' || !Number.isSafeInteger(answerId) || answerId < 1)
        throw invalid('answerId', 'a positive whole number', 'Say which answer you vote for.');
      const outcome = x.kind === 'open' ? await store.exercises.vote(x.id, answerId, assessmentId, new Date().toISOString()) : 'not_found';
      if (outcome === 'not_found') throw new AppError('not_found', 'No such answer in this exercise.');
      if (outcome === 'own') throw new AppError('conflict', 'You cannot vote for your own answer.');
      if (outcome === 'not_open') throw new AppError('conflict', 'Voting has ended for this round.');
      onChange(w.id);
      return { voted: answerId };
    },
  };
}
export type ParticipantStudio = ReturnType<typeof createParticipantStudio>;
