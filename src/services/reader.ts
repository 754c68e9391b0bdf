import type { Content } from '../content/load';
import type { Store, UserRecord } from '../db/store';
import type { DriveId, Lang } from '../domain/drives';
import { adviceFor, behavioursOf } from '../domain/reader/advice';
import { meanReading, readText, type Reading } from '../domain/reader/read';
import type { Behaviour } from '../domain/reader/recognise';
import { AppError } from '../errors';
import { newToken } from './tokens';

export const MAX_TEXT = 20_000;
export const MAX_BATCH_TEXTS = 500;
export const MAX_BATCH_CHARS = 100_000;

const invalid = (message: string, field: string, detail: string) =>
  new AppError('validation_failed', message, { fields: [{ field, message: detail }] });

/** "What is my client saying?": the drive reader with advice, shared by the page, the API and the batch. */
export function createReaderService(store: Store, content: Content) {
  const { advice } = content.reader;
  // Read on use, not here: the trained model loads lazily in tests (content.reader's getter), and most never read a remark.
  const model = () => content.reader.model;
  const behaviours = new Map(behavioursOf(advice).map((b) => [b.id, b]));

  /** The consultant's strongest drive from their most recent completed profile, if any. */
  async function ownPrimary(user: UserRecord | null): Promise<DriveId | null> {
    if (!user) return null;
    const latest = (await store.assessments.listByUser(user.id)).find((a) => a.profile);
    return latest?.profile?.primary[0] ?? null;
  }

  /** The ticked behaviours, each once (ticking one twice does not double it). */
  const pick = (ids: readonly string[] = []): Behaviour[] =>
    [...new Set(ids)].map((id) => {
      const b = behaviours.get(id);
      if (!b) throw invalid('Unknown behaviour.', 'behaviours', `unknown behaviour "${id}"`);
      return b;
    });

  const withAdvice = (reading: Reading, own: DriveId | null) => ({
    ...reading,
    advice: adviceFor(reading.drives, reading.lang, advice, own),
    general: advice.general[reading.lang],
    ownPrimary: own,
  });

  return {
    ownPrimary,
    behaviours: (lang: Lang) => [...behaviours.values()].map((b) => ({ id: b.id, label: b.label[lang] })),

    async read(input: { text: string; lang?: Lang; behaviours?: string[] }, user: UserRecord | null) {
      const picked = pick(input.behaviours);
      if (!input.text.trim() && !picked.length) {
        throw invalid('Give a text or at least one observed behaviour.', 'text', 'empty, and no behaviours ticked');
      }
      const reading = readText({ text: input.text, ...(input.lang ? { lang: input.lang } : {}), behaviours: picked }, model());
      return withAdvice(reading, await ownPrimary(user));
    },

    /**
     * Many texts at once (a workshop's open answers, a pulse survey's comments): every reading as by `read`,
     * and overall the mean probability per drive, so each text counts once however long it is.
     */
    async readMany(input: { texts: string[]; lang?: Lang }, user: UserRecord | null) {
      const empty = input.texts.flatMap((t, i) => (t.trim() ? [] : [i]));
      if (empty.length) throw invalid('Every text needs some words.', 'texts', `empty: ${empty.slice(0, 20).join(', ')}`);
      const total = input.texts.reduce((a, t) => a + t.length, 0);
      if (total > MAX_BATCH_CHARS) throw invalid(`At most ${MAX_BATCH_CHARS} characters in all.`, 'texts', `${total} characters`);
      const own = await ownPrimary(user);
      const items = input.texts.map((text) => withAdvice(readText({ text, ...(input.lang ? { lang: input.lang } : {}) }, model()), own));
      // Texts with nothing the reader knows are guesses: they do not move the overall picture (all of them: all zero).
      return { items, overall: { drives: meanReading(items.filter((i) => i.signal)) } };
    },

    /**
     * "This was actually …": stores what the reader said and what the consultant chose; the text only with
     * their consent. Nothing is learned here: corrections are exported, reviewed by a person, then trained on.
     */
    async correct(user: UserRecord, input: { text: string; lang?: Lang; behaviours?: string[]; drive: DriveId; consent: boolean }) {
      if (!input.text.trim()) throw invalid('The text that was read is missing.', 'text', 'empty');
      // Read as the consultant saw it, with the same behaviours ticked, so "read" is the drive they disagreed with.
      const reading = readText(
        { text: input.text, ...(input.lang ? { lang: input.lang } : {}), behaviours: pick(input.behaviours) },
        model(),
      );
      const record = await store.readerCorrections.add({
        publicId: newToken(),
        userId: user.id,
        lang: reading.lang,
        readDrive: reading.drives[0]!.drive,
        drive: input.drive,
        consent: input.consent,
        text: input.consent ? input.text : null,
        createdAt: new Date().toISOString(),
      });
      return { id: record.publicId, lang: record.lang, read: record.readDrive, drive: record.drive, textKept: record.text !== null };
    },
  };
}
export type ReaderService = ReturnType<typeof createReaderService>;
export type ReaderResult = Awaited<ReturnType<ReaderService['read']>>;
