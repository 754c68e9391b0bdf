import type { Content } from '../content/load';
import type { Translate } from '../content/texts';
import type { OpenConcern, PlanActionRecord } from '../db/store';
import { ACTION_STATUSES } from '../db/plan-actions';
import { dayFirst } from '../domain/day-date';
import { suggestedKind, titleFromRemark } from '../domain/development';
import { driveLabel, DRIVE_IDS, type DriveId, type Lang } from '../domain/drives';
import { formatter } from './format';

const isDrive = (d: string | null): d is DriveId => d !== null && (DRIVE_IDS as readonly string[]).includes(d);

/** The development page: the actions grouped by status, the concerns still to act on, and the guide per drive. */
export function developmentView(
  actions: PlanActionRecord[],
  concerns: OpenConcern[],
  content: Content,
  lang: Lang,
  t: Translate,
  today: string,
) {
  const label = driveLabel(content.current.model.drives, lang);
  const fmt = formatter(lang);
  const driveName = (d: string | null) => (isDrive(d) ? label(d).name : null);
  const row = (a: PlanActionRecord) => ({
    ...a,
    kindLabel: t(`development.kind.${a.kind}`),
    dueLabel: a.due ? fmt.shortDate(a.due) : null,
    overdue: a.due !== null && a.due < today && a.status !== 'done',
    driveName: driveName(a.drive),
    sourceLabel:
      a.sourceKind === 'survey'
        ? t('development.source.survey', { department: a.sourceRef!.slice(a.sourceRef!.indexOf(':') + 1) })
        : t(`development.source.${a.sourceKind}`),
    // The edit form's values, as the fields show them.
    values: { title: a.title, kind: a.kind, owner: a.owner, due: a.due ? dayFirst(a.due) : '', status: a.status, drive: a.drive ?? '' },
  });
  return {
    groups: ACTION_STATUSES.map((status) => ({
      status,
      label: t(`development.status.${status}`),
      actions: actions.filter((a) => a.status === status).map(row),
    })),
    count: actions.length,
    concerns: concerns.map((c) => {
      const drive = c.reading?.drives[0]?.drive ?? null;
      return {
        ...c,
        dateLabel: fmt.shortDate(c.date),
        drive,
        driveName: driveName(drive),
        hint: isDrive(drive) ? t(`development.guide.${drive}`) : null,
        kind: suggestedKind(isDrive(drive) ? drive : null),
        title: titleFromRemark(c.remark),
      };
    }),
    guide: DRIVE_IDS.map((d) => ({ drive: d, name: label(d).name, text: t(`development.guide.${d}`), kind: suggestedKind(d) })),
    driveOptions: DRIVE_IDS.map((d) => ({ id: d, name: label(d).name })),
  };
}
export type DevelopmentView = ReturnType<typeof developmentView>;
