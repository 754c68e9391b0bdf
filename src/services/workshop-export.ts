import type { WorkshopRecord, WorkshopRepo } from '../db/store';
import { driveStats, type DriveStats } from '../domain/team';
import { AppError } from '../errors';
import type { workshopSummary } from './workshop-summary';

export type ExportRow = {
  name: string;
  completedAt: string;
  scores: { drive: string; likert: number; choice: number; combined: number }[];
};
export type ExportData = { kind: 'rows'; rows: ExportRow[] } | { kind: 'group'; n: number; drives: DriveStats[] };
/** The download formats of a workshop's results, as the audit log names them. */
export type ExportFormat = 'csv' | 'excel' | 'json';

type TeamMembers = ReturnType<typeof workshopSummary>['teamMembers'];

/**
 * What a trainer may download of a workshop: nothing before the reveal; then in a named session one row per completed
 * participant, in an anonymous one only the published group figures (see WorkshopService.exportData).
 */
export function workshopExportable(repo: WorkshopRepo, teamMembers: TeamMembers) {
  return async function exportable(w: WorkshopRecord): Promise<ExportData> {
    if (!w.revealed)
      throw new AppError('conflict', 'The results can be downloaded once the team chart has been shown.', { revealed: false });
    const completed = (await repo.participants(w.id)).filter((r) => r.profile && r.completedAt);
    if (w.anonymous) {
      const { members, published } = await teamMembers(w, completed);
      if (!members) {
        throw new AppError(
          'conflict',
          `The group figures are being renewed after a removal; they return at ${published!.nextAt} completed participants.`,
          { nextAt: published!.nextAt },
        );
      }
      return { kind: 'group', n: members.length, drives: driveStats(members.map((r) => r.profile!)) };
    }
    return {
      kind: 'rows',
      rows: completed.map((r) => ({
        name: r.name ?? '',
        completedAt: r.completedAt!,
        scores: r.profile!.scores.map(({ drive, likert, choice, combined }) => ({ drive, likert, choice, combined })),
      })),
    };
  };
}
