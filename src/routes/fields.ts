import { z } from 'zod';

/** An optional display name: trimmed, at most 100 characters, no control characters; empty means none. */
export const nameField = z
  .string()
  .trim()
  .max(100, 'at most 100 characters')
  .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters')
  .transform((s) => (s === '' ? undefined : s));
