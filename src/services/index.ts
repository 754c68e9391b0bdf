import type { Content } from '../content/load';
import type { Store } from '../db/store';
import { translator } from '../content/texts';
import { createAssessmentService } from './assessments';
import { createLiveHub, type LiveClock, type LiveHub } from './live';
import { createMyProfilesService } from './my-profiles';
import { createProjectService } from './projects';
import { createReaderService } from './reader';
import { createUserService } from './users';
import type { Passwords } from './passwords';
import { createWorkshopService } from './workshops';
import { createStatsService } from './stats';

/**
 * All services over one store. A change to a workshop drops its cached summary and tells its live
 * dashboards, here and (through the store's change feed) on every other instance.
 */
export function createServices(db: Store, content: Content, live?: LiveHub, passwords?: Passwords, liveClock?: LiveClock) {
  // The hub and the workshop service need each other: the hub asks for summaries, workshops announce changes.
  const stats = createStatsService(db, content);
  const hub = live ?? createLiveHub((id) => workshops.summaryJsonById(id), undefined, liveClock);
  // A change made here: this instance's dashboards, then every other instance.
  const announce = (id: number) => {
    hub.notify(id);
    db.changes.publish(id);
  };
  const assessments = createAssessmentService(db, content, {
    onWorkshopChange: (id) => {
      workshops.invalidate(id);
      announce(id);
    },
    // Other instances see new norms within NORMS_TTL_MS.
    onProfilesChange: (version) => stats.forgetNorms(version),
  });
  const t = { nl: translator(content.texts.nl), en: translator(content.texts.en) };
  const workshops = createWorkshopService(db, assessments, {
    onChange: announce,
    aliasPrefix: (lang) => t[lang]('join.aliasPrefix'),
  });
  // Changes made on other instances (several instances on one PostgreSQL database).
  db.changes.subscribe((id) => {
    workshops.invalidate(id);
    if (id === null) hub.notifyAll();
    else hub.notify(id);
  });
  return {
    hub,
    assessments,
    workshops,
    users: createUserService(db, passwords),
    reader: createReaderService(db, content),
    myProfiles: createMyProfilesService(db),
    projects: createProjectService(db),
    stats,
  };
}
export type Services = ReturnType<typeof createServices>;
