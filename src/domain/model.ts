import { z } from 'zod';
import { DRIVE_IDS } from './drives';

const text = z.object({ nl: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const bullets = z
  .object({ nl: z.array(z.string().trim().min(1)).min(1), en: z.array(z.string().trim().min(1)).min(1) })
  .strict()
  .refine((b) => b.nl.length === b.en.length, { message: 'nl and en must have the same number of entries' });
const driveId = z.enum(DRIVE_IDS);

const driveSchema = z
  .object({
    id: driveId,
    colour: text,
    hex: z.string().regex(/^#[0-9a-f]{6}$/i),
    name: text,
    summary: text,
    energises: bullets,
    irritates: bullets,
    comesAcross: bullets,
    pitfalls: bullets,
    needs: bullets,
  })
  .strict();

const likertItem = z.object({ id: z.string().regex(/^L\d{2,3}$/), drive: driveId, reverse: z.boolean(), text }).strict();

const choiceOption = z.object({ id: z.string().regex(/^S\d{2,3}[a-f]$/), drive: driveId, text }).strict();
const choiceItem = z.object({ id: z.string().regex(/^S\d{2,3}$/), text, options: z.array(choiceOption).length(6) }).strict();

export const modelSchema = z
  .object({
    version: z.string().regex(/^[0-9][0-9A-Za-z.-]*$/),
    drives: z.array(driveSchema).length(6),
    likert: z
      .object({
        scale: z
          .object({
            min: z.literal(1),
            max: z.literal(5),
            labels: z.object({ nl: z.array(z.string().min(1)).length(5), en: z.array(z.string().min(1)).length(5) }).strict(),
          })
          .strict(),
        items: z.array(likertItem).min(1),
        /** Pairs of statements of one drive that say the same, or (one reverse-keyed) the opposite: the consistency check. */
        pairs: z.array(z.tuple([z.string(), z.string()])).optional(),
      })
      .strict(),
    choice: z.object({ items: z.array(choiceItem).min(1) }).strict(),
  })
  .strict()
  .superRefine((m, ctx) => {
    m.drives.forEach((d, i) => {
      if (d.id !== DRIVE_IDS[i]) ctx.addIssue({ code: 'custom', path: ['drives', i, 'id'], message: `expected "${DRIVE_IDS[i]}"` });
    });
    const seen = new Set<string>();
    const unique = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate id "${id}"` });
      seen.add(id);
    };
    m.likert.items.forEach((item, i) => unique(item.id, ['likert', 'items', i, 'id']));
    for (const drive of DRIVE_IDS) {
      const items = m.likert.items.filter((it) => it.drive === drive);
      if (items.length < 2) ctx.addIssue({ code: 'custom', path: ['likert', 'items'], message: `drive "${drive}" needs at least 2 items` });
    }
    const byId = new Map(m.likert.items.map((it) => [it.id, it]));
    (m.likert.pairs ?? []).forEach(([a, b], i) => {
      const x = byId.get(a);
      const y = byId.get(b);
      if (!x || !y || a === b || x.drive !== y.drive)
        ctx.addIssue({ code: 'custom', path: ['likert', 'pairs', i], message: 'needs two different statements of the same drive' });
    });
    m.choice.items.forEach((item, i) => {
      unique(item.id, ['choice', 'items', i, 'id']);
      const drives = new Set(item.options.map((o) => o.drive));
      if (drives.size !== 6)
        ctx.addIssue({ code: 'custom', path: ['choice', 'items', i, 'options'], message: 'needs one option per drive' });
      item.options.forEach((o, j) => {
        unique(o.id, ['choice', 'items', i, 'options', j, 'id']);
        if (!o.id.startsWith(item.id))
          ctx.addIssue({ code: 'custom', path: ['choice', 'items', i, 'options', j, 'id'], message: `must start with "${item.id}"` });
      });
    });
  });

export type Model = z.infer<typeof modelSchema>;
export type LikertItem = Model['likert']['items'][number];
export type ChoiceItem = Model['choice']['items'][number];

/** Describes a zod failure as lines naming the bad entry, e.g. "likert.items.3.drive: ...". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
}
