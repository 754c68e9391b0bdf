import { z } from 'zod';
import { changeProfileSchema, type ChangeFile } from '../../domain/change';

/** `PUT /api/projects/:id/change { dimensions }`: known dimension ids only, each an integer 0–3. */
export const changeBody = (data: ChangeFile) => z.strictObject({ dimensions: changeProfileSchema(data) });

/**
 * The change form: one radio group per dimension, named by its id. A group left unanswered counts as 0 ("not at all"),
 * as in the API; anything but 0–3 is a field error.
 */
export function changeFromForm(data: ChangeFile, body: Record<string, unknown>) {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const dimensions: Record<string, number> = {};
  for (const d of data.dimensions) {
    const raw = typeof body[d.id] === 'string' ? (body[d.id] as string) : '';
    values[d.id] = raw;
    if (raw === '') dimensions[d.id] = 0;
    else if (/^[0-3]$/.test(raw)) dimensions[d.id] = Number(raw);
    else errors[d.id] = 'stake.change.errorIntensity';
  }
  return { values, errors, dimensions };
}
