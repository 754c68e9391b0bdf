import { z } from 'zod';

/*
 * Text that people see: names, aliases, titles. Bidirectional controls (an override can make "Anna" display as
 * someone else's name reversed, or flip the text around it) are removed; a name must have something to see,
 * not only zero-width characters or spaces.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Letters, digits, punctuation and symbols; zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are none of these. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
export const INVISIBLE_MESSAGE = 'must contain a visible character (a letter, digit or punctuation mark)';
export const withoutBidiControls = (s: string) => s.replace(BIDI_CONTROLS, '');
export const hasVisibleCharacter = (s: string) => VISIBLE.test(s);

/** Control characters other than new lines and tabs (which notes may hold). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const noControl = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);

/**
 * Shown text, trimmed, without bidi controls, at most `max` characters and no control characters (`lines`:
 * new lines and tabs allowed). Empty is allowed unless `required`; anything non-empty needs a visible character.
 */
export function visibleText(max: number, { required = false, lines = false }: { required?: boolean; lines?: boolean } = {}) {
  return z
    .string()
    .transform(withoutBidiControls)
    .pipe(
      z
        .string()
        .trim()
        .min(required ? 1 : 0, required ? 'required' : undefined)
        .max(max, `at most ${max} characters`)
        .refine((s) => (lines ? noControl(s) : !/\p{Cc}/u.test(s)), 'must not contain control characters')
        .refine((s) => s === '' || hasVisibleCharacter(s), INVISIBLE_MESSAGE),
    );
}

/** An optional display name (or alias): shown text of at most 100 characters; empty means none. */
export const nameField = visibleText(100).transform((s) => (s === '' ? undefined : s));

/** Whether a zod error says that a field has no visible character (for the pages' own messages). */
export const isInvisibleIssue = (issue: { message: string }) => issue.message === INVISIBLE_MESSAGE;
