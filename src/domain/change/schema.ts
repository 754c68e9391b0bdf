import { z } from 'zod';
import { DRIVE_IDS, type DriveId } from '../drives';

/** How strongly a change shows a dimension: 0 not at all, 1 a little, 2 clearly, 3 a lot. */
export const INTENSITY_MAX = 3;
/** How a dimension acts on a drive: −2 threatens it strongly … +2 serves it strongly. */
export const WEIGHT_MAX = 2;

const text = z.object({ nl: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();

/** A missing drive gets a message that says what is wanted, not zod's "expected object, received undefined". */
const missingDrive = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `missing: ${what} for each of the six drives (${DRIVE_IDS.join(', ')})` : undefined;

const effect = z
  .object({ weight: z.number().int().min(-WEIGHT_MAX).max(WEIGHT_MAX), reason: text.optional() }, { error: missingDrive('an effect') })
  .strict()
  .superRefine((e, ctx) => {
    if (e.weight !== 0 && !e.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `a weight of ${e.weight} needs a reason (nl, en)` });
    if (e.weight === 0 && e.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a weight of 0 takes no reason' });
  });

const perDrive = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(DRIVE_IDS.map((d) => [d, schema])) as Record<DriveId, T>).strict();

const dimension = z
  .object({
    id: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'lower-case words joined by "-"'),
    label: text,
    /** The question the consultant answers on the 0–3 scale. */
    question: text,
    effects: perDrive(effect),
  })
  .strict();

/** What to say when the change threatens a drive: 2–3 messages, as many in English as in Dutch. */
const messages = z
  .object(
    { nl: z.array(z.string().trim().min(1)).min(2).max(3), en: z.array(z.string().trim().min(1)).min(2).max(3) },
    { error: missingDrive('messages') },
  )
  .strict()
  .refine((m) => m.nl.length === m.en.length, { message: 'nl and en must have the same number of messages' });

export const changeFileSchema = z
  .object({
    scale: z
      .array(z.object({ value: z.number().int(), label: text }).strict())
      .refine((s) => s.length === INTENSITY_MAX + 1 && s.every((step, i) => step.value === i), {
        message: `needs the steps 0 to ${INTENSITY_MAX} in order`,
      }),
    dimensions: z
      .array(dimension)
      .min(1)
      .superRefine((ds, ctx) => {
        const seen = new Set<string>();
        ds.forEach((d, i) => {
          if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate dimension "${d.id}"` });
          seen.add(d.id);
        });
      }),
    messages: perDrive(messages),
  })
  .strict();

export type ChangeFile = z.infer<typeof changeFileSchema>;
export type ChangeDimension = ChangeFile['dimensions'][number];

/** How a consultant describes a change: per dimension id an intensity 0–3; a dimension left out counts as 0. */
export type ChangeProfile = Readonly<Partial<Record<string, number>>>;

/** The schema a route uses to parse a change description against the dimensions of `data`. */
export function changeProfileSchema(data: ChangeFile) {
  const intensity = z.number().int().min(0).max(INTENSITY_MAX);
  return z.object(Object.fromEntries(data.dimensions.map((d) => [d.id, intensity.optional()]))).strict();
}
