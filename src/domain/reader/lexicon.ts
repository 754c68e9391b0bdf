import { z } from 'zod';
import { DRIVE_IDS, LANGS, type DriveId, type Lang } from '../drives';
import { normaliseWord, stem } from './text';

const matchSchema = z
  .string()
  .trim()
  .min(1)
  .refine((m) => m.split(/\s+/).every((t) => /^[^*]+$/.test(t) || /^[^*]{4,}\*$/.test(t) || /^\*[^*]{5,}\*$/.test(t)), {
    message: 'each token is a word, "stem*" (4+ characters) or "*part*" (5+ characters)',
  });
const cueSchema = z
  .object({
    drive: z.enum(DRIVE_IDS),
    match: matchSchema,
    // 0.5 is for generic words ("team", "nu", "just") that lean towards a drive but decide nothing alone.
    weight: z.union([z.literal(0.5), z.literal(1), z.literal(2), z.literal(3)]),
    negatable: z.boolean().optional(),
  })
  .strict();
/** A phrase in which a cue of `drive` means something else ("afspraak maken": an appointment, not order). */
// `gap`: how many other words may stand between the guard's words, in one sentence ("hangen die processen samen").
const guardSchema = z.object({ drive: z.enum(DRIVE_IDS), match: matchSchema, gap: z.number().int().min(0).max(4).optional() }).strict();

export const lexiconSchema = z
  .object({
    lang: z.enum(LANGS),
    negations: z.array(z.string().min(1)).min(1),
    guards: z.array(guardSchema).default([]),
    cues: z.array(cueSchema).min(1),
  })
  .strict()
  .superRefine((lex, ctx) => {
    const seen = new Set<string>();
    lex.cues.forEach((c, i) => {
      if (seen.has(c.match)) ctx.addIssue({ code: 'custom', path: ['cues', i, 'match'], message: `duplicate cue "${c.match}"` });
      seen.add(c.match);
    });
    for (const d of DRIVE_IDS)
      if (!lex.cues.some((c) => c.drive === d)) ctx.addIssue({ code: 'custom', path: ['cues'], message: `no cue for drive "${d}"` });
  });
export type LexiconFile = z.input<typeof lexiconSchema>;

export type CuePart = { kind: 'word'; stem: string } | { kind: 'prefix'; value: string } | { kind: 'part'; value: string };
export type Cue = { drive: DriveId; match: string; weight: number; negatable: boolean; parts: CuePart[] };
export type Guard = { drive: DriveId; match: string; gap: number; parts: CuePart[] };
export type Lexicon = {
  lang: Lang;
  negations: ReadonlySet<string>;
  cues: Cue[];
  guards: Guard[];
  /** The cues to try at a word with this stem: those starting with it and the open cues, longest first. */
  byFirstStem: ReadonlyMap<string, Cue[]>;
  openCues: Cue[];
};

function compileParts(match: string, lang: Lang): CuePart[] {
  return match.split(/\s+/).map((raw): CuePart => {
    if (raw.startsWith('*')) return { kind: 'part', value: normaliseWord(raw.slice(1, -1)) };
    if (raw.endsWith('*')) return { kind: 'prefix', value: normaliseWord(raw.slice(0, -1)) };
    return { kind: 'word', stem: stem(normaliseWord(raw), lang) };
  });
}

/** Compiles a validated lexicon file: cue words stemmed like the text, longest cues first. */
export function compileLexicon(file: LexiconFile): Lexicon {
  const lang = file.lang;
  const cues: Cue[] = file.cues.map((c) => ({
    drive: c.drive,
    match: c.match,
    weight: c.weight,
    negatable: c.negatable ?? true,
    parts: compileParts(c.match, lang),
  }));
  const guards = (file.guards ?? []).map((g) => ({ drive: g.drive, match: g.match, gap: g.gap ?? 0, parts: compileParts(g.match, lang) }));
  cues.sort((a, b) => b.parts.length - a.parts.length || b.weight - a.weight);
  // Cues that start with a plain word are looked up by its stem; the others are tried everywhere.
  const byFirstStem = new Map<string, Cue[]>();
  const openCues: Cue[] = [];
  for (const c of cues) {
    const first = c.parts[0]!;
    if (first.kind === 'word') byFirstStem.set(first.stem, [...(byFirstStem.get(first.stem) ?? []), c]);
    else openCues.push(c);
  }
  // Each stem's list already holds the open cues too, longest first: nothing is merged or sorted per word read.
  for (const [s, list] of byFirstStem)
    byFirstStem.set(
      s,
      [...list, ...openCues].sort((a, b) => b.parts.length - a.parts.length),
    );
  return { lang, negations: new Set(file.negations.map(normaliseWord)), cues, guards, byFirstStem, openCues };
}
