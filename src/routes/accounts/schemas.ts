import { z } from 'zod';

/** The set-password form of an invitation or reset link. */
export const passwordForm = z.object({
  password: z.string().min(12).max(200),
  password2: z.string().max(200),
});
export const emailForm = z.object({ email: z.string().trim().max(254) });
