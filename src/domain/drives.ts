/** The six drives in their fixed order; this order also breaks ranking ties. */
export const DRIVE_IDS = ['purple', 'red', 'blue', 'orange', 'green', 'yellow'] as const;
export type DriveId = (typeof DRIVE_IDS)[number];

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nl';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
