import { z } from 'zod';
import { DRIVE_IDS } from '../domain/drives';

// Control characters other than new lines and tabs (which notes may hold).
const noControl = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);
const text = (max: number, min = 0) =>
  z.string().trim().min(min, min ? 'required' : undefined).max(max, `at most ${max} characters`).refine(noControl, 'must not contain control characters');

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
  drives: z.array(z.enum(DRIVE_IDS)).max(6).refine((d) => new Set(d).size === d.length, 'each drive at most once'),
  concerns: text(2000),
  approach: text(2000),
  lastContact: z.iso.date().nullable(),
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
});
export const stakeholderPatchBody = z
  .strictObject(stakeholderFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');
