import { DRIVE_IDS, type DriveId, type Lang } from '../drives';
import { CONTRAST_BOOST, weighTokens, type WeightedToken } from './features';
import type { Cue, CuePart, Guard, Lexicon } from './lexicon';
import { detectLang, tokenise, type Token } from './text';

export type Evidence = {
  cue: string;
  match: string;
  weight: number;
  kind: 'text' | 'behaviour';
  start?: number;
  end?: number;
  /** Said with a negation before it: the tone is negative, the drive the same ("niemand weet wie dit goedkeurt"). */
  negated?: boolean;
};
export type Confidence = 'high' | 'medium' | 'low';
export type LexiconDriveReading = { drive: DriveId; score: number; points: number; confidence: Confidence; evidence: Evidence[] };
export type Behaviour = { id: string; label: Record<Lang, string>; weights: Partial<Record<DriveId, number>> };
export type LexiconReading = { lang: Lang; drives: LexiconDriveReading[]; negated: Evidence[] };

// How many words before a cue a negation ("niet", "not") marks it as negated; never across a sentence.
export const NEGATION_WINDOW = 3;
// A cue that recurs counts at most this often, so one repeated word cannot decide the reading.
export const MAX_REPEATS = 2;

const partMatches = (p: CuePart, t: Token) =>
  p.kind === 'word' ? t.stem === p.stem : p.kind === 'prefix' ? t.norm.startsWith(p.value) : t.norm.includes(p.value);

function matchesAt(cue: Cue, tokens: Token[], i: number): boolean {
  if (i + cue.parts.length > tokens.length) return false;
  const sentence = tokens[i]!.sentence;
  return cue.parts.every((p, k) => tokens[i + k]!.sentence === sentence && partMatches(p, tokens[i + k]!));
}

/** The positions of a guard's words from token i on, each within `gap` words of the last, in one sentence; or null. */
function guardAt(g: Guard, tokens: Token[], i: number): number[] | null {
  if (!partMatches(g.parts[0]!, tokens[i]!)) return null;
  const at = [i];
  for (const part of g.parts.slice(1)) {
    const from = at[at.length - 1]! + 1;
    let found = -1;
    for (let k = from; k <= from + g.gap && k < tokens.length && tokens[k]!.sentence === tokens[i]!.sentence; k++) {
      if (partMatches(part, tokens[k]!)) {
        found = k;
        break;
      }
    }
    if (found < 0) return null;
    at.push(found);
  }
  return at;
}

/** Per drive, the token positions a word-sense guard covers ("afspraak maken" is an appointment, not order). */
export function guardedPositions(lex: Lexicon, tokens: Token[]): Map<DriveId, Set<number>> {
  const out = new Map<DriveId, Set<number>>(DRIVE_IDS.map((d) => [d, new Set()]));
  for (let i = 0; i < tokens.length; i++) {
    for (const g of lex.guards) guardAt(g, tokens, i)?.forEach((k) => out.get(g.drive)!.add(k));
  }
  return out;
}

/** A negation word that is part of a matched cue ("niet duidelijk") is that cue's, and negates nothing after it. */
function negated(cue: Cue, tokens: Token[], i: number, negations: ReadonlySet<string>, inCue: ReadonlySet<number>): boolean {
  if (!cue.negatable) return false;
  for (let k = Math.max(0, i - NEGATION_WINDOW); k < i; k++) {
    if (tokens[k]!.sentence === tokens[i]!.sentence && negations.has(tokens[k]!.norm) && !inCue.has(k)) return true;
  }
  return false;
}

const strongest = (evidence: Evidence[]) => Math.max(0, ...evidence.map((e) => e.weight));

/** Confidence in words, from the drive's points and its share of all points. */
export function confidenceOf(points: number, share: number): Confidence {
  if (points >= 5 && share >= 0.4) return 'high';
  if (points >= 3 && share >= 0.25) return 'medium';
  return 'low';
}

/**
 * Reads which drives speak in a text: every cue of the lexicon found in the text adds its weight to its
 * drive (longer cues first; a word serves one cue per drive; a guard phrase blocks a cue of its drive;
 * in the clause after "maar"/"but" a cue weighs 1.5 times; a negation changes the tone, not the drive),
 * ticked behaviours add theirs. Scores are each drive's share of all points (0–100), highest first.
 */
export function recognise(
  input: { text: string; lang?: Lang; behaviours?: Behaviour[]; tokens?: Token[]; guarded?: Map<DriveId, Set<number>> },
  lexicons: Record<Lang, Lexicon>,
): LexiconReading {
  const lang = input.lang ?? detectLang(tokenise(input.text, 'nl'));
  const tokens: WeightedToken[] = weighTokens(input.tokens ?? tokenise(input.text, lang), lang, input.text);
  const lex = lexicons[lang];
  const blocked = input.guarded ?? guardedPositions(lex, tokens);
  const evidence = new Map<DriveId, Evidence[]>(DRIVE_IDS.map((d) => [d, []]));
  const negatedEvidence: Evidence[] = [];
  const used = new Map<DriveId, Set<number>>(DRIVE_IDS.map((d) => [d, new Set()]));
  const repeats = new Map<Cue, number>();
  const inCue = new Set<number>();

  // Candidates per position, longest cue first (the lexicon is sorted that way).
  const candidates = (i: number) => lex.byFirstStem.get(tokens[i]!.stem) ?? lex.openCues;
  for (let i = 0; i < tokens.length; i++) {
    for (const cue of candidates(i)) {
      if (!matchesAt(cue, tokens, i)) continue;
      const span = cue.parts.map((_, k) => i + k);
      const taken = used.get(cue.drive)!;
      if (span.some((k) => taken.has(k) || blocked.get(cue.drive)!.has(k))) continue;
      const boost = span.some((k) => tokens[k]!.weight > 1) ? CONTRAST_BOOST : 1;
      const item: Evidence = {
        cue: cue.match,
        match: input.text.slice(tokens[i]!.start, tokens[i + cue.parts.length - 1]!.end),
        weight: cue.weight * boost,
        kind: 'text',
        start: tokens[i]!.start,
        end: tokens[i + cue.parts.length - 1]!.end,
      };
      const n = repeats.get(cue) ?? 0;
      if (n >= MAX_REPEATS) continue;
      repeats.set(cue, n + 1);
      if (negated(cue, tokens, i, lex.negations, inCue)) {
        item.negated = true;
        negatedEvidence.push(item);
      }
      span.forEach((k) => (taken.add(k), inCue.add(k)));
      evidence.get(cue.drive)!.push(item);
    }
  }
  for (const b of input.behaviours ?? []) {
    for (const [drive, weight] of Object.entries(b.weights) as [DriveId, number][]) {
      evidence.get(drive)!.push({ cue: b.id, match: b.label[lang], weight, kind: 'behaviour' });
    }
  }

  const points = new Map(DRIVE_IDS.map((d) => [d, evidence.get(d)!.reduce((a, e) => a + e.weight, 0)]));
  const total = [...points.values()].reduce((a, b) => a + b, 0);
  const drives = DRIVE_IDS.filter((d) => points.get(d)! > 0)
    .map((drive) => {
      const p = points.get(drive)!;
      return {
        drive,
        score: Math.round((p / total) * 100),
        points: p,
        confidence: confidenceOf(p, p / total),
        evidence: evidence.get(drive)!,
      };
    })
    // Ties go to the drive with the strongest single cue: one typical phrase says more than a few common words.
    .sort(
      (a, b) =>
        b.points - a.points || strongest(b.evidence) - strongest(a.evidence) || DRIVE_IDS.indexOf(a.drive) - DRIVE_IDS.indexOf(b.drive),
    );
  return { lang, drives, negated: negatedEvidence };
}
