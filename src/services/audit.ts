import type { AuditFilter, AuditRecord, Store, UserRecord } from '../db/store';
import { AppError } from '../errors';

/** Every action the audit log knows. A new kind of event gets a name here first. */
export const AUDIT_ACTIONS = [
  'login.success',
  'login.failure',
  'user.add',
  'user.role',
  'user.deactivate',
  'user.activate',
  'user.remove',
  'user.invite',
  'password.change',
  'password.reset',
  'export.workshop',
  'export.exercise',
  'export.responses',
  'export.corrections',
  'export.own',
  'export.audit',
  'delete.assessment',
  'delete.participant',
  'delete.project',
  'delete.workshop',
  'delete.exercise',
  'delete.survey',
  'delete.stakeholder',
  'project.share',
  'project.unshare',
  'reveal.workshop',
  'reveal.exercise',
  'norms.freeze',
  'norms.activate',
  'retention.purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acts when no logged-in user does: the command line, the server itself, a participant, or an unknown login. */
export const ACTOR_KINDS = ['cli', 'system', 'participant', 'anonymous'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type AuditDetail = Record<string, string | number | boolean | null>;

export type AuditEvent = {
  action: AuditAction;
  actorId?: number | null;
  actorEmail?: string | null;
  /** Used when there is no actorEmail; default 'system'. */
  actor?: ActorKind;
  /** An opaque id (a workshop code, a user id, an exercise id), never a private token. */
  target?: string | null;
  /** Counts, ids, formats and flags only: never answers, names of participants, remarks or tokens. */
  detail?: AuditDetail;
};

/** The actor fields for a logged-in user. */
export const byUser = (user: Pick<UserRecord, 'id' | 'email'>) => ({ actorId: user.id, actorEmail: user.email });

/** Short values only: a detail is a label or a number, so free text (an answer, a remark) cannot slip in by accident. */
const MAX_DETAIL_TEXT = 80;
const KEY = /^[a-z][A-Za-z]{0,39}$/;

function checked(event: AuditEvent): AuditEvent {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(event.action)) throw new Error(`Unknown audit action "${event.action}".`);
  for (const [key, value] of Object.entries(event.detail ?? {})) {
    if (!KEY.test(key)) throw new Error(`Audit detail key "${key}" is not a plain name.`);
    if (typeof value === 'string' && value.length > MAX_DETAIL_TEXT) throw new Error(`Audit detail "${key}" is too long for a label.`);
  }
  if (event.target && event.target.length > MAX_DETAIL_TEXT) throw new Error('Audit target is too long for an id.');
  return event;
}

export const AUDIT_PAGE_SIZE = 50;
/** The CSV export's ceiling: two years of a busy organisation; narrow the filter for more. */
export const AUDIT_EXPORT_MAX = 100_000;

export type AuditServiceOptions = {
  now?: () => Date;
  /** Where a record that could not be written goes (the process log), so it is never silently lost. */
  onError?: (err: unknown, event: AuditEvent) => void;
};

/**
 * The audit log: who did what, when. Two ways to write, by what the action does:
 * - `record` before handing data out (exports, the audit export itself): it throws when the record cannot be
 *   written, so the caller refuses the action; data that has left cannot be called back.
 * - `recordAfter` after a change that has happened (logins, user changes, deletions, reveals, freezes, purges): a
 *   failure never undoes or blocks it (a participant's deletion must not depend on the log) and goes to `onError`
 *   with the whole event, which holds nothing secret.
 */
export function createAuditService(store: Store, options: AuditServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? ((err: unknown) => process.stderr.write(`audit record could not be written: ${String(err)}\n`));
  const record = async (event: AuditEvent): Promise<AuditRecord> => {
    const e = checked(event);
    return store.audit.add({
      at: now().toISOString(),
      actorId: e.actorId ?? null,
      actor: e.actorEmail ?? e.actor ?? 'system',
      action: e.action,
      target: e.target ?? null,
      detail: e.detail ?? {},
    });
  };
  return {
    record,
    async recordAfter(event: AuditEvent): Promise<void> {
      try {
        await record(event);
      } catch (err) {
        onError(err, event);
      }
    },
    /** One page (from 1), newest first. */
    async page(filter: AuditFilter, page: number) {
      const { rows, total } = await store.audit.page(filter, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
      return { rows, total, page, pageSize: AUDIT_PAGE_SIZE, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
    },
    /** The rows for the CSV export; the export is an audit event itself, written first. */
    async exportRows(user: UserRecord, filter: AuditFilter): Promise<AuditRecord[]> {
      const rows = await store.audit.all(filter, AUDIT_EXPORT_MAX + 1);
      if (rows.length > AUDIT_EXPORT_MAX)
        throw new AppError('conflict', `More than ${AUDIT_EXPORT_MAX} rows match; narrow the period.`, { max: AUDIT_EXPORT_MAX });
      const detail: AuditDetail = { rows: rows.length, from: filter.from ?? null, to: filter.to ?? null };
      if (filter.actor) detail.byActor = true;
      if (filter.action) detail.ofAction = filter.action;
      await record({ ...byUser(user), action: 'export.audit', detail });
      return rows;
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
