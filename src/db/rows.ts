import type { DriveId, Lang } from '../domain/drives';
import type { ScoredProfile } from '../domain/scoring';
import { readProfile } from '../domain/stored-profile';
import type { AssessmentRecord, NormTable, ParticipantRow, Role, UserRecord, UserStatus, WorkshopRecord } from './store';

/**
 * Table rows as both adapters return them (same columns; ISO text for times; JSON as text; booleans as
 * 0/1 from SQLite and true/false from PostgreSQL) and their mapping to the records of store.ts: one
 * place, so SQLite and PostgreSQL cannot drift.
 */
export type AssessmentRow = {
  id: number;
  lang: Lang;
  name: string | null;
  model_version: string;
  consent_at: string;
  created_at: string;
  completed_at: string | null;
  profile_json: string | null;
  workshop_id: number | null;
  user_id: number | null;
  consent_version: string;
};
export const ASSESSMENT_COLUMNS =
  'id, lang, name, model_version, consent_at, consent_version, created_at, completed_at, profile_json, workshop_id, user_id';

export const toAssessment = (r: AssessmentRow): AssessmentRecord => ({
  id: r.id,
  lang: r.lang,
  name: r.name,
  modelVersion: r.model_version,
  consentAt: r.consent_at,
  createdAt: r.created_at,
  completedAt: r.completed_at,
  profile: r.profile_json ? readProfile(r.profile_json) : null,
  workshopId: r.workshop_id,
  userId: r.user_id,
  consentVersion: r.consent_version,
});

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  created_at: string;
  password_hash: string;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  status: UserStatus;
  last_login_at: string | null;
};
export const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  status: r.status,
  lastLoginAt: r.last_login_at,
  hasPassword: r.password_hash !== '',
});

export type WorkshopRow = {
  id: number;
  public_id: string;
  owner_id: number;
  title: string;
  lang: Lang;
  anonymous: number | boolean;
  min_group_size: number;
  code: string;
  status: 'open' | 'closed';
  revealed: number | boolean;
  created_at: string;
  keep_until: string | null;
  team_published: string | null;
  step: string;
  points: number | boolean;
  agreements: string;
};
export const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id,
  publicId: r.public_id,
  ownerId: r.owner_id,
  title: r.title,
  lang: r.lang,
  anonymous: Boolean(r.anonymous),
  minGroupSize: r.min_group_size,
  code: r.code,
  status: r.status,
  revealed: Boolean(r.revealed),
  createdAt: r.created_at,
  keepUntil: r.keep_until,
  teamPublished: r.team_published,
  step: r.step,
  points: Boolean(r.points),
  agreements: JSON.parse(r.agreements) as WorkshopRecord['agreements'],
});

/** One participant as the workshop overview reads it; `answered` is null once completed (answered everything). */
export type ParticipantDbRow = {
  id: number;
  name: string | null;
  created_at: string;
  completed_at: string | null;
  profile_json: string | null;
  answered: number | null;
};
export const PARTICIPANTS_SQL = `SELECT a.id, a.name, a.created_at, a.completed_at, a.profile_json,
     CASE WHEN a.completed_at IS NULL THEN
       (SELECT count(*) FROM likert_answers l WHERE l.assessment_id = a.id)
       + (SELECT count(*) FROM choice_answers c WHERE c.assessment_id = a.id) END AS answered
   FROM assessments a WHERE a.workshop_id = $1 ORDER BY a.id`;

/** Maps participant rows, parsing each completed profile once (keyed by id and completion time, as ids can be reused). */
export function participantMapper() {
  const parsed = new Map<string, ScoredProfile>();
  const profileOf = (id: number, completedAt: string, json: string): ScoredProfile => {
    const key = `${id}|${completedAt}`;
    let p = parsed.get(key);
    if (!p) {
      if (parsed.size > 50_000) parsed.clear();
      parsed.set(key, (p = readProfile(json)));
    }
    return p;
  };
  return (r: ParticipantDbRow): ParticipantRow => ({
    id: r.id,
    name: r.name,
    answered: r.answered,
    completedAt: r.completed_at,
    profile: r.profile_json && r.completed_at ? profileOf(r.id, r.completed_at, r.profile_json) : null,
    joinedAt: r.created_at,
  });
}

export type NormRow = {
  id: number;
  model_version: string;
  created_at: string;
  n: number;
  scores_json: string;
  active: number | boolean;
  scoring: number;
};
export const toNorm = (r: NormRow): NormTable => ({
  id: r.id,
  modelVersion: r.model_version,
  createdAt: r.created_at,
  n: r.n,
  active: Boolean(r.active),
  scoring: Number(r.scoring),
  scores: JSON.parse(r.scores_json) as Record<DriveId, number[]>,
});
