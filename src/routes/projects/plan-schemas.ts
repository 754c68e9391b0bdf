import { z } from 'zod';
import { ACTION_KINDS, ACTION_STATUSES, SOURCE_KINDS } from '../../db/plan-actions';
import { DRIVE_IDS } from '../../domain/drives';
import { visibleText } from '../fields';
import { calendarDate } from './schemas';

/** A contact's public id (as services/projects.ts makes them). */
const CONTACT_REF = /^[A-Za-z0-9_-]{16}$/;
/** '<survey id>:<department>': the survey's public id, then the department as the survey lists it. */
const SURVEY_REF = /^[A-Za-z0-9_-]{1,64}:\S/;

export const planFields = {
  title: visibleText(200, { required: true }),
  kind: z.enum(ACTION_KINDS),
  owner: visibleText(120),
  due: calendarDate.nullable(),
  status: z.enum(ACTION_STATUSES),
  drive: z.enum(DRIVE_IDS).nullable(),
};

/** Where an action comes from decides what its reference must look like; the consultant's own has none. */
const sourceRule = (a: { sourceKind: string; sourceRef: string | null }) =>
  a.sourceKind === 'own'
    ? a.sourceRef === null
    : a.sourceKind === 'contact'
      ? a.sourceRef !== null && CONTACT_REF.test(a.sourceRef)
      : a.sourceRef !== null && SURVEY_REF.test(a.sourceRef);

export const newActionBody = z
  .strictObject({
    title: planFields.title,
    kind: planFields.kind,
    owner: planFields.owner.default(''),
    due: planFields.due.default(null),
    status: planFields.status.default('open'),
    drive: planFields.drive.default(null),
    sourceKind: z.enum(SOURCE_KINDS).default('own'),
    sourceRef: visibleText(300)
      .nullish()
      .transform((s) => s || null),
  })
  .refine(sourceRule, {
    message: "own: no sourceRef; contact: the contact's id; survey: '<survey id>:<department>'",
    path: ['sourceRef'],
  });

/** Where an action came from is kept as it was; the rest may change. */
export const actionPatchBody = z
  .strictObject(planFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'change at least one field');

export type NewAction = z.infer<typeof newActionBody>;
