import { randomBytes, randomInt } from 'node:crypto';
import type { Lang } from '../domain/drives';
import type { Store, UserRecord, WorkshopRecord } from '../db/store';
import { AppError } from '../errors';
export type { ExportData, ExportFormat, ExportRow } from './workshop-export';
import type { AssessmentService } from './assessments';
import { byUser, createAuditService, type AuditService } from './audit';
import { workshopExportable, type ExportData, type ExportFormat } from './workshop-export';
import { workshopSummary } from './workshop-summary';

/** A cached summary is rebuilt after this long even without a change notice (see summaryJson). */
export const SUMMARY_MAX_AGE_MS = 60_000;
// No look-alikes (0/O, 1/I/L): codes are read off a projector and typed on phones.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const newJoinCode = () => Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

const notFound = () => new AppError('not_found', 'No such session.');
const owns = (user: UserRecord, w: WorkshopRecord) => user.role === 'admin' || w.ownerId === user.id;
const ownerOnly = () => new AppError('forbidden', 'Only the trainer who created this session (or an admin) can do this.');

export type NewWorkshopInput = { title: string; lang: Lang; anonymous: boolean; minGroupSize: number; points?: boolean };

export type WorkshopServiceOptions = {
  /** Announces a change to live dashboards. */
  onChange?: (workshopId: number) => void;
  /** The word before the number of an automatic alias ("Deelnemer 4"), per language. */
  aliasPrefix: (lang: Lang) => string;
  audit?: AuditService;
};

export function createWorkshopService(store: Store, assessments: AssessmentService, options: WorkshopServiceOptions) {
  const onChange = options.onChange ?? (() => undefined);
  const audit = options.audit ?? createAuditService(store);
  const repo = store.workshops;

  /**
   * The workshop if this user may run it (its owner, a co-trainer, an admin); otherwise a 404, so others' sessions
   * stay invisible.
   */
  async function get(user: UserRecord, publicId: string): Promise<WorkshopRecord> {
    const w = /^[A-Za-z0-9_-]{16}$/.test(publicId) ? await repo.findByPublicId(publicId) : null;
    if (!w || !(owns(user, w) || (await repo.isTrainer(w.id, user.id)))) throw notFound();
    return w;
  }
  /** The same, for what only the owner (or an admin) may do: a co-trainer gets a 403, anyone else still a 404. */
  async function getOwned(user: UserRecord, publicId: string): Promise<WorkshopRecord> {
    const w = await get(user, publicId);
    if (!owns(user, w)) throw ownerOnly();
    return w;
  }

  const { summary, teamMembers } = workshopSummary(repo, () => assessments.totalItems());

  // The summary as sent, per workshop, until something in it changes (see invalidate), or at most
  // SUMMARY_MAX_AGE_MS as a safety net should a change notice from another instance be lost. With several
  // instances, each hears of changes through the store's change feed (services/index.ts). A summary
  // computed while a change to its workshop came in is not kept: `generations` tells.
  const summaryCache = new Map<number, { json: string; at: number }>();
  const generations = new Map<number, number>();
  let everything = 0; // bumped by invalidate(null): all workshops
  const generationOf = (id: number) => `${everything}:${generations.get(id) ?? 0}`;
  async function summaryJson(w: WorkshopRecord): Promise<string> {
    const hit = summaryCache.get(w.id);
    if (hit && Date.now() - hit.at < SUMMARY_MAX_AGE_MS) return hit.json;
    const started = generationOf(w.id);
    // Read again: `w` may predate a change (reveal, close) that arrived while the caller held it.
    const fresh = (await repo.findById(w.id)) ?? w;
    const json = JSON.stringify(await summary(fresh));
    if (started === generationOf(w.id)) summaryCache.set(w.id, { json, at: Date.now() });
    return json;
  }
  const forget = (id: number | null) => {
    if (id === null) {
      everything++;
      summaryCache.clear();
      generations.clear();
    } else {
      generations.set(id, (generations.get(id) ?? 0) + 1);
      summaryCache.delete(id);
    }
  };
  const changed = (id: number) => {
    forget(id);
    onChange(id);
  };

  const exportable = workshopExportable(repo, teamMembers);

  return {
    get,
    getOwned,
    /** Whether this user owns the session (or is an admin): co-trainers may not delete it or change its trainers. */
    owns,
    summary,
    teamMembers,
    summaryJson,
    /** Forgets the cached summary of a workshop (null: of all); called on every change to it or its participants. */
    invalidate: forget,
    async summaryJsonById(id: number): Promise<string | null> {
      const w = await repo.findById(id);
      if (!w) {
        forget(id);
        return null;
      }
      return summaryJson(w);
    },

    /**
     * What a trainer may download: nothing before the reveal; then in a named session one row per
     * completed participant, in an anonymous one only the published group figures (as on the dashboard).
     * Recorded in the audit log before it is handed out (the caller sends nothing when that fails).
     */
    async exportData(w: WorkshopRecord, by: UserRecord, format: ExportFormat): Promise<ExportData> {
      const data = await exportable(w);
      const rows = data.kind === 'rows' ? data.rows.length : data.n;
      await audit.record({ ...byUser(by), action: 'export.workshop', target: w.code, detail: { format, kind: data.kind, rows } });
      return data;
    },

    async create(user: UserRecord, input: NewWorkshopInput): Promise<WorkshopRecord> {
      for (let attempt = 0; attempt < 10; attempt++) {
        const created = await repo.create({
          publicId: randomBytes(12).toString('base64url'),
          ownerId: user.id,
          title: input.title,
          lang: input.lang,
          anonymous: input.anonymous,
          minGroupSize: input.minGroupSize,
          points: input.points ?? false,
          code: newJoinCode(),
          createdAt: new Date().toISOString(),
        });
        if (created !== 'code_taken') return created;
      }
      throw new AppError('unavailable', 'Could not find a free join code; please try again.');
    },

    list: (user: UserRecord) => repo.list(user.role === 'admin' ? null : user.id),

    async reveal(user: UserRecord, publicId: string): Promise<void> {
      const w = await get(user, publicId);
      const s = await summary(w);
      if (!s.canReveal) {
        throw new AppError(
          'conflict',
          `The team chart can be shown once ${w.minGroupSize} participants have completed (now ${s.completed}).`,
          {
            completed: s.completed,
            minGroupSize: w.minGroupSize,
          },
        );
      }
      await repo.update(w.id, { revealed: true });
      changed(w.id);
      await audit.recordAfter({ ...byUser(user), action: 'reveal.workshop', target: w.code, detail: { completed: s.completed } });
    },

    async setStatus(user: UserRecord, publicId: string, status: 'open' | 'closed'): Promise<void> {
      const w = await get(user, publicId);
      await repo.update(w.id, { status });
      changed(w.id);
    },

    /** A trainer removes one participant, with all their data. */
    async removeParticipant(user: UserRecord, publicId: string, participantId: number): Promise<void> {
      const w = await get(user, publicId);
      if (!(await repo.removeParticipant(w.id, participantId))) throw new AppError('not_found', 'No such participant in this session.');
      await store.scrub(); // the deleted data leaves the database's files too
      changed(w.id);
      await audit.recordAfter({ ...byUser(user), action: 'delete.participant', target: w.code, detail: { participant: participantId } });
    },

    /** Keeps the session (and its participants' data) one more retention period past its current end. */
    async extend(user: UserRecord, publicId: string, days: number): Promise<string> {
      const w = await get(user, publicId);
      const DAY = 86_400_000;
      const currentEnd = w.keepUntil ? Date.parse(w.keepUntil) : Date.parse(w.createdAt) + days * DAY;
      const keepUntil = new Date(Math.max(currentEnd, Date.now()) + days * DAY).toISOString();
      await repo.update(w.id, { keepUntil });
      changed(w.id);
      return keepUntil;
    },

    async remove(user: UserRecord, publicId: string): Promise<void> {
      const w = await getOwned(user, publicId);
      await repo.remove(w.id);
      await store.scrub(); // the deleted data leaves the database's files too
      changed(w.id);
      await audit.recordAfter({ ...byUser(user), action: 'delete.workshop', target: w.code, detail: { anonymous: w.anonymous } });
    },

    /** The open workshop for a join code: unknown → 404, closed → 409. */
    async joinable(code: string): Promise<WorkshopRecord> {
      const w = await repo.findByCode(normaliseCode(code));
      if (!w) throw new AppError('not_found', 'There is no session with this code. Check the code with your trainer.');
      if (w.status !== 'open') throw new AppError('conflict', 'This session is closed; no one can join any more.');
      return w;
    },

    /** Joins a participant: a new assessment linked to the workshop. */
    async join(code: string, input: { name: string | null; lang?: Lang }): Promise<{ token: string; workshop: WorkshopRecord }> {
      const w = await this.joinable(code);
      if (!w.anonymous && !input.name)
        throw new AppError('validation_failed', 'Give your name to join this session.', {
          fields: [{ field: 'name', message: 'required in this session' }],
        });
      const name = input.name ?? `${options.aliasPrefix(w.lang)} ${(await repo.countParticipants(w.id)) + 1}`;
      const { token } = await assessments.create({ lang: input.lang ?? w.lang, name, workshopId: w.id });
      return { token, workshop: w };
    },
  };
}
export type WorkshopService = ReturnType<typeof createWorkshopService>;
export type WorkshopSummary = Awaited<ReturnType<WorkshopService['summary']>>;
