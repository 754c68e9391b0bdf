import type { DriveId, DriveLabel } from '../domain/drives';
import type { ExerciseStatus, Step } from '../domain/studio/steps';

/** What a phone is told about the current exercise (services/studio-results.ts `forPhones`), as JSON. */
export type PhoneExercise = {
  id: string;
  kind: 'recognize' | 'open' | 'poll';
  status: ExerciseStatus;
  closesAt: string | null;
  text?: string;
  prompt?: string;
  options?: string[];
  answers?: { id: number; text: string; votes: number }[];
  results?: {
    counts?: Record<string, number>;
    intended?: DriveId | null;
    also?: DriveId[];
    need?: string;
    say?: string[];
    words?: { word: string; count: number }[];
    drives?: { drive: DriveId; score: number }[];
  };
};
/** The participant's view of the session: the shared phone state plus their own answer and votes. */
export type ScreenState = {
  step: Step;
  exercise: PhoneExercise | null;
  revealed: boolean;
  answer?: { id: number; value: string };
  votes: number[];
};
export type QuestionnaireProgress = { answered: number; total: number; completed: boolean };
/** A message for the page: after a form post without JavaScript (saved) or a refused one (its text key). */
export type ScreenMessage = { kind: 'saved' | 'error'; key: string; params?: Record<string, number> };

/** How the answer to a recognise round compares with the drive the remark was written for. */
export type Verdict = 'intended' | 'also' | 'other' | 'missed' | 'open';
export function verdictOf(own: string | null, intended: DriveId | null | undefined, also: readonly string[] = []): Verdict {
  if (own === null) return 'missed';
  if (!intended) return 'open';
  if (own === intended) return 'intended';
  return also.includes(own) ? 'also' : 'other';
}

/** The step number of an exercise among the exercises (the lobby and the team chart come first, the end last). */
export const exerciseNumber = (step: Step) => ({ number: step.index - 1, count: step.count - 3 });

export function secondsLeft(closesAt: string | null, now: number): number | null {
  return closesAt === null ? null : Math.max(0, Math.ceil((Date.parse(closesAt) - now) / 1000));
}
export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

type Bar = { key: string; label: string; drive: DriveId | null; count: number; own: boolean; intended: boolean };

function barsOf(x: PhoneExercise, own: string | null, labels: DriveLabel[]): { bars: Bar[]; total: number } {
  const counts = x.results?.counts ?? {};
  const bars: Bar[] =
    x.kind === 'recognize'
      ? labels.map((d) => ({
          key: d.id,
          label: d.name,
          drive: d.id,
          count: counts[d.id] ?? 0,
          own: own === d.id,
          intended: x.results?.intended === d.id,
        }))
      : (x.options ?? []).map((o) => ({ key: o, label: o, drive: null, count: counts[o] ?? 0, own: own === o, intended: false }));
  return { bars, total: bars.reduce((n, b) => n + b.count, 0) };
}

/** Everything the workshop screen (views/workshop-screen.ejs) shows for one state. */
export function screenView(args: {
  token: string;
  state: ScreenState;
  progress: QuestionnaireProgress;
  labels: DriveLabel[];
  now: number;
  message: ScreenMessage | null;
  typed?: string;
}) {
  const { state, labels } = args;
  const x = state.exercise;
  const own = state.answer?.value ?? null;
  const ownId = state.answer?.id ?? null;
  const name = (id: string) => labels.find((d) => d.id === id)?.name ?? id;
  const revealed = x?.status === 'revealed';
  const results = x && revealed ? x.results : undefined;
  return {
    token: args.token,
    kind: state.step.kind,
    revealedTeam: state.revealed,
    ...exerciseNumber(state.step),
    progress: args.progress,
    message: args.message,
    x,
    own,
    ownName: own && x?.kind === 'recognize' ? name(own) : own,
    drives: labels.map((d) => ({ ...d, pressed: own === d.id })),
    options: (x?.options ?? []).map((text) => ({ text, pressed: own === text })),
    wall: (x?.answers ?? []).map((a) => ({ ...a, own: a.id === ownId, voted: state.votes.includes(a.id) })),
    typed: args.typed ?? (x?.kind === 'open' ? (own ?? '') : ''),
    clock: x?.status === 'open' && x.closesAt ? clock(secondsLeft(x.closesAt, args.now)!) : null,
    results:
      x && results
        ? {
            ...barsOf(x, own, labels),
            verdict: verdictOf(own, results.intended, results.also),
            intendedName: results.intended ? name(results.intended) : null,
            alsoNames: (results.also ?? []).map(name),
            need: results.need ?? null,
            say: results.say ?? [],
            words: results.words ?? [],
            heard: (results.drives ?? [])
              .filter((d) => d.score > 0)
              .slice(0, 3)
              .map((d) => ({ drive: d.drive, name: name(d.drive) })),
          }
        : null,
  };
}
export type ScreenView = ReturnType<typeof screenView>;
