import { z } from 'zod';
import type { Lang } from '../drives';

const line = z.string().trim().min(3).max(120);

/** data/survey/statements.json: 6–10 short statements (1–5) on support and readiness, in Dutch and English. */
export const surveyFileSchema = z
  .object({
    version: z.number().int().min(1),
    scale: z.object({ nl: z.array(line).length(5), en: z.array(line).length(5) }),
    statements: z
      .array(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/), nl: line, en: line }).strict())
      .min(6)
      .max(10),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.statements.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['statements', i, 'id'], message: `"${s.id}" appears twice` });
      seen.add(s.id);
    });
  });
export type SurveyFile = z.infer<typeof surveyFileSchema>;

/** The statements in one language, in their order. */
export const statementsIn = (file: SurveyFile, lang: Lang) => file.statements.map((s) => ({ id: s.id, text: s[lang] }));
