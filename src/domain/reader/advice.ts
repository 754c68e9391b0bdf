import { z } from 'zod';
import { DRIVE_IDS, type DriveId, type Lang } from '../drives';
import type { Behaviour } from './recognise';

const text = z.object({ nl: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const list = z
  .object({ nl: z.array(z.string().trim().min(1)).min(1), en: z.array(z.string().trim().min(1)).min(1) })
  .strict()
  .refine((l) => l.nl.length === l.en.length, { message: 'nl and en must have the same number of entries' });
const driveAdvice = z.object({ need: text, do: list, dont: list, examples: list, avoid: text, tendency: text, instead: text }).strict();

export const adviceSchema = z
  .object({
    drives: z.object(Object.fromEntries(DRIVE_IDS.map((d) => [d, driveAdvice])) as Record<DriveId, typeof driveAdvice>).strict(),
    behaviours: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
            label: text,
            weights: z.partialRecord(z.enum(DRIVE_IDS), z.number().int().min(1).max(3)),
          })
          .strict(),
      )
      .min(1)
      .superRefine((bs, ctx) => {
        const ids = new Set<string>();
        bs.forEach((b, i) => {
          if (ids.has(b.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate behaviour "${b.id}"` });
          ids.add(b.id);
        });
      }),
    general: text,
  })
  .strict();
export type AdviceFile = z.infer<typeof adviceSchema>;

export type DriveAdvice = {
  drive: DriveId;
  need: string;
  do: string[];
  dont: string[];
  examples: string[];
  avoid: string;
  /** How the consultant's own strongest drive may come across here, and what to do instead. */
  mismatch?: { own: DriveId; tendency: string; instead: string; same: boolean };
};

// Advice is given for the top drive, and for the second when it holds at least this share of the points.
export const SECOND_DRIVE_SHARE = 25;

/** Advice for the strongest drives of a reading, in its language, with the mismatch to the consultant's own drive. */
export function adviceFor(
  readings: readonly { drive: DriveId; score: number }[],
  lang: Lang,
  advice: AdviceFile,
  ownPrimary: DriveId | null,
): DriveAdvice[] {
  const top = readings.filter((r, i) => i === 0 || (i === 1 && r.score >= SECOND_DRIVE_SHARE));
  return top.map(({ drive }) => {
    const a = advice.drives[drive];
    return {
      drive,
      need: a.need[lang],
      do: a.do[lang],
      dont: a.dont[lang],
      examples: a.examples[lang],
      avoid: a.avoid[lang],
      ...(ownPrimary
        ? {
            mismatch: {
              own: ownPrimary,
              tendency: advice.drives[ownPrimary].tendency[lang],
              instead: a.instead[lang],
              same: ownPrimary === drive,
            },
          }
        : {}),
    };
  });
}

export function behavioursOf(advice: AdviceFile): Behaviour[] {
  return advice.behaviours.map((b) => ({ id: b.id, label: b.label, weights: b.weights }));
}
