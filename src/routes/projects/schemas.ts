import { z } from 'zod';
import { DRIVE_IDS } from '../../domain/drives';
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
