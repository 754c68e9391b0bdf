import type { Content } from '../content/load';
import type { Translate } from '../content/texts';
import type { PlanActionRecord, ProjectRecord, StakeholderRecord, SurveyRecord } from '../db/store';
import type { Lang } from '../domain/drives';
import type { SupportPoint } from '../domain/support-trend';
import type { ChangeService } from '../services/change';
import type { DepartmentView } from '../services/surveys';
import { changeView } from './change';
import { developmentView } from './development';
import { formatter } from './format';
import { projectView } from './project';
import { projectOverTime } from './project-over-time';
import { surveyResultsView } from './survey';

/** The change matrix is summed up per department in the report only when it fits on part of a page. */
export const SHORT_MATRIX = 8;

type Described = Awaited<ReturnType<ChangeService['describe']>>;
export type ReportSurvey = {
  survey: SurveyRecord;
  round: number;
  responses: number;
  departments: DepartmentView[];
  statements: { id: string; text: string }[];
  scale: readonly string[];
};

/**
 * The printed project report for the client's decision makers: the existing presenters' views, narrowed to what may go on
 * paper. Survey departments keep the suppression rule, and the open answers are left out: they are for the owner and members
 * on screen only, and a quote can give away who wrote it.
 */
export function projectReportView(args: {
  project: ProjectRecord;
  stakeholders: StakeholderRecord[];
  histories: readonly (readonly SupportPoint[])[];
  described: Described;
  surveys: ReportSurvey[];
  actions: PlanActionRecord[];
  content: Content;
  lang: Lang;
  t: Translate;
  now: Date;
}) {
  const { content, lang, t } = args;
  const fmt = formatter(lang);
  const today = args.now.toISOString().slice(0, 10);
  const map = projectView(args.stakeholders, content, lang, t);
  // No next actions in the report: they are the consultant's to-do list, not the client's.
  const overTime = projectOverTime(args.stakeholders, args.histories, [], lang, t);
  const change = changeView(args.described, content, lang, t);
  const plan = developmentView(args.actions, [], content, lang, t, today);
  const surveys = args.surveys.map((s) => ({
    title: s.survey.title,
    round: s.round,
    responses: s.responses,
    departments: surveyResultsView({
      survey: s.survey,
      departments: s.departments,
      statements: s.statements,
      scale: s.scale,
      drives: content.current.model.drives,
      lang,
      t,
      fmt,
    }).map((d) =>
      d.suppressed
        ? { department: d.department, suppressed: true as const }
        : {
            department: d.department,
            suppressed: false as const,
            n: d.n,
            items: d.items,
            chart: d.chart,
            drives: d.drives,
            themes: d.themes.slice(0, 5),
          },
    ),
    scale: s.scale,
  }));
  const threatened = change.impact.filter((i) => i.kind === 'threatened');
  return {
    p: args.project,
    today: fmt.date(args.now.toISOString()),
    map: { svg: map.map, rows: map.rows },
    grid: { svg: overTime.grid, people: overTime.people },
    trend: overTime.trend,
    change: {
      described: change.described,
      impact: change.impact,
      threatened: threatened.length,
      // Per department only, and only when short: per person the matrix is a working list, not a page for decision makers.
      departments: change.departments.length <= SHORT_MATRIX ? change.departments : null,
    },
    surveys,
    plan: { groups: plan.groups, count: plan.count },
  };
}
export type ProjectReportView = ReturnType<typeof projectReportView>;
