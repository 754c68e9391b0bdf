import { randomBytes } from 'node:crypto';
import type { Content } from '../content/load';
import type { NewExercise } from '../db/exercise-types';
import type { Store, UserRecord } from '../db/store';
import type { DriveId, Lang } from '../domain/drives';
import { AppError } from '../errors';

export type NewExerciseInput =
  | { kind: 'recognize'; remarkId: string }
  | { kind: 'recognize'; text: string; drive?: DriveId | null }
  | { kind: 'open'; prompt: string }
  | { kind: 'poll'; prompt: string; options: string[] };

const newId = () => randomBytes(12).toString('base64url');

/** What an exercise stores: its text, and for a recognize round the intended drives and the explanation. */
type ExerciseFields = Omit<NewExercise, 'publicId' | 'createdAt'>;

/** The remarks a trainer builds recognize rounds from: the bank (data/) and their own, and what a new exercise is made of. */
export function studioRemarks(store: Store, content: Content) {
  /** The bank and the trainer's own remarks, in one list. */
  async function remarks(user: UserRecord, lang: Lang) {
    const own = await store.remarks.list(user.id, lang);
    return [
      ...content.remarks[lang].map((r) => ({
        id: r.id,
        lang,
        text: r.text,
        drive: r.drive,
        also: r.also,
        explanation: r.explanation,
        own: false,
      })),
      ...own.map((r) => ({
        id: r.publicId,
        lang: r.lang,
        text: r.text,
        drive: r.drive,
        also: r.also,
        explanation: r.explanation,
        own: true,
      })),
    ];
  }

  async function findRemark(user: UserRecord, id: string) {
    const banked = [...content.remarks.nl, ...content.remarks.en].find((r) => r.id === id);
    if (banked) return banked;
    const own = /^[A-Za-z0-9_-]{16}$/.test(id) ? await store.remarks.find(user.id, id) : null;
    if (!own) {
      throw new AppError('validation_failed', 'There is no remark with this id in the bank or among your own remarks.', {
        fields: [{ field: 'remarkId', message: 'unknown remark' }],
      });
    }
    return { ...own, id: own.publicId };
  }

  return {
    list: remarks,
    add: async (user: UserRecord, input: { lang: Lang; text: string; drive: DriveId | null; also: DriveId[]; explanation: string }) => {
      const r = await store.remarks.create({ ...input, publicId: newId(), ownerId: user.id, createdAt: new Date().toISOString() });
      return { id: r.publicId, lang: r.lang, text: r.text, drive: r.drive, also: r.also, explanation: r.explanation, own: true };
    },
    /** A banked or own remark (by id) or a typed text becomes a recognize round; an open question or a poll its prompt. */
    exerciseFields: async (user: UserRecord, input: NewExerciseInput): Promise<ExerciseFields> => {
      if (input.kind === 'recognize' && 'remarkId' in input) {
        const r = await findRemark(user, input.remarkId);
        return { kind: 'recognize', prompt: r.text, remarkId: r.id, drive: r.drive, also: r.also, explanation: r.explanation, options: [] };
      }
      const none = { remarkId: null, also: [], explanation: null };
      if (input.kind === 'recognize') return { ...none, kind: 'recognize', prompt: input.text, drive: input.drive ?? null, options: [] };
      return { ...none, kind: input.kind, prompt: input.prompt, drive: null, options: input.kind === 'poll' ? input.options : [] };
    },
  };
}
