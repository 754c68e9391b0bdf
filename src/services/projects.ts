import { randomBytes } from 'node:crypto';
import { byUser, createAuditService, type AuditService } from './audit';
import type {
  ProjectFields,
  ProjectMember,
  ProjectRecord,
  StakeholderChange,
  StakeholderFields,
  StakeholderRecord,
  Store,
  UserRecord,
} from '../db/store';
import type { DriveId } from '../domain/drives';
import { likelyDrives } from '../domain/reader/accumulate';
import { AppError } from '../errors';

/** Public ids of projects, stakeholders and contacts: 96 random bits, URL-safe (16 characters). */
export const newId = () => randomBytes(12).toString('base64url');
export const ID = /^[A-Za-z0-9_-]{16}$/;
const notFound = () => new AppError('not_found', 'No such project.');
const ownerOnly = () => new AppError('forbidden', 'Only the owner of the project can delete it or choose who it is shared with.');

/**
 * Implementation projects with their stakeholders. A project is its owner's and the colleagues they share it with
 * (members read and edit everything in it); everyone else gets a 404. Every project route, the contact log's
 * (contacts.ts) and the plan's too, goes through `get`, so this is the one place that decides.
 */
export function createProjectService(store: Store, audit: AuditService = createAuditService(store)) {
  const repo = store.projects;
  const now = () => new Date().toISOString();

  async function get(user: UserRecord, publicId: string): Promise<ProjectRecord> {
    const p = ID.test(publicId) ? await repo.find(publicId) : null;
    if (!p || (p.ownerId !== user.id && !(await repo.isMember(p.id, user.id)))) throw notFound();
    return p;
  }
  /** For the owner's acts: a member learns why not (403; they know the project exists), anyone else still gets a 404. */
  async function getOwned(user: UserRecord, publicId: string): Promise<ProjectRecord> {
    const p = await get(user, publicId);
    if (p.ownerId !== user.id) throw ownerOnly();
    return p;
  }
  async function stakeholder(user: UserRecord, projectId: string, sid: string): Promise<{ project: ProjectRecord; s: StakeholderRecord }> {
    const project = await get(user, projectId);
    const s = ID.test(sid) ? await repo.findStakeholder(project.id, sid) : null;
    if (!s) throw new AppError('not_found', 'No such stakeholder.');
    return { project, s };
  }
  /**
   * Drives the consultant changes are theirs from then on (the contact log no longer replaces them); clearing them
   * hands them back to the log, which decides again at once from the readings so far.
   */
  async function drivesChange(s: StakeholderRecord, drives: DriveId[] | undefined): Promise<StakeholderChange> {
    if (!drives || drives.join() === s.drives.join()) return {};
    if (drives.length) return { drivesByHand: true };
    return { drives: likelyDrives(await store.contacts.readings(s.id)), drivesByHand: false };
  }

  return {
    get,
    getOwned,
    list: (user: UserRecord) => repo.list(user.id),
    create: (user: UserRecord, fields: ProjectFields) => repo.create({ ...fields, publicId: newId(), ownerId: user.id, now: now() }),
    async update(user: UserRecord, publicId: string, change: Partial<ProjectFields>) {
      return repo.update((await get(user, publicId)).id, change, now());
    },
    async setChange(user: UserRecord, publicId: string, change: Record<string, number>) {
      return repo.setChange((await get(user, publicId)).id, change, now());
    },
    async remove(user: UserRecord, publicId: string) {
      const project = await getOwned(user, publicId);
      await repo.remove(project.id);
      await store.scrub(); // stakeholder names leave the database's files too
      await audit.recordAfter({ ...byUser(user), action: 'delete.project', target: project.publicId });
    },
    async stakeholders(user: UserRecord, publicId: string) {
      return repo.stakeholders((await get(user, publicId)).id);
    },
    async addStakeholder(user: UserRecord, publicId: string, fields: StakeholderFields) {
      return repo.addStakeholder((await get(user, publicId)).id, { ...fields, publicId: newId(), now: now() });
    },
    async getStakeholder(user: UserRecord, projectId: string, sid: string) {
      return (await stakeholder(user, projectId, sid)).s;
    },
    async updateStakeholder(user: UserRecord, projectId: string, sid: string, change: Partial<StakeholderFields>) {
      const { s } = await stakeholder(user, projectId, sid);
      return repo.updateStakeholder(s.id, { ...change, ...(await drivesChange(s, change.drives)) }, now());
    },
    async removeStakeholder(user: UserRecord, projectId: string, sid: string) {
      const { project, s } = await stakeholder(user, projectId, sid);
      await repo.removeStakeholder(s.id);
      await store.scrub();
      // The stakeholder's public id only: their name is what was just deleted.
      await audit.recordAfter({
        ...byUser(user),
        action: 'delete.stakeholder',
        target: project.publicId,
        detail: { stakeholder: s.publicId },
      });
    },

    /** The owner and the colleagues the project is shared with (visible to all of them). */
    async members(user: UserRecord, publicId: string): Promise<{ owner: ProjectMember | null; members: ProjectMember[] }> {
      const p = await get(user, publicId);
      const owner = await store.users.findById(p.ownerId);
      return {
        owner: owner ? { id: owner.id, email: owner.email, name: owner.name, addedAt: p.createdAt } : null,
        members: await repo.members(p.id),
      };
    },
    /** The owner shares the project with a colleague who has an account (any role: all may use the toolkit). */
    async addMember(user: UserRecord, publicId: string, email: string) {
      const p = await getOwned(user, publicId);
      const found = await store.users.findForLogin(email.trim().toLowerCase());
      if (!found) {
        throw new AppError('validation_failed', 'There is no user with this e-mail address.', {
          fields: [{ field: 'email', message: 'no user with this address' }],
        });
      }
      if (found.id === p.ownerId) throw new AppError('conflict', 'This is the owner of the project.');
      const added = await repo.addMember(p.id, found.id, now());
      if (added === 'added')
        await audit.recordAfter({ ...byUser(user), action: 'project.share', target: p.publicId, detail: { member: found.id } });
      return { added: added === 'added', member: { id: found.id, email: found.email, name: found.name } };
    },
    /** The owner removes a member; a member may leave. */
    async removeMember(user: UserRecord, publicId: string, userId: number) {
      const p = await get(user, publicId);
      if (p.ownerId !== user.id && userId !== user.id) throw ownerOnly();
      if (!(await repo.removeMember(p.id, userId))) throw new AppError('not_found', 'This user is not a member of the project.');
      const left = userId === user.id;
      await audit.recordAfter({ ...byUser(user), action: 'project.unshare', target: p.publicId, detail: { member: userId, left } });
    },
  };
}
export type ProjectService = ReturnType<typeof createProjectService>;
