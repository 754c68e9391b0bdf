import type { Content } from '../content/load';
import type { UserRecord, WorkshopRecord } from '../db/store';
import { DRIVE_IDS, driveLabel, type DriveId, type Lang } from '../domain/drives';
import type { StudioService } from '../services/studio';

/** The fields of the dashboard's four "add an exercise" forms, named apart because all four are on one page. */
export const STUDIO_FORM_FIELDS = [
  'remarkId',
  'remarkText',
  'remarkDrive',
  'saveRemark',
  'openPrompt',
  'pollPrompt',
  'pollOptions',
] as const;
export type StudioFormField = (typeof STUDIO_FORM_FIELDS)[number];
export type StudioFormValues = Record<StudioFormField, string>;
/** Field → text key of its message (studioTrainer.error.…). */
export type StudioFormErrors = Partial<Record<StudioFormField, string>>;
export type StudioFormName = 'bank' | 'own' | 'open' | 'poll';

export const emptyStudioForm = (): StudioFormValues => ({
  remarkId: '',
  remarkText: '',
  remarkDrive: '',
  saveRemark: '',
  openPrompt: '',
  pollPrompt: '',
  pollOptions: '',
});

type RemarkOption = { id: string; short: string; own: boolean };
/** A remark in the select: long ones cut at a word, so the list stays readable on a phone. */
const SHORT = 110;
const shorten = (text: string) => {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= SHORT) return flat;
  const cut = flat.slice(0, SHORT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SHORT - 20))}…`;
};
export type RemarkGroup = { drive: DriveId | null; label: string; remarks: RemarkOption[] };

/**
 * What views/partials/studio-exercises.ejs shows: the session's exercises in order, the remarks of the session's
 * language grouped by drive (the bank's and the trainer's own), and the forms' typed values and errors.
 */
export function studioDashboard(studio: StudioService, content: Content) {
  return async (
    user: UserRecord,
    w: WorkshopRecord,
    pageLang: Lang,
    form: { name: StudioFormName; values: StudioFormValues; errors: StudioFormErrors } | null = null,
  ) => {
    const label = driveLabel(content.current.model.drives, pageLang);
    const [exercises, remarks] = await Promise.all([studio.list(user, w.publicId), studio.remarks(user, w.lang)]);
    const groups: RemarkGroup[] = DRIVE_IDS.map((drive) => ({
      drive,
      label: label(drive).name,
      remarks: remarks.filter((r) => r.drive === drive).map((r) => ({ id: r.id, short: shorten(r.text), own: r.own })),
    }));
    const undriven = remarks.filter((r) => r.drive === null).map((r) => ({ id: r.id, short: shorten(r.text), own: r.own }));
    if (undriven.length) groups.push({ drive: null, label: '', remarks: undriven });
    return {
      studio: {
        exercises: exercises.map((x, i) => ({
          id: x.id,
          number: i + 1,
          kind: x.kind,
          status: x.status,
          text: x.kind === 'recognize' ? (x.text ?? '') : (x.prompt ?? ''),
          intended: x.intended ? label(x.intended).name : null,
          options: x.options ?? [],
        })),
        remarkGroups: groups.filter((g) => g.remarks.length > 0),
        drives: DRIVE_IDS.map((id) => ({ id, name: label(id).name })),
        sessionLang: w.lang,
        form: form?.name ?? null,
        values: form?.values ?? emptyStudioForm(),
        errors: form?.errors ?? {},
      },
    };
  };
}
