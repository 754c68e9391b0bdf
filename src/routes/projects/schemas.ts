import { z } from 'zod';
import { DRIVE_IDS } from '../../domain/drives';
import { parseDayDate } from '../../domain/day-date';
import { visibleText } from '../fields';

// Shown text without bidi controls; new lines and tabs allowed (notes may hold them).
const text = (max: number, min = 0) => visibleText(max, { required: min > 0, lines: true });

export const projectFields = {
  client: text(120, 1),
  system: text(120, 1),
  phase: text(60),
  notes: text(5000),
};
export const stakeholderFields = {
  name: text(120, 1),
  department: text(120),
  influence: z.number().int().min(1).max(5),
  support: z.number().int().min(-2).max(2),
  drives: z
    .array(z.enum(DRIVE_IDS))
    .max(6)
    .refine((d) => new Set(d).size === d.length, 'each drive at most once'),
  concerns: text(2000),
  approach: text(2000),
  lastContact: z.iso.date().nullable(),
  interest: z.number().int().min(1).max(5),
  desiredSupport: z.number().int().min(-2).max(2),
};

export const newProjectBody = z.strictObject({
  client: projectFields.client,
  system: projectFields.system,
  phase: projectFields.phase.default(''),
  notes: projectFields.notes.default(''),
});
export const projectPatchBody = z
  .strictObject({ client: projectFields.client, system: projectFields.system, phase: projectFields.phase, notes: projectFields.notes })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');

export const newStakeholderBody = z.strictObject({
  name: stakeholderFields.name,
  department: stakeholderFields.department.default(''),
  influence: stakeholderFields.influence,
  support: stakeholderFields.support,
  drives: stakeholderFields.drives.default([]),
  concerns: stakeholderFields.concerns.default(''),
  approach: stakeholderFields.approach.default(''),
  lastContact: stakeholderFields.lastContact.default(null),
  // No defaults here: the page's form does not have these yet, and its edits must not reset them (the table's defaults: 3 and 0).
  interest: stakeholderFields.interest.optional(),
  desiredSupport: stakeholderFields.desiredSupport.optional(),
});
export const stakeholderPatchBody = z
  .strictObject(stakeholderFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');

/** A calendar day as 'YYYY-MM-DD' that exists (no 2026-02-30), between 1900 and 2200. */
export const calendarDate = z.iso.date('a date as YYYY-MM-DD').refine((d) => parseDayDate(d) === d, 'a date between 1900 and 2200');
/** Optional text of a contact: empty or missing is none. */
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((s) => s || null);

export const newContactBody = z
  .strictObject({
    date: calendarDate,
    remark: optionalText(2000),
    support: stakeholderFields.support.nullish().transform((n) => n ?? null),
    nextStep: optionalText(2000),
    due: calendarDate.nullish().transform((d) => d ?? null),
  })
  .refine((c) => c.due === null || c.nextStep !== null, { message: 'a due date needs a next step', path: ['due'] });
