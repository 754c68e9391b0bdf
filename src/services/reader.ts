import type { Content } from '../content/load';
import type { Store, UserRecord } from '../db/store';
import type { DriveId, Lang } from '../domain/drives';
import { adviceFor, behavioursOf } from '../domain/reader/advice';
import { recognise } from '../domain/reader/recognise';
import { AppError } from '../errors';

export const MAX_TEXT = 20_000;

/** "What is my client saying?": the drive reader with advice, shared by the page and the API. */
export function createReaderService(store: Store, content: Content) {
  const { lexicons, advice } = content.reader;
  const behaviours = new Map(behavioursOf(advice).map((b) => [b.id, b]));

  /** The consultant's strongest drive from their most recent completed profile, if any. */
  async function ownPrimary(user: UserRecord | null): Promise<DriveId | null> {
    if (!user) return null;
    const latest = (await store.assessments.listByUser(user.id)).find((a) => a.profile);
    return latest?.profile?.primary[0] ?? null;
  }

  return {
    ownPrimary,
    behaviours: (lang: Lang) => [...behaviours.values()].map((b) => ({ id: b.id, label: b.label[lang] })),

    async read(input: { text: string; lang?: Lang; behaviours?: string[] }, user: UserRecord | null) {
      const picked = (input.behaviours ?? []).map((id) => {
        const b = behaviours.get(id);
        if (!b)
          throw new AppError('validation_failed', 'Unknown behaviour.', {
            fields: [{ field: 'behaviours', message: `unknown behaviour "${id}"` }],
          });
        return b;
      });
      if (!input.text.trim() && !picked.length) {
        throw new AppError('validation_failed', 'Give a text or at least one observed behaviour.', {
          fields: [{ field: 'text', message: 'empty, and no behaviours ticked' }],
        });
      }
      const reading = recognise({ text: input.text, ...(input.lang ? { lang: input.lang } : {}), behaviours: picked }, lexicons);
      const own = await ownPrimary(user);
      return {
        lang: reading.lang,
        drives: reading.drives,
        negated: reading.negated,
        advice: reading.drives.length ? adviceFor(reading.drives, reading.lang, advice, own) : [],
        general: advice.general[reading.lang],
        ownPrimary: own,
      };
    },
  };
}
export type ReaderService = ReturnType<typeof createReaderService>;
export type ReaderResult = Awaited<ReturnType<ReaderService['read']>>;
