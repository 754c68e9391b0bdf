/**
 * Numbered migrations, one list for both backends, applied in order and recorded in schema_migrations; one file
 * each. Never edit a released one. The DDL is written once; what differs per engine is the `Dialect`
 * (dialect.ts: the one place where the types differ), migration 8, which moves PostgreSQL to native types, and
 * the audit log's triggers in migration 17.
 */
import type { Migration } from './dialect';
import { migration as m1 } from './001-assessments-and-answers';
import { migration as m2 } from './002-users-login-sessions-workshops';
import { migration as m3 } from './003-own-profiles-projects-stakeholders';
import { migration as m4 } from './004-consent-version-and-retention';
import { migration as m5 } from './005-frozen-norm-tables';
import { migration as m6 } from './006-shared-rate-limit-counters';
import { migration as m7 } from './007-published-team-aggregate';
import { migration as m8 } from './008-native-types-on-postgresql';
import { migration as m9 } from './009-norm-table-scoring-version';
import { migration as m10 } from './010-workshop-studio';
import { migration as m11 } from './011-co-trainers-and-team-agreements';
import { migration as m12 } from './012-drive-reader-corrections';
import { migration as m13 } from './013-stakeholders-over-time';
import { migration as m14 } from './014-pulse-surveys';
import { migration as m15 } from './015-project-members-and-plan';
import { migration as m16 } from './016-change-description';
import { migration as m17 } from './017-audit-log';
import { migration as m18 } from './018-user-status-and-tokens';
import { migration as m19 } from './019-single-sign-on';

export type { Dialect, Migration } from './dialect';
export { POSTGRES, SQLITE } from './dialect';
export { AUDIT_MIN_DAYS } from './017-audit-log';

export const MIGRATIONS: Migration[] = [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19];
