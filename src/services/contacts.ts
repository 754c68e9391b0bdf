import { dayIn } from '../domain/dutch-time';
import type { Content } from '../content/load';
import type { ContactRecord, Store, UserRecord } from '../db/store';
import { keptReading, likelyDrives, meanOfKept } from '../domain/reader/accumulate';
import { readText } from '../domain/reader/read';
import { AppError } from '../errors';
import { ID, newId, type ProjectService } from './projects';

/** A contact as the consultant logs it (empty texts already made null). */
export type ContactFields = Pick<ContactRecord, 'date' | 'remark' | 'support' | 'nextStep' | 'due'>;

/**
 * The contact log of a project's stakeholders: each talk read by the drive reader when it is saved, the support
 * over time and the open next steps. Authorised through the project service, so exactly as the projects: the
 * owner and the members; everyone else gets a 404.
 */
export function createContactService(store: Store, content: Content, projects: ProjectService, clock = () => new Date()) {
  const repo = store.contacts;

  return {
    /** Logs a contact; a remark is read (its language detected) and the stakeholder's drives follow the log. */
    async add(user: UserRecord, projectId: string, sid: string, fields: ContactFields) {
      const s = await projects.getStakeholder(user, projectId, sid);
      const reading = fields.remark ? keptReading(readText({ text: fields.remark }, content.reader.model)) : null;
      const added = await repo.add(s.id, { ...fields, reading, publicId: newId(), now: clock().toISOString() }, likelyDrives);
      if (!added) throw new AppError('not_found', 'No such stakeholder.');
      return added;
    },
    /** A stakeholder with their contacts (oldest first), the support they gave over time and the log's mean reading. */
    async stakeholder(user: UserRecord, projectId: string, sid: string) {
      const s = await projects.getStakeholder(user, projectId, sid);
      const contacts = await repo.list(s.id);
      return {
        s,
        contacts,
        supportHistory: contacts.flatMap((c) => (c.support === null ? [] : [{ date: c.date, support: c.support }])),
        contactDrives: meanOfKept(contacts.flatMap((c) => (c.reading ? [c.reading] : []))),
      };
    },
    /** Open next steps across the project, overdue first (a due date before today in the Netherlands). */
    async nextActions(user: UserRecord, projectId: string) {
      const p = await projects.get(user, projectId);
      const today = dayIn(clock());
      return (await repo.nextActions(p.id)).map((a) => ({ ...a, overdue: a.contact.due !== null && a.contact.due < today }));
    },
    async markDone(user: UserRecord, projectId: string, cid: string) {
      const p = await projects.get(user, projectId);
      const c = ID.test(cid) ? await repo.markDone(p.id, cid) : null;
      if (!c) throw new AppError('not_found', 'No such contact.');
      return c;
    },
  };
}
export type ContactService = ReturnType<typeof createContactService>;
