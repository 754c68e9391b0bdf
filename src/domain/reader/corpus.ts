import { z } from 'zod';
import { DRIVE_IDS, LANGS, type DriveId, type Lang } from '../drives';
import type { Example } from './train';

export const STYLES = ['direct', 'situational', 'yes-but', 'sarcastic', 'blunt', 'email', 'mixed', 'correction'] as const;

const remarkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    text: z.string().trim().min(2).max(2000),
    drive: z.enum(DRIVE_IDS),
    also: z.array(z.enum(DRIVE_IDS)).max(2),
    voice: z.string().min(1),
    style: z.enum(STYLES),
  })
  .strict()
  .refine((r) => !r.also.includes(r.drive), { message: 'a second drive equal to the first', path: ['also'] });

/** One writer's file of labelled example remarks (data/reader/corpus, data/reader/heldout). */
export const corpusFileSchema = z
  .object({
    lang: z.enum(LANGS),
    writer: z.string().regex(/^[a-z0-9-]+$/),
    voices: z.array(z.object({ id: z.string().min(1), description: z.string().min(1) }).strict()).min(1),
    remarks: z.array(remarkSchema).min(1),
  })
  .strict()
  .superRefine((f, ctx) => {
    const voices = new Set(f.voices.map((v) => v.id));
    f.remarks.forEach((r, i) => {
      if (!voices.has(r.voice)) ctx.addIssue({ code: 'custom', path: ['remarks', i, 'voice'], message: `unknown voice "${r.voice}"` });
    });
  });
export type CorpusFile = z.infer<typeof corpusFileSchema>;
export type CorpusRemark = CorpusFile['remarks'][number];

/** The training corpus needs this many remarks per drive and language. */
export const MIN_PER_DRIVE = 100;

const textKey = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

/** Checks a set of corpus files together: ids and texts unique over all files; returns problems in words. */
export function corpusProblems(files: { name: string; file: CorpusFile }[], minPerDrive: number): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const { name, file } of files) {
    for (const r of file.remarks) {
      if (ids.has(r.id)) problems.push(`${name}: id "${r.id}" also in ${ids.get(r.id)}`);
      ids.set(r.id, name);
      const key = textKey(r.text);
      if (texts.has(key)) problems.push(`${name}: "${r.text.slice(0, 40)}…" also in ${texts.get(key)}`);
      texts.set(key, name);
    }
  }
  for (const lang of LANGS) {
    for (const d of DRIVE_IDS) {
      const n = files.filter((f) => f.file.lang === lang).reduce((a, f) => a + f.file.remarks.filter((r) => r.drive === d).length, 0);
      if (n < minPerDrive) problems.push(`${lang}: ${n} remarks for drive "${d}", at least ${minPerDrive} needed`);
    }
  }
  return problems;
}

/** The examples of one language, from corpus files and from other labelled remarks (the remark bank). */
export function examplesOf(
  lang: Lang,
  files: readonly CorpusFile[],
  extra: readonly { writer: string; remarks: readonly { id: string; text: string; drive: DriveId; also: readonly DriveId[] }[] }[] = [],
): Example[] {
  return [
    ...files.filter((f) => f.lang === lang).flatMap((f) => f.remarks.map((r) => ({ ...r, writer: f.writer }))),
    ...extra.flatMap((x) => x.remarks.map((r) => ({ id: r.id, text: r.text, drive: r.drive, also: r.also, writer: x.writer }))),
  ].map(({ id, text, drive, also, writer }) => ({ id, text, drive, also, writer }));
}
