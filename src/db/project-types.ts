import type { DriveId } from '../domain/drives';

/** Roll-out projects, their members and stakeholders (see ProjectRepo). */
export type ProjectRecord = {
  id: number;
  publicId: string;
  ownerId: number;
  client: string;
  system: string;
  phase: string;
  notes: string;
  /** The change described on the dimensions of data/change/dimensions.json: id → intensity 0–3 (left out: 0). */
  change: Record<string, number>;
  createdAt: string;
  updatedAt: string;
};
export type ProjectFields = Pick<ProjectRecord, 'client' | 'system' | 'phase' | 'notes'>;
/** A project in someone's list: `sharedBy` is the owner's name when a colleague shared it with them, else null. */
export type ListedProject = ProjectRecord & { sharedBy: string | null };
/** A colleague a project is shared with. */
export type ProjectMember = { id: number; email: string; name: string; addedAt: string };
export type StakeholderRecord = {
  id: number;
  publicId: string;
  projectId: number;
  name: string;
  department: string;
  influence: number;
  support: number;
  drives: DriveId[];
  concerns: string;
  approach: string;
  lastContact: string | null;
  /** Interest in the change, 1–5 (the power–interest grid). */
  interest: number;
  /** The support the consultant aims for, −2…+2 (current versus desired). */
  desiredSupport: number;
  /** The consultant chose the likely drives: the contact log's readings no longer replace them. */
  drivesByHand: boolean;
  createdAt: string;
  updatedAt: string;
};
/** What a stakeholder is made with; interest and desired support default to 3 and 0. */
export type StakeholderFields = Pick<
  StakeholderRecord,
  'name' | 'department' | 'influence' | 'support' | 'drives' | 'concerns' | 'approach' | 'lastContact'
> &
  Partial<Pick<StakeholderRecord, 'interest' | 'desiredSupport'>>;
export type StakeholderChange = Partial<StakeholderFields> & { drivesByHand?: boolean };

export interface ProjectRepo {
  create(input: ProjectFields & { publicId: string; ownerId: number; now: string }): Promise<ProjectRecord>;
  /** The user's own projects and those shared with them, most recently changed first. */
  list(userId: number): Promise<ListedProject[]>;
  find(publicId: string): Promise<ProjectRecord | null>;
  isMember(projectId: number, userId: number): Promise<boolean>;
  members(projectId: number): Promise<ProjectMember[]>;
  addMember(projectId: number, userId: number, now: string): Promise<'added' | 'exists'>;
  removeMember(projectId: number, userId: number): Promise<boolean>;
  update(id: number, change: Partial<ProjectFields>, now: string): Promise<ProjectRecord>;
  /** Replaces the project's change description (already checked against the dimensions). */
  setChange(id: number, change: Record<string, number>, now: string): Promise<ProjectRecord>;
  /** Deletes the project with all its stakeholders. */
  remove(id: number): Promise<void>;
  stakeholders(projectId: number): Promise<StakeholderRecord[]>;
  addStakeholder(projectId: number, input: StakeholderFields & { publicId: string; now: string }): Promise<StakeholderRecord>;
  findStakeholder(projectId: number, publicId: string): Promise<StakeholderRecord | null>;
  updateStakeholder(id: number, change: StakeholderChange, now: string): Promise<StakeholderRecord>;
  removeStakeholder(id: number): Promise<void>;
}
