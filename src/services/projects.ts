import { randomBytes } from 'node:crypto';
import type { ProjectFields, ProjectRecord, StakeholderFields, StakeholderRecord, Store, UserRecord } from '../db/store';
import { AppError } from '../errors';

const newId = () => randomBytes(12).toString('base64url');
const ID = /^[A-Za-z0-9_-]{16}$/;
const notFound = () => new AppError('not_found', 'No such project.');

/** Implementation projects with their stakeholders; private to their owner (others get a 404). */
export function createProjectService(store: Store) {
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

  return {
    get,
    list: (user: UserRecord) => repo.list(user.id),
    create: (user: UserRecord, fields: ProjectFields) => repo.create({ ...fields, publicId: newId(), ownerId: user.id, now: now() }),
    async update(user: UserRecord, publicId: string, change: Partial<ProjectFields>) {
      return repo.update((await get(user, publicId)).id, change, now());
    },
    async remove(user: UserRecord, publicId: string) {
      await repo.remove((await get(user, publicId)).id);
      await store.scrub(); // stakeholder names leave the database's files too
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
      return repo.updateStakeholder((await stakeholder(user, projectId, sid)).s.id, change, now());
    },
    async removeStakeholder(user: UserRecord, projectId: string, sid: string) {
      await repo.removeStakeholder((await stakeholder(user, projectId, sid)).s.id);
      await store.scrub();
    },
  };
}
export type ProjectService = ReturnType<typeof createProjectService>;
