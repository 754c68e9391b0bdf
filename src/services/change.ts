import type { Content } from '../content/load';
import type { UserRecord } from '../db/store';
import { changeImpact, departmentRows, personRows, resistanceMatrix, type ChangeProfile } from '../domain/change';
import type { Lang } from '../domain/drives';
import type { ProjectService } from './projects';

/** Only the dimensions the change shows: a 0 and a missing dimension mean the same, so 0s are not stored. */
const shown = (profile: ChangeProfile) =>
  Object.fromEntries(Object.entries(profile).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0));

/**
 * What the change of a project threatens: its description on the change dimensions, the impact per drive and the
 * resistance to expect per stakeholder and per department. Authorised through the project service (others: 404).
 */
export function createChangeService(projects: ProjectService, content: Content) {
  const data = content.change;
  return {
    /** `none` labels the people without a department. The input was checked by the route (changeProfileSchema). */
    async describe(user: UserRecord, projectId: string, lang: Lang, none: string) {
      const p = await projects.get(user, projectId);
      const people = (await projects.stakeholders(user, p.publicId)).map((s) => ({
        id: s.publicId,
        name: s.name,
        department: s.department,
        drives: s.drives,
      }));
      const impact = changeImpact(p.change, data, lang);
      return {
        project: p,
        dimensions: p.change,
        impact,
        stakeholders: resistanceMatrix(impact, personRows(people)),
        departments: resistanceMatrix(impact, departmentRows(people, none)),
        unknown: people.filter((s) => s.drives.length === 0).map((s) => s.name),
      };
    },
    async set(user: UserRecord, projectId: string, profile: ChangeProfile) {
      return projects.setChange(user, projectId, shown(profile));
    },
  };
}
export type ChangeService = ReturnType<typeof createChangeService>;
