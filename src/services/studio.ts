import { randomBytes } from 'node:crypto';
import { byUser, createAuditService, type AuditService } from './audit';
import type { Content } from '../content/load';
import type { ExerciseRecord } from '../db/exercise-types';
import type { Store, UserRecord, WorkshopRecord } from '../db/store';
import { moveStep, stepOf } from '../domain/studio/steps';
import { leaderboard } from '../domain/studio/tally';
import { AppError } from '../errors';
import { studioRemarks, type NewExerciseInput } from './studio-remarks';
import { studioViews } from './studio-results';
import { studioLiveState } from './studio-live-state';
import type { WorkshopService } from './workshops';

export type { NewExerciseInput } from './studio-remarks';
export type StepTarget = 'next' | 'previous' | 'lobby' | 'team' | 'end' | { exercise: string };

const newId = () => randomBytes(12).toString('base64url');
const noExercise = () => new AppError('not_found', 'No such exercise in this session.');
/** Rounds with a timer: at least 10 seconds, at most an hour. */
export const TIMER_LIMITS = { min: 10, max: 3600 } as const;

/**
 * The workshop studio for trainers: remarks, exercises, steps and rounds. Every change tells the session's
 * studio streams (`onChange`), here and on other instances.
 */
export function createStudioService(
  store: Store,
  content: Content,
  workshops: WorkshopService,
  events: { onChange: (workshopId: number) => void; onLocalChange: (workshopId: number) => void },
  audit: AuditService = createAuditService(store),
) {
  const { onChange } = events;
  const repo = store.exercises;
  const views = studioViews(content);
  const bank = studioRemarks(store, content);
  const now = () => Date.now();

  async function exerciseOf(w: WorkshopRecord, eid: string): Promise<ExerciseRecord> {
    const x = /^[A-Za-z0-9_-]{16}$/.test(eid) ? await repo.find(w.id, eid) : null;
    if (!x) throw noExercise();
    return x;
  }

  async function resultsOf(w: WorkshopRecord, x: ExerciseRecord, full: boolean) {
    const [rows, participants] = await Promise.all([repo.answers(x.id), store.workshops.countParticipants(w.id)]);
    const results = views.results(w, x, rows, participants, now(), full);
    if (!w.points || x.kind !== 'recognize' || results.status !== 'revealed') return results;
    const board = leaderboard(
      (await repo.roundAnswers(w.id)).map((r) => ({
        participantId: r.assessmentId,
        alias: r.name ?? '',
        answer: r.value,
        intended: r.drive,
        also: r.also,
      })),
    );
    return { ...results, leaderboard: board };
  }

  async function describe(w: WorkshopRecord, x: ExerciseRecord) {
    return {
      ...views.basics(x, now()),
      position: x.position,
      intended: x.drive,
      also: x.also,
      explanation: x.explanation,
      remarkId: x.remarkId,
    };
  }

  /** Moves the session to a step; arriving at a round that was never opened opens it. */
  async function goTo(w: WorkshopRecord, target: string, open: { seconds: number | null } | null = null, from?: string) {
    const list = await repo.list(w.id);
    const x = list.find((e) => e.publicId === target);
    const opens = x && x.status !== 'revealed' && (open !== null || x.status === 'draft');
    const seconds = open?.seconds ?? null;
    const closesAt = opens && seconds !== null ? new Date(now() + seconds * 1000).toISOString() : null;
    const moved = await repo.goTo(w.id, target, opens ? { exerciseId: x.id, closesAt } : null, from);
    if (moved) onChange(w.id);
    return moved;
  }

  const live = studioLiveState(store, views, resultsOf, events.onLocalChange);

  return {
    remarks: bank.list,
    addRemark: bank.add,

    async create(user: UserRecord, sid: string, input: NewExerciseInput) {
      const w = await workshops.get(user, sid);
      const fields = await bank.exerciseFields(user, input);
      const x = await repo.create(w.id, { ...fields, publicId: newId(), createdAt: new Date().toISOString() });
      onChange(w.id);
      return describe(w, x);
    },

    async list(user: UserRecord, sid: string) {
      const w = await workshops.get(user, sid);
      return Promise.all((await repo.list(w.id)).map((x) => describe(w, x)));
    },

    async remove(user: UserRecord, sid: string, eid: string) {
      const w = await workshops.get(user, sid);
      const x = await exerciseOf(w, eid);
      await repo.remove(w.id, x.id);
      await store.scrub(); // participants' answers were personal data
      onChange(w.id);
      await audit.recordAfter({
        ...byUser(user),
        action: 'delete.exercise',
        target: x.publicId,
        detail: { session: w.code, kind: x.kind },
      });
    },

    async open(user: UserRecord, sid: string, eid: string, seconds: number | null) {
      const w = await workshops.get(user, sid);
      const x = await exerciseOf(w, eid);
      if (x.status === 'revealed') throw new AppError('conflict', 'This round has been revealed already; add a new exercise to ask again.');
      await goTo(w, x.publicId, { seconds });
      return resultsOf(w, (await repo.find(w.id, eid))!, true);
    },

    async close(user: UserRecord, sid: string, eid: string, status: 'closed' | 'revealed') {
      const w = await workshops.get(user, sid);
      const x = await exerciseOf(w, eid);
      if (x.status === 'draft')
        throw new AppError('conflict', `Open this round before ${status === 'revealed' ? 'revealing' : 'closing'} it.`);
      await repo.setStatus(x.id, status);
      onChange(w.id);
      if (status === 'revealed' && x.status !== 'revealed')
        await audit.recordAfter({
          ...byUser(user),
          action: 'reveal.exercise',
          target: x.publicId,
          detail: { session: w.code, kind: x.kind },
        });
      return resultsOf(w, (await repo.find(w.id, eid))!, true);
    },

    async results(user: UserRecord, sid: string, eid: string) {
      const w = await workshops.get(user, sid);
      return resultsOf(w, await exerciseOf(w, eid), true);
    },

    /** Recorded in the audit log before it is handed out. */
    async exportOne(user: UserRecord, sid: string, eid: string, format: 'csv' | 'json') {
      const w = await workshops.get(user, sid);
      const x = await exerciseOf(w, eid);
      const results = await resultsOf(w, x, true);
      await audit.record({
        ...byUser(user),
        action: 'export.exercise',
        target: x.publicId,
        detail: { session: w.code, kind: x.kind, format },
      });
      return { session: { id: w.publicId, code: w.code, title: w.title }, results };
    },

    async hide(user: UserRecord, sid: string, eid: string, answerId: number, hidden: boolean) {
      const w = await workshops.get(user, sid);
      const x = await exerciseOf(w, eid);
      if (!(await repo.hide(x.id, answerId, hidden))) throw new AppError('not_found', 'No such answer in this exercise.');
      onChange(w.id);
    },

    /** Next, previous or a named step; answers the new step. */
    async step(user: UserRecord, sid: string, target: StepTarget) {
      // A relative move reads the step and writes the next one only if nobody moved in between (quick taps on
      // the phone and the presenter's keys arrive together); each tap then counts once, never lost.
      for (let attempt = 0; ; attempt++) {
        if (attempt === 20) throw new AppError('conflict', 'The session kept moving; try again.');
        const w = await workshops.get(user, sid);
        const ids = (await repo.list(w.id)).map((x) => x.publicId);
        if (target === 'next' || target === 'previous') {
          const to = moveStep(w.step, ids, target);
          if (await goTo(w, to, null, w.step)) return stepOf(to, ids);
          continue;
        }
        const to = typeof target === 'string' ? target : target.exercise;
        if (typeof target !== 'string' && !ids.includes(to)) throw noExercise();
        await goTo(w, to);
        return stepOf(to, ids);
      }
    },

    ...live,
    exerciseOf,
  };
}
export type StudioService = ReturnType<typeof createStudioService>;
