import { randomBytes } from 'node:crypto';
import { byUser, createAuditService, type AuditService } from './audit';
import type { ProjectFields, ProjectRecord, StakeholderChange, StakeholderFields, StakeholderRecord, Store, UserRecord } from '../db/store';
import type { DriveId } from '../domain/drives';
import { likelyDrives } from '../domain/reader/accumulate';
import { AppError } from '../errors';

/** Public ids of projects, stakeholders and contacts: 96 random bits, URL-safe (16 characters). */
export const newId = () => randomBytes(12).toString('base64url');
export const ID = /^[A-Za-z0-9_-]{16}$/;
const notFound = () => new AppError('not_found', 'No such project.');

/** Implementation projects with their stakeholders; private to their owner (others get a 404). The contact log: contacts.ts. */
export function createProjectService(store: Store, audit: AuditService = createAuditService(store)) {
  const repo = store.projects;
  const now = () => new Date().toISOString();

  async function get(user: UserRecord, publicId: string): Promise<ProjectRecord> {
    const p = ID.test(publicId) ? await repo.find(publicId) : null;
    if (!p || p.ownerId !== user.id) throw notFound();
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
    list: (user: UserRecord) => repo.list(user.id),
    create: (user: UserRecord, fields: ProjectFields) => repo.create({ ...fields, publicId: newId(), ownerId: user.id, now: now() }),
    async update(user: UserRecord, publicId: string, change: Partial<ProjectFields>) {
      return repo.update((await get(user, publicId)).id, change, now());
    },
    async remove(user: UserRecord, publicId: string) {
      const project = await get(user, publicId);
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
      await repo.removeStakeholder((await stakeholder(user, projectId, sid)).s.id);
      await store.scrub();
    },
  };
}
export type ProjectService = ReturnType<typeof createProjectService>;
