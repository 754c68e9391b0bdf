import type { Content } from '../content/load';
import type { ExerciseAnswer, ExerciseRecord } from '../db/exercise-types';
import type { WorkshopRecord } from '../db/store';
import { DRIVE_IDS, type DriveId, type Lang } from '../domain/drives';
import { highlight } from '../domain/reader/highlight';
import { meanReading, readText, type Reading } from '../domain/reader/read';
import { effectiveStatus, type Step } from '../domain/studio/steps';
import { tally, wordCounts } from '../domain/studio/tally';

/** Open answers on a phone: the most-voted first, at most this many (a room of 300 would not fit one screen). */
export const WALL_ON_PHONE = 60;

export type ExerciseBasics = {
  id: string;
  kind: ExerciseRecord['kind'];
  status: ExerciseRecord['status'];
  closesAt: string | null;
  /** The question (open, poll). */
  prompt?: string;
  /** The client's remark (recognize). */
  text?: string;
  options?: string[];
};
export type Results = ExerciseBasics & {
  participants: number;
  answered: number;
  counts?: Record<string, number>;
  intended?: DriveId | null;
  also?: DriveId[];
  explanation?: string | null;
  /** The drive reader over the remark (recognize). */
  reading?: {
    drives: { drive: DriveId; score: number }[];
    evidence: { drive: DriveId; match: string }[];
    segments: { text: string; drive: DriveId | null }[];
  };
  need?: string;
  say?: string[];
  answers?: { id: number; text: string; votes: number; hidden: boolean }[];
  words?: { word: string; count: number }[];
  /** Open questions: the mean chance per drive over the visible answers, as POST /api/recognize/batch gives it. */
  drives?: { drive: DriveId; score: number }[];
};

/** Builds what trainer and phones see of an exercise, from stored rows and the content (reader, advice). */
export function studioViews(content: Content) {
  const { advice } = content.reader;

  const basics = (x: ExerciseRecord, now: number): ExerciseBasics => ({
    id: x.publicId,
    kind: x.kind,
    status: effectiveStatus(x.status, x.closesAt, now),
    closesAt: effectiveStatus(x.status, x.closesAt, now) === 'open' ? x.closesAt : null,
    ...(x.kind === 'recognize' ? { text: x.prompt } : { prompt: x.prompt }),
    ...(x.kind === 'poll' ? { options: x.options } : {}),
  });

  // An answer is read once: the trainer's results are rebuilt on every change of a round, the answers rarely change.
  const readings = new Map<string, Reading>();
  function readingOf(text: string, lang: Lang): Reading {
    const key = `${lang}\n${text}`;
    let r = readings.get(key);
    if (!r) {
      if (readings.size >= 5000) readings.clear();
      r = readText({ text, lang }, content.reader.model);
      readings.set(key, r);
    }
    return r;
  }

  /** The reader over one remark: drives of 5% or more, the lexicon's evidence and the highlighted text. */
  function read(text: string, lang: Lang) {
    const r = readingOf(text, lang);
    return {
      drives: r.drives.filter((d) => d.score >= 5).map((d) => ({ drive: d.drive, score: d.score })),
      evidence: r.drives.flatMap((d) => d.evidence.filter((e) => e.kind === 'text').map((e) => ({ drive: d.drive, match: e.match }))),
      segments: highlight(text, r.drives),
    };
  }

  /** The need behind the remark and two or three sentences to say, for the intended drive (else the reader's first). */
  function adviceFor(drive: DriveId | null, lang: Lang) {
    if (!drive) return {};
    const a = advice.drives[drive];
    return { need: a.need[lang], say: a.examples[lang].slice(0, 3) };
  }

  /**
   * Everything about one exercise. `full` (the trainer's API, and any revealed round) adds the tallies and the
   * reading; without it (the live stream before the reveal) only the progress, and for open questions the wall,
   * which the trainer moderates while answers come in.
   */
  function results(
    w: WorkshopRecord,
    x: ExerciseRecord,
    rows: ExerciseAnswer[],
    participants: number,
    now: number,
    full: boolean,
  ): Results {
    const base = basics(x, now);
    const out: Results = { ...base, participants, answered: rows.length };
    const show = full || base.status === 'revealed';
    if (x.kind === 'open') {
      const visible = rows.filter((r) => !r.hidden);
      out.answers = rows
        .map((r) => ({ id: r.id, text: r.value, votes: r.votes, hidden: r.hidden }))
        .sort((a, b) => b.votes - a.votes || a.id - b.id);
      out.words = wordCounts(visible.map((r) => r.value));
      if (show) {
        // An answer with nothing the reader knows ("?", "ok") is a guess, not a reading: it is left out of the mean.
        const read = visible.map((r) => readingOf(r.value, w.lang)).filter((r) => r.signal);
        const mean = read.length ? meanReading(read) : [];
        out.drives = mean.filter((d) => d.score >= 5);
      }
      return out;
    }
    if (!show) return out;
    const keys = x.kind === 'recognize' ? [...DRIVE_IDS] : x.options;
    out.counts = tally(
      rows.map((r) => r.value),
      keys,
    );
    if (x.kind === 'recognize') {
      const reading = read(x.prompt, w.lang);
      out.intended = x.drive;
      out.also = x.also;
      out.explanation = x.explanation;
      out.reading = reading;
      Object.assign(out, adviceFor(x.drive ?? reading.drives[0]?.drive ?? null, w.lang));
    }
    return out;
  }

  /** What every phone of the session gets: the step and the current exercise, without anyone's own answer. */
  function forPhones(x: ExerciseRecord, rows: ExerciseAnswer[], participants: number, w: WorkshopRecord, now: number) {
    const base = basics(x, now);
    if (base.status === 'draft') return { id: base.id, kind: base.kind, status: base.status, closesAt: null };
    const wall =
      x.kind === 'open'
        ? rows
            .filter((r) => !r.hidden)
            .sort((a, b) => b.votes - a.votes || b.id - a.id)
            .slice(0, WALL_ON_PHONE)
            .map((r) => ({ id: r.id, text: r.value, votes: r.votes }))
        : undefined;
    const revealed = base.status === 'revealed' ? results(w, x, rows, participants, now, true) : null;
    return {
      ...base,
      ...(wall ? { answers: wall } : {}),
      ...(revealed && x.kind !== 'open'
        ? { results: { counts: revealed.counts, intended: revealed.intended, also: revealed.also, need: revealed.need, say: revealed.say } }
        : {}),
      ...(revealed && x.kind === 'open' ? { results: { words: revealed.words, drives: revealed.drives } } : {}),
    };
  }
  return { basics, results, forPhones };
}
export type StudioViews = ReturnType<typeof studioViews>;
export type StepView = Step;
