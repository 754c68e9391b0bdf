import { z } from 'zod';
import { DRIVE_IDS, LANGS, type DriveId, type Lang } from '../drives';

/** A client remark for the "which drive speaks here?" exercise: from the bank in data/remarks, or a trainer's own. */
export type Remark = { id: string; lang: Lang; text: string; drive: DriveId | null; also: DriveId[]; explanation: string };

/** The bank needs this many remarks per drive and language, so a two-hour session never runs out. */
export const MIN_REMARKS_PER_DRIVE = 10;

const remark = z
  .object({
    id: z.string().regex(/^(nl|en)-[a-z]+-\d{2}$/),
    text: z.string().trim().min(10).max(1000),
    drive: z.enum(DRIVE_IDS),
    also: z.array(z.enum(DRIVE_IDS)).max(2),
    explanation: z.string().trim().min(10).max(400),
  })
  .strict()
  .refine((r) => !r.also.includes(r.drive), { message: 'also must not repeat the intended drive', path: ['also'] });
export const remarkFileSchema = z.object({ lang: z.enum(LANGS), remarks: z.array(remark).min(1) }).strict();
export type RemarkFile = z.infer<typeof remarkFileSchema>;

/** Merges the bank's files; names what is wrong (a duplicate id, an id of another language, too few per drive). */
export function buildBank(files: RemarkFile[]): { bank: Record<Lang, Remark[]>; problems: string[] } {
  const bank: Record<Lang, Remark[]> = { nl: [], en: [] };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    for (const r of f.remarks) {
      if (seen.has(r.id)) problems.push(`remark ${r.id} exists twice`);
      if (!r.id.startsWith(`${f.lang}-`)) problems.push(`remark ${r.id} is in a ${f.lang} file`);
      seen.add(r.id);
      bank[f.lang].push({ ...r, lang: f.lang });
    }
  }
  for (const lang of LANGS) {
    for (const drive of DRIVE_IDS) {
      const n = bank[lang].filter((r) => r.drive === drive).length;
      if (n < MIN_REMARKS_PER_DRIVE) problems.push(`${lang}: ${n} remarks for ${drive}, at least ${MIN_REMARKS_PER_DRIVE} needed`);
    }
    bank[lang].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  }
  return { bank, problems };
}
