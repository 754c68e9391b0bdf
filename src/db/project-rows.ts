import type { DriveId } from '../domain/drives';
import type { ProjectRecord, StakeholderRecord } from './store';

/** Project and stakeholder rows as both adapters return them, and their mapping (see rows.ts). */
export type ProjectRow = {
  id: number;
  public_id: string;
  owner_id: number;
  client: string;
  system: string;
  phase: string;
  notes: string;
  change_dimensions: string;
  created_at: string;
  updated_at: string;
};
export type StakeholderRow = {
  id: number;
  public_id: string;
  project_id: number;
  name: string;
  department: string;
  influence: number;
  support: number;
  drives: string;
  concerns: string;
  approach: string;
  last_contact: string | null;
  interest: number;
  desired_support: number;
  drives_by_hand: number | boolean;
  created_at: string;
  updated_at: string;
};

export const toProject = (r: ProjectRow): ProjectRecord => ({
  id: r.id,
  publicId: r.public_id,
  ownerId: r.owner_id,
  client: r.client,
  system: r.system,
  phase: r.phase,
  notes: r.notes,
  change: JSON.parse(r.change_dimensions) as Record<string, number>,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
export const toStakeholder = (r: StakeholderRow): StakeholderRecord => ({
  id: r.id,
  publicId: r.public_id,
  projectId: r.project_id,
  name: r.name,
  department: r.department,
  influence: r.influence,
  support: r.support,
  drives: JSON.parse(r.drives) as DriveId[],
  concerns: r.concerns,
  approach: r.approach,
  lastContact: r.last_contact,
  interest: r.interest,
  desiredSupport: r.desired_support,
  drivesByHand: r.drives_by_hand === true || r.drives_by_hand === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

// Column names for the fields a caller may change; nothing else reaches the SQL text.
export const PROJECT_COLUMNS: Record<string, string> = { client: 'client', system: 'system', phase: 'phase', notes: 'notes' };
export const STAKEHOLDER_COLUMNS: Record<string, string> = {
  name: 'name',
  department: 'department',
  influence: 'influence',
  support: 'support',
  drives: 'drives',
  concerns: 'concerns',
  approach: 'approach',
  lastContact: 'last_contact',
  interest: 'interest',
  desiredSupport: 'desired_support',
  drivesByHand: 'drives_by_hand',
};
