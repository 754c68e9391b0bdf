import type { ExerciseRecord } from '../db/exercise-types';
import type { Store, WorkshopRecord } from '../db/store';
import { stepOf } from '../domain/studio/steps';
import type { Results, StudioViews } from './studio-results';

/**
 * What the studio's live streams send: one text per session for the trainer (step and round progress) and one for
 * every phone (step and exercise, no names, nobody's own answer). The live hubs call these, throttled.
 */
export function studioLiveState(
  store: Store,
  views: StudioViews,
  resultsOf: (w: WorkshopRecord, x: ExerciseRecord, full: boolean) => Promise<Results>,
  onLocalChange: (workshopId: number) => void,
) {
  const repo = store.exercises;
  const now = () => Date.now();
  // A round with a timer closes by itself (see effectiveStatus); each instance that shows the round nudges its
  // own streams when the time is up, so projector and phones show "closed" without anyone pressing a key.
  const timers = new Map<number, { at: string; timer: NodeJS.Timeout }>();
  function watchTimer(workshopId: number, closesAt: string | null) {
    const current = timers.get(workshopId);
    if (current?.at === closesAt) return;
    if (current) clearTimeout(current.timer);
    timers.delete(workshopId);
    if (!closesAt) return;
    const timer = setTimeout(
      () => {
        timers.delete(workshopId);
        onLocalChange(workshopId);
      },
      Math.max(0, Date.parse(closesAt) - now()) + 20,
    );
    timer.unref();
    timers.set(workshopId, { at: closesAt, timer });
  }

  /** Where a session is: its record, its step, and the exercise of that step (if any); null when it is gone. */
  async function whereIs(workshopId: number) {
    const w = await store.workshops.findById(workshopId);
    if (!w) return null;
    const list = await repo.list(w.id);
    const step = stepOf(
      w.step,
      list.map((x) => x.publicId),
    );
    return { w, step, x: list.find((e) => e.publicId === step.exerciseId) };
  }

  return {
    /** The live state for the trainer's stream and the projector: the step and the current exercise's progress. */
    async trainerState(workshopId: number): Promise<string | null> {
      const at = await whereIs(workshopId);
      if (!at) return null;
      const { w, step, x } = at;
      const participants = await store.workshops.countParticipants(w.id);
      if (!x) return JSON.stringify({ id: null, status: null, answered: 0, participants, step, points: w.points });
      const results = await resultsOf(w, x, false);
      watchTimer(w.id, results.closesAt);
      return JSON.stringify({ ...results, step, points: w.points });
    },

    /** The same for every phone of the session: step and exercise, no names, nobody's own answer. */
    async phoneState(workshopId: number): Promise<string | null> {
      const at = await whereIs(workshopId);
      if (!at) return null;
      const { w, step, x } = at;
      if (!x) return JSON.stringify({ step, exercise: null, revealed: w.revealed });
      const [rows, participants] = await Promise.all([repo.answers(x.id), store.workshops.countParticipants(w.id)]);
      const exercise = views.forPhones(x, rows, participants, w, now());
      watchTimer(w.id, exercise.closesAt);
      return JSON.stringify({ step, exercise, revealed: w.revealed });
    },
    /** Stops the round timers (on shutdown). */
    stop() {
      for (const t of timers.values()) clearTimeout(t.timer);
      timers.clear();
    },
  };
}
