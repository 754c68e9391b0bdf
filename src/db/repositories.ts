import { createAssessmentRepo, type AssessmentHotPaths } from './assessments';
import { createLoginSessionRepo } from './login-sessions';
import { createProjectRepo } from './projects';
import { createRateLimitRepo } from './rate-limits';
import type { Sql } from './sql';
import { createStatsRepo } from './stats';
import type { Store } from './store';
import { createUserRepo } from './users';
import { createUserTokenRepo } from './user-tokens';
import { createWorkshopRepo } from './workshops';
import { createExerciseRepo, createRemarkRepo } from './exercises';
import { createReaderCorrectionRepo } from './reader-corrections';
import { createContactRepo } from './contacts';
import { createPlanActionRepo } from './plan-actions';
import { createSurveyRepo } from './surveys';
import { createAuditRepo } from './audit';

/** Every repository over one adapter; each backend adds its own hot paths for assessments. */
export function repositories(
  sql: Sql,
  hot: AssessmentHotPaths,
): Pick<
  Store,
  | 'assessments'
  | 'users'
  | 'userTokens'
  | 'loginSessions'
  | 'rateLimits'
  | 'workshops'
  | 'projects'
  | 'contacts'
  | 'planActions'
  | 'surveys'
  | 'stats'
  | 'exercises'
  | 'remarks'
  | 'readerCorrections'
  | 'audit'
> {
  return {
    assessments: createAssessmentRepo(sql, hot),
    users: createUserRepo(sql),
    userTokens: createUserTokenRepo(sql),
    loginSessions: createLoginSessionRepo(sql),
    rateLimits: createRateLimitRepo(sql),
    workshops: createWorkshopRepo(sql),
    projects: createProjectRepo(sql),
    contacts: createContactRepo(sql),
    planActions: createPlanActionRepo(sql),
    surveys: createSurveyRepo(sql),
    stats: createStatsRepo(sql),
    exercises: createExerciseRepo(sql),
    remarks: createRemarkRepo(sql),
    readerCorrections: createReaderCorrectionRepo(sql),
    audit: createAuditRepo(sql),
  };
}
