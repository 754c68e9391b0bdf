import type { AssessmentRecord } from '../db/store';
import { DRIVE_IDS, driveLabel, type DriveId, type Lang } from '../domain/drives';
import type { Model } from '../domain/model';
import type { StatsService } from '../services/stats';
import { formatter } from './format';

type Completed = AssessmentRecord;
type Changes = Awaited<ReturnType<StatsService['changes']>>;

/** Dates that tell the profiles apart: the day; the day and time where two fall on one day; seconds where even that is the same. */
function whenLabels(isos: string[], lang: Lang): string[] {
  const fmt = formatter(lang);
  const twice = (labels: string[], i: number) => labels.filter((d) => d === labels[i]).length > 1;
  const days = isos.map((iso) => fmt.shortDate(iso));
  const times = isos.map((iso, i) => (twice(days, i) ? fmt.shortDateTime(iso) : days[i]!));
  return isos.map((iso, i) => (twice(times, i) ? fmt.secondsDateTime(iso) : times[i]!));
}

/** "My profiles": one row per completed profile, newest first as the service lists them. */
export function historyView(list: Completed[], model: Model, lang: Lang) {
  const label = driveLabel(model.drives, lang);
  const dates = whenLabels(
    list.map((a) => a.completedAt!),
    lang,
  );
  return list.map((a, i) => ({
    id: a.id,
    date: dates[i]!,
    href: `/me/profiles/${a.id}`,
    version: a.modelVersion,
    primary: a.profile!.primary.map((d) => label(d).name).join(', '),
  }));
}

/** Two of one's profiles side by side: per drive both scores, the change and whether it is reliable; and the chart. */
export function compareView(a: Completed, b: Completed, changes: Changes, model: Model, lang: Lang) {
  const label = driveLabel(model.drives, lang);
  const score = (p: Completed, d: DriveId) => p.profile!.scores.find((s) => s.drive === d)!.combined;
  const rows = DRIVE_IDS.map((d) => {
    const c = changes.find((x) => x.drive === d)!;
    return { drive: d, name: label(d).name, a: score(a, d), b: score(b, d), change: c.combined, rci: c.rci, reliable: c.reliable };
  });
  const [labelA, labelB] = whenLabels([a.completedAt!, b.completedAt!], lang) as [string, string];
  return {
    rows,
    labelA,
    labelB,
    // The earlier profile in a neutral colour, the later one in the accent (public/js/charts.js, kind "pair").
    chart: {
      labels: rows.map((r) => r.name),
      series: [
        { label: labelA, values: rows.map((r) => r.a), tone: 'before' },
        { label: labelB, values: rows.map((r) => r.b), tone: 'after' },
      ],
    },
  };
}
