import { z } from 'zod';
import { LANGS } from '../../domain/drives';
import { visibleText } from '../fields';

export const MAX_OPEN_ANSWER = 1000;
export const MAX_DEPARTMENTS = 30;

const department = visibleText(80, { required: true });

/** A new survey: a title, the client's departments (each once), the language (default Dutch). */
export const newSurveyBody = z.strictObject({
  title: visibleText(120, { required: true }),
  departments: z
    .array(department)
    .min(1, 'at least one department')
    .max(MAX_DEPARTMENTS)
    .refine((d) => new Set(d.map((x) => x.toLowerCase())).size === d.length, 'each department at most once'),
  lang: z.enum(LANGS).default('nl'),
});
export type NewSurveyBody = z.infer<typeof newSurveyBody>;

/** One response. Whether the department and the statements are the survey's own is checked by the service. */
export const responseBody = z.strictObject({
  department: z.string().max(200),
  answers: z.record(z.string().max(40), z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5')),
  worries: visibleText(MAX_OPEN_ANSWER, { lines: true }).optional(),
  needs: visibleText(MAX_OPEN_ANSWER, { lines: true }).optional(),
  consent: z.literal(true, 'consent is required'),
});
export type ResponseBody = z.infer<typeof responseBody>;
