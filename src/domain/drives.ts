/** The six drives in their fixed order; this order also breaks ranking ties. */
export const DRIVE_IDS = ['purple', 'red', 'blue', 'orange', 'green', 'yellow'] as const;
export type DriveId = (typeof DRIVE_IDS)[number];

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nl';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** What the pages show of a drive in one language; the model is the only source of names and colours. */
export type DriveLabel = { id: DriveId; name: string; colour: string; hex: string };
type DriveEntry = { id: DriveId; name: Record<Lang, string>; colour: Record<Lang, string>; hex: string };

const labelCache = new WeakMap<readonly DriveEntry[], Record<Lang, DriveLabel[]>>();

/** The model's drives (in model order) with their names in `lang`; computed once per model. */
export function driveLabels(drives: readonly DriveEntry[], lang: Lang): DriveLabel[] {
  let byLang = labelCache.get(drives);
  if (!byLang) {
    const of = (l: Lang) => drives.map((d) => ({ id: d.id, name: d.name[l], colour: d.colour[l], hex: d.hex }));
    labelCache.set(drives, (byLang = { nl: of('nl'), en: of('en') }));
  }
  return byLang[lang];
}

/** A lookup from drive id to its label in `lang`. */
export function driveLabel(drives: readonly DriveEntry[], lang: Lang): (id: DriveId) => DriveLabel {
  const labels = driveLabels(drives, lang);
  return (id) => labels.find((d) => d.id === id)!;
}
