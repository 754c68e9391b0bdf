import type { Translate } from '../content/texts';
import type { StakeholderRecord } from '../db/store';
import { projectSupportTrend, type SupportPoint } from '../domain/support-trend';
import type { Lang } from '../domain/drives';
import { formatter } from './format';
import { mendelowQuadrant, powerInterestGrid } from './power-interest-svg';
import { supportTrendSvg } from './support-trend-svg';

type Action = {
  stakeholder: { publicId: string; name: string };
  contact: { publicId: string; nextStep: string | null; due: string | null };
  overdue: boolean;
};

/**
 * The project page's view over time: the power–interest grid (numbered as the map's list), current versus desired support
 * per person, the project's support trend from the log, and the open next actions (overdue first, as the service gives them).
 */
export function projectOverTime(
  stakeholders: readonly StakeholderRecord[],
  histories: readonly (readonly SupportPoint[])[],
  actions: readonly Action[],
  lang: Lang,
  t: Translate,
) {
  const fmt = formatter(lang);
  const trend = projectSupportTrend(histories);
  return {
    grid: powerInterestGrid(
      stakeholders.map((s, i) => ({ number: i + 1, influence: s.influence, interest: s.interest, drive: s.drives[0] ?? null })),
      t,
      fmt,
    ),
    people: stakeholders.map((s, i) => ({
      number: i + 1,
      publicId: s.publicId,
      name: s.name,
      interest: s.interest,
      influence: s.influence,
      quadrant: t(`stake.grid.${mendelowQuadrant(s)}`),
      current: fmt.signed(s.support),
      desired: fmt.signed(s.desiredSupport),
      gap: s.desiredSupport - s.support,
    })),
    trend: trend.length
      ? {
          svg: supportTrendSvg(
            trend.map((p) => ({ date: p.date, value: p.mean })),
            fmt,
          ),
          rows: trend.map((p) => ({ dateLabel: fmt.shortDate(p.date), mean: fmt.signed(Math.round(p.mean * 10) / 10), n: p.n })),
        }
      : null,
    actions: actions.map((a) => ({
      name: a.stakeholder.name,
      sid: a.stakeholder.publicId,
      contactId: a.contact.publicId,
      nextStep: a.contact.nextStep ?? '',
      dueLabel: a.contact.due ? fmt.shortDate(a.contact.due) : null,
      overdue: a.overdue,
    })),
  };
}
export type ProjectOverTime = ReturnType<typeof projectOverTime>;
