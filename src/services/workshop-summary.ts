import { createHash } from 'node:crypto';
import { parseMembership, publication } from '../domain/disclosure';
import { driveStats, memberStatus, teamInsights } from '../domain/team';
import type { ParticipantRow, WorkshopRecord, WorkshopRepo } from '../db/store';
import { AppError } from '../errors';

/**
 * The summary of a workshop as its dashboard and the API show it, and whose scores its team chart covers
 * (the published set of an anonymous session).
 */
export function workshopSummary(repo: WorkshopRepo, totalItems: () => number) {
  // A participant as a member of a published set: opaque, and new when an id is reused for someone else.
  const memberKey = (w: WorkshopRecord, r: ParticipantRow) =>
    createHash('sha256').update(`${w.publicId}:${r.id}@${r.completedAt}`).digest('base64url').slice(0, 16);

  /**
   * Whose scores the team chart of a revealed session covers. Named: everyone who completed, live.
   * Anonymous: the published set (domain/disclosure), which moves on in steps of at least minGroupSize
   * people; stored with compare-and-set, so instances that race agree on one version.
   */
  async function teamMembers(w: WorkshopRecord, completed: ParticipantRow[]) {
    if (!w.revealed) return { members: [], published: null };
    if (!w.anonymous) return { members: completed, published: null };
    let record = w;
    for (let attempt = 0; attempt < 5; attempt++) {
      const keyed = new Map(completed.map((r) => [memberKey(record, r), r]));
      const p = publication([...keyed.keys()], parseMembership(record.teamPublished), record.minGroupSize);
      const next = p.publish && JSON.stringify(p.publish);
      if (next === null || (await repo.publishTeam(record.id, record.teamPublished, next))) {
        const members = p.shown ? p.shown.map((key) => keyed.get(key)!) : null;
        return { members, published: { count: members ? members.length : null, nextAt: p.nextAt } };
      }
      // Another request published first: decide again against what it stored.
      record = (await repo.findById(w.id)) ?? record;
    }
    throw new AppError('unavailable', 'The team chart is being updated; please try again.');
  }

  async function summary(w: WorkshopRecord) {
    const rows = await repo.participants(w.id);
    const total = totalItems();
    const completed = rows.filter((r) => r.profile && r.completedAt);
    const { members, published } = await teamMembers(w, completed);
    const showScores = w.revealed && members !== null && members.length > 0;
    const named = (members ?? []).map((r) => ({ name: r.name ?? '', profile: r.profile! }));
    const stats = showScores ? driveStats(named.map((m) => m.profile)) : [];
    return {
      id: w.publicId,
      code: w.code,
      title: w.title,
      lang: w.lang,
      status: w.status,
      revealed: w.revealed,
      anonymous: w.anonymous,
      minGroupSize: w.minGroupSize,
      participants: rows.length,
      completed: completed.length,
      canReveal: completed.length >= w.minGroupSize,
      keepUntil: w.keepUntil,
      /** Anonymous and revealed: how many the chart covers (null: hidden until the next step) and when it moves on. */
      published,
      drives: stats,
      insights: showScores ? teamInsights(named, stats) : null,
      members: rows.map((r) => ({
        id: r.id,
        name: r.name ?? '',
        status: memberStatus({ answered: r.answered ?? total, profile: r.profile }),
        answered: r.answered ?? total,
        total,
        // Individual profiles only in named sessions, and only once the team chart is revealed. Kept small:
        // this summary goes to every open dashboard on every change (500 of them in the benchmark), so only the
        // combined scores the dashboard draws; the top band (up to six drives) stays on the profile itself.
        ...(w.revealed && !w.anonymous && r.profile
          ? { profile: { combined: Object.fromEntries(r.profile.scores.map((x) => [x.drive, x.combined])) } }
          : {}),
      })),
    };
  }
  return { summary, teamMembers };
}
