import type { Content } from '../content/load';
import type { Store } from '../db/store';
import { translator } from '../content/texts';
import { createAssessmentService } from './assessments';
import { createLiveHub, type LiveClock, type LiveHub } from './live';
import { createMyProfilesService } from './my-profiles';
import { createChangeService } from './change';
import { createContactService } from './contacts';
import { createProjectService } from './projects';
import { createPlanService } from './plan';
import { createReaderService } from './reader';
import { createSurveyService } from './surveys';
import { createUserService } from './users';
import type { Passwords } from './passwords';
import { createWorkshopService } from './workshops';
import { createStatsService } from './stats';
import { createStudioService } from './studio';
import { createTeamService } from './team';
import { createCombinedTeamService } from './team-combined';
import { createParticipantStudio } from './studio-participant';
import { createAuditService, type AuditServiceOptions } from './audit';

/**
 * All services over one store. A change to a workshop drops its cached summary and tells its live
 * dashboards, here and (through the store's change feed) on every other instance.
 */
/** Throttle of the trainer's exercise stream: 300 answers in 10 s reach the projector within a fraction of a second. */
export const STUDIO_THROTTLE_MS = 100;
/** Throttle of the phones' stream: a step change reaches every phone at once; an open question's wall at most twice a second. */
export const PHONE_THROTTLE_MS = 500;

export function createServices(
  db: Store,
  content: Content,
  live?: LiveHub,
  passwords?: Passwords,
  liveClock?: LiveClock,
  auditOptions: AuditServiceOptions = {},
) {
  // One audit log for every service; a record that cannot be written goes to the process log (app.ts).
  const audit = createAuditService(db, auditOptions);
  // The hub and the workshop service need each other: the hub asks for summaries, workshops announce changes.
  const stats = createStatsService(db, content, audit);
  const projects = createProjectService(db, audit);
  const reader = createReaderService(db, content);
  const hub = live ?? createLiveHub((id) => workshops.summaryJsonById(id), undefined, liveClock);
  // The studio: the trainer's exercise stream (progress of a round, fast) and the phones' stream (the step; same
  // text for everyone, so unchanged states are not sent again).
  // (On the system clock: tests that move the live clock by hand are about the dashboards' summaries.)
  const studioHub = createLiveHub((id) => studio.trainerState(id), STUDIO_THROTTLE_MS, undefined, true);
  const phoneHub = createLiveHub((id) => studio.phoneState(id), PHONE_THROTTLE_MS, undefined, true);
  const studioHere = (id: number) => {
    studioHub.notify(id);
    phoneHub.notify(id);
  };
  // A change made here: this instance's dashboards, then every other instance.
  // Saved questionnaire answers change the dashboards' progress, not the studio (whose counts are of members).
  const announce = (id: number, what: 'progress' | 'members' = 'members') => {
    hub.notify(id);
    if (what === 'members') studioHere(id);
    db.changes.publish(id);
  };
  const announceStudio = (id: number) => {
    studioHere(id);
    db.changes.publish(id, 'studio');
  };
  const assessments = createAssessmentService(db, content, {
    onWorkshopChange: (id, what) => {
      workshops.invalidate(id);
      announce(id, what);
    },
    // Other instances see new norms within NORMS_TTL_MS.
    onProfilesChange: (version) => stats.forgetNorms(version),
    audit,
  });
  const t = { nl: translator(content.texts.nl), en: translator(content.texts.en) };
  const workshops = createWorkshopService(db, assessments, {
    onChange: announce,
    aliasPrefix: (lang) => t[lang]('join.aliasPrefix'),
    audit,
  });
  // Changes made on other instances (several instances on one PostgreSQL database).
  const studio = createStudioService(db, content, workshops, { onChange: announceStudio, onLocalChange: studioHere }, audit);
  const participantStudio = createParticipantStudio(db, assessments, studio, announceStudio);
  db.changes.subscribe((id, topic) => {
    if (id === null) {
      workshops.invalidate(null);
      for (const h of [hub, studioHub, phoneHub]) h.notifyAll();
      return;
    }
    if (topic === 'workshop') {
      workshops.invalidate(id);
      hub.notify(id);
    }
    studioHere(id);
  });
  return {
    hub,
    studioHub,
    phoneHub,
    studio,
    participantStudio,
    combinedTeam: createCombinedTeamService(db, content, workshops),
    team: createTeamService(db, content, workshops, (id) => {
      workshops.invalidate(id);
      announce(id);
    }),
    assessments,
    workshops,
    users: createUserService(db, passwords, audit),
    audit,
    reader,
    myProfiles: createMyProfilesService(db),
    projects,
    contacts: createContactService(db, content, projects),
    plan: createPlanService(db, projects),
    surveys: createSurveyService(db, content, projects, reader, audit),
    change: createChangeService(projects, content),
    stats,
  };
}
export type Services = ReturnType<typeof createServices>;
