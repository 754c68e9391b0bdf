import type { Lang, DriveId } from '../domain/drives';
import type { ScoredProfile } from '../domain/scoring';

/** Workshops (sessions) as stored: the records and the repository of store.ts's Store. */
export type WorkshopRecord = {
  id: number;
  publicId: string;
  ownerId: number;
  title: string;
  lang: Lang;
  anonymous: boolean;
  minGroupSize: number;
  code: string;
  status: 'open' | 'closed';
  revealed: boolean;
  createdAt: string;
  /** Kept until this time (ISO) when the trainer extended it; otherwise created + the retention period. */
  keepUntil: string | null;
  /** The membership of the shown team chart of an anonymous session (JSON, see domain/disclosure), or null. */
  teamPublished: string | null;
  /** The step projector and phones show: 'lobby', 'team', 'end' or an exercise's public id (domain/studio/steps). */
  step: string;
  /** Whether recognise rounds earn points and the projector shows a leaderboard. */
  points: boolean;
  /** The team's agreements ("what we do differently with clients"), in the trainer's order. */
  agreements: Agreement[];
};
export type Agreement = { text: string; drive: DriveId | null };
/** A session in a trainer's list: `shared` when they are its co-trainer, not its owner. */
export type ListedWorkshop = WorkshopRecord & { shared: boolean };
export type CoTrainer = { id: number; email: string; name: string; addedAt: string };
export type NewWorkshop = Omit<
  WorkshopRecord,
  'id' | 'status' | 'revealed' | 'keepUntil' | 'teamPublished' | 'step' | 'points' | 'agreements'
> & {
  points?: boolean;
};
/** answered is null for a completed participant: they answered everything. */
export type ParticipantRow = {
  id: number;
  name: string | null;
  answered: number | null;
  completedAt: string | null;
  profile: ScoredProfile | null;
  joinedAt: string;
};

export interface WorkshopRepo {
  create(input: NewWorkshop): Promise<WorkshopRecord | 'code_taken'>;
  findByPublicId(publicId: string): Promise<WorkshopRecord | null>;
  findByCode(code: string): Promise<WorkshopRecord | null>;
  findById(id: number): Promise<WorkshopRecord | null>;
  /** All workshops, or those one trainer owns or co-trains; newest first. */
  list(ownerId: number | null): Promise<ListedWorkshop[]>;
  setAgreements(id: number, items: Agreement[]): Promise<void>;
  /** Adds a co-trainer; 'exists' when they already are one. */
  addTrainer(workshopId: number, userId: number, now: string): Promise<'added' | 'exists'>;
  removeTrainer(workshopId: number, userId: number): Promise<boolean>;
  trainers(workshopId: number): Promise<CoTrainer[]>;
  isTrainer(workshopId: number, userId: number): Promise<boolean>;
  update(id: number, change: Partial<Pick<WorkshopRecord, 'status' | 'revealed' | 'keepUntil'>>): Promise<void>;
  remove(id: number): Promise<void>;
  /** Deletes one participant (assessment) of a workshop; false when it is not theirs. */
  removeParticipant(workshopId: number, assessmentId: number): Promise<boolean>;
  /** Sets teamPublished to `next` only if it is still `expected` (compare and set); false when another write came first. */
  publishTeam(id: number, expected: string | null, next: string): Promise<boolean>;
  /** Deletes workshops (with participants) created before `createdBefore` and not kept past `now`; returns how many. */
  purgeExpired(createdBefore: string, now: string): Promise<number>;
  participants(id: number): Promise<ParticipantRow[]>;
  countParticipants(id: number): Promise<number>;
}
