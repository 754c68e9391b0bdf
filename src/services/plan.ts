import type { PlanActionChange, PlanActionFields, PlanActionRecord, Store, UserRecord } from '../db/store';
import { AppError } from '../errors';
import { ID, newId, type ProjectService } from './projects';

const noAction = () => new AppError('not_found', 'No such action.');

/**
 * The development plan ("ontwikkelplan") of a project: concerns become actions, adapting the software or training
 * and supporting people. Authorised through the project service, so the owner and the members, as everything in a project.
 */
export function createPlanService(store: Store, projects: ProjectService, clock = () => new Date()) {
  const repo = store.planActions;
  const now = () => clock().toISOString();

  async function action(user: UserRecord, projectId: string, aid: string): Promise<PlanActionRecord> {
    const p = await projects.get(user, projectId);
    const a = ID.test(aid) ? await repo.find(p.id, aid) : null;
    if (!a) throw noAction();
    return a;
  }

  return {
    get: action,
    async list(user: UserRecord, projectId: string) {
      return repo.list((await projects.get(user, projectId)).id);
    },
    /** An action from a contact must name a contact of this project; without a drive of its own it takes the reading's strongest. */
    async add(user: UserRecord, projectId: string, fields: PlanActionFields) {
      const p = await projects.get(user, projectId);
      let drive: string | null = fields.drive;
      if (fields.sourceKind === 'contact') {
        const reading = await repo.contactReading(p.id, fields.sourceRef!);
        if (reading === undefined) {
          throw new AppError('validation_failed', 'There is no such contact in this project.', {
            fields: [{ field: 'sourceRef', message: 'no contact with this id in the project' }],
          });
        }
        drive ??= reading?.drives[0]?.drive ?? null;
      }
      return repo.add(p.id, { ...fields, drive, publicId: newId(), now: now() });
    },
    async update(user: UserRecord, projectId: string, aid: string, change: PlanActionChange) {
      return repo.update((await action(user, projectId, aid)).id, change, now());
    },
    async remove(user: UserRecord, projectId: string, aid: string) {
      await repo.remove((await action(user, projectId, aid)).id);
    },
    /** Remarks from the contact log that no action comes from yet: what the consultant may still act on. */
    async concerns(user: UserRecord, projectId: string) {
      return repo.openConcerns((await projects.get(user, projectId)).id);
    },
  };
}
export type PlanService = ReturnType<typeof createPlanService>;
