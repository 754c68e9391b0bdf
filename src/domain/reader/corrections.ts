import { z } from 'zod';
import { DRIVE_IDS, LANGS } from '../drives';
import type { Example } from './train';

/**
 * The file `cli reader-corrections export` writes and `reader:train -- --with FILE` reads. A person reviews
 * it first: only entries set to `"reviewed": true` are learned from (never online, never unreviewed).
 */
export const correctionsFileSchema = z
  .object({
    format: z.literal('drijfveer-reader-corrections/1'),
    exportedAt: z.string(),
    corrections: z.array(
      z
        .object({
          id: z.string().regex(/^[A-Za-z0-9_-]+$/),
          lang: z.enum(LANGS),
          // As long as a stored correction may be (the reader reads up to 20,000 characters).
          text: z.string().trim().min(1).max(20_000),
          read: z.enum(DRIVE_IDS),
          drive: z.enum(DRIVE_IDS),
          also: z.array(z.enum(DRIVE_IDS)).max(2).default([]),
          createdAt: z.string(),
          reviewed: z.boolean(),
        })
        .strict(),
    ),
  })
  .strict();
export type CorrectionsFile = z.infer<typeof correctionsFileSchema>;

/** The reviewed corrections of one language as training examples (one writer: "corrections"). */
export function reviewedExamples(file: CorrectionsFile, lang: (typeof LANGS)[number]): Example[] {
  return file.corrections
    .filter((c) => c.reviewed && c.lang === lang)
    .map((c) => ({
      id: `correction-${c.id}`,
      text: c.text,
      drive: c.drive,
      also: c.also.filter((d) => d !== c.drive),
      writer: 'corrections',
    }));
}
