import type { Content } from '../content/load';
import type { Translate } from '../content/texts';
import { driveLabel, type DriveId, type Lang } from '../domain/drives';
import { highlight } from '../domain/reader/highlight';
import { tokenise } from '../domain/reader/text';
import type { ReaderResult } from '../services/reader';

/** Drives below this probability (in %) are left out of the table and the chart: six rows of zeros say nothing. */
export const SHOWN_FROM = 5;
/** An example remark is quoted up to about this many characters, cut at a word. */
const QUOTE_CHARS = 160;

/** The text up to `max` characters, cut at the last space before it, with an ellipsis when something was left out. */
export function shorten(text: string, max = QUOTE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?-]+$/, '')}…`;
}

/** The word as the client wrote it ("euro's"), for a word the model names in its normalised form ("euros"). */
function asWritten(text: string, lang: Lang): (norm: string) => string {
  const first = new Map<string, string>();
  for (const t of tokenise(text, lang)) if (!first.has(t.norm)) first.set(t.norm, text.slice(t.start, t.end));
  return (norm) => first.get(norm) ?? norm;
}

/**
 * The drive reader's result for the page: the headline with the confidence in words, three layers of evidence a
 * consultant can check (the lexicon's cues in the text, the words that tipped the model, example remarks it sounds
 * like), the probabilities of the drives that have one worth showing, the advice and the correction form's choices.
 */
export function readerView(result: ReaderResult, text: string, pageLang: Lang, t: Translate, content: Content) {
  const label = driveLabel(content.current.model.drives, pageLang);
  const name = (id: DriveId) => label(id).name;
  const [first, second] = result.drives;
  const drives = result.drives.map((d) => ({
    ...d,
    name: name(d.drive),
    confidenceLabel: t(`reader.confidence.${d.confidence}`),
    // A word found twice is one piece of evidence: listed once.
    cues: [...new Set(d.evidence.map((e) => e.match))],
  }));
  const shown = drives.filter((d) => d.score >= SHOWN_FROM);
  const negatedAt = result.negated.filter((e) => e.start !== undefined && e.end !== undefined);
  let at = 0;
  const segments = highlight(text, result.drives).map((s) => {
    const [start, end] = [at, (at += s.text.length)];
    const negated = s.drive !== null && negatedAt.some((e) => e.start! < end && e.end! > start);
    return { ...s, name: s.drive ? name(s.drive) : '', negated };
  });
  const written = asWritten(text, result.lang);
  return {
    lang: result.lang,
    headline: {
      text: result.close
        ? t(`reader.headline.two.${result.confidence}`, { first: name(first!.drive), second: name(second!.drive) })
        : t(`reader.headline.one.${result.confidence}`, { drive: name(first!.drive) }),
      confidence: result.confidence,
      weak: result.confidence === 'low',
      close: result.close,
    },
    top: first!.drive,
    segments,
    marked: segments.some((s) => s.drive !== null),
    drives,
    shown,
    shownFrom: SHOWN_FROM,
    negated: [...new Set(result.negated.map((e) => e.match))],
    words: result.words.map((w) => ({ word: written(w.word), drive: w.drive, name: name(w.drive) })),
    similar: result.similar.map((s) => ({ id: s.id, text: shorten(s.text), drive: s.drive, name: name(s.drive) })),
    advice: result.advice.map((a) => ({
      ...a,
      name: name(a.drive),
      mismatch: a.mismatch ? { ...a.mismatch, ownName: name(a.mismatch.own) } : undefined,
    })),
    general: result.general,
    // The six drives in the model's order, for "was it actually something else?".
    choices: content.current.model.drives.map((d) => ({ id: d.id, name: name(d.id) })),
    chart: {
      label: t('reader.colScore'),
      labels: shown.map((d) => d.name),
      values: shown.map((d) => d.score),
      colours: shown.map((d) => label(d.drive).hex),
      max: 100,
    },
  };
}
export type ReaderView = ReturnType<typeof readerView>;
