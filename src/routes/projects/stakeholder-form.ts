import type { z } from 'zod';
import { parseDayDate } from '../../domain/day-date';
import { newContactBody, newStakeholderBody } from './schemas';

export type Errors = Record<string, string>;
export const errorsOf = (e: z.ZodError, prefix: string): Errors =>
  Object.fromEntries(e.issues.map((i) => [String(i.path[0]), `${prefix}.${String(i.path[0])}`]));

/** The stakeholder form's errors: the fields of the contact log's time have their texts in this area's file. */
export const stakeholderErrors = (e: z.ZodError): Errors =>
  Object.fromEntries(
    Object.entries(errorsOf(e, 'projects.error')).map(([k, v]) => [k, k === 'interest' || k === 'desiredSupport' ? `stake.error.${k}` : v]),
  );

const reader = (body: Record<string, unknown>) => {
  const str = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
  const num = (k: string) => (str(k).trim() === '' ? NaN : Number(str(k)));
  // A typed date (dd-mm-jjjj or jjjj-mm-dd) becomes ISO; anything else fails the schema, which names the field (the
  // form keeps what was typed).
  const date = (k: string) => {
    const typed = str(k).trim();
    return typed === '' ? null : (parseDayDate(typed) ?? 'not a date');
  };
  return { str, num, date };
};

/** HTML form fields (strings) to the stakeholder fields the API takes. */
export function stakeholderFromForm(body: Record<string, unknown>) {
  const { str, num, date } = reader(body);
  const drives = [str('drive1'), str('drive2')].filter((d, i, all) => d !== '' && all.indexOf(d) === i);
  return newStakeholderBody.safeParse({
    name: str('name'),
    department: str('department'),
    influence: num('influence'),
    support: num('support'),
    drives,
    concerns: str('concerns'),
    approach: str('approach'),
    lastContact: date('lastContact'),
    // Only when the form has them: a form without these fields (an older page still open) must not reset them.
    ...('interest' in body ? { interest: num('interest') } : {}),
    ...('desiredSupport' in body ? { desiredSupport: num('desiredSupport') } : {}),
  });
}

/** The contact form to the API's contact body: an empty support is "not known", an empty date is a missing one. */
export function contactFromForm(body: Record<string, unknown>) {
  const { str, num, date } = reader(body);
  return newContactBody.safeParse({
    date: date('date') ?? '',
    remark: str('remark'),
    support: str('support').trim() === '' ? null : num('support'),
    nextStep: str('nextStep'),
    due: date('due'),
  });
}
