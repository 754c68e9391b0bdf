import type { Translate } from '../content/texts';
import type { SurveyRecord } from '../db/store';
import { driveLabel, type Lang } from '../domain/drives';
import type { DepartmentView } from '../services/surveys';
import { svgBarChart, type SvgBarChart } from './bar-chart-svg';
import type { Formatter } from './format';

/** One statement's distribution as a stacked bar (SVG user units 0–100): a segment per answer 1–5 that was given. */
export type Distribution = { segments: { value: number; x: number; width: number; count: number }[]; label: string };

export function distribution(counts: readonly number[], label: string): Distribution {
  const n = counts.reduce((a, c) => a + c, 0);
  let x = 0;
  const segments = counts.flatMap((count, i) => {
    if (!count) return [];
    const width = Math.round((count / n) * 10000) / 100;
    const s = { value: i + 1, x: Math.round(x * 100) / 100, width, count };
    x += width;
    return [s];
  });
  return { segments, label };
}

/** The results page's view of each department: statements with their bars, drives as an SVG bar chart, the action form's defaults. */
export function surveyResultsView(args: {
  survey: SurveyRecord;
  departments: DepartmentView[];
  statements: { id: string; text: string }[];
  scale: readonly string[];
  drives: Parameters<typeof driveLabel>[0];
  lang: Lang;
  t: Translate;
  fmt: Formatter;
}) {
  const { t, fmt } = args;
  const label = driveLabel(args.drives, args.lang);
  const statement = new Map(args.statements.map((s) => [s.id, s.text]));
  return args.departments.map((d) => {
    const trend = d.trend.map((p) => ({
      round: p.round,
      text: p.suppressed ? t('survey.suppressed') : t('survey.trendMean', { mean: fmt.stat(p.mean) }),
      suppressed: p.suppressed,
      // A bar on the 1–5 scale, 0–100 wide.
      width: p.mean === null ? 0 : Math.round(((p.mean - 1) / 4) * 100),
    }));
    if (d.suppressed) return { department: d.department, suppressed: true as const, trend };
    const items = d.items.map((i) => {
      const text = statement.get(i.id) ?? i.id;
      const spread = i.counts.map((c, v) => `${args.scale[v]}: ${c}`).join(', ');
      return { id: i.id, text, mean: fmt.stat(i.mean), counts: i.counts, bar: distribution(i.counts, `${text} ${spread}`) };
    });
    const drives = (d.drives ?? []).filter((x) => x.score > 0);
    const chart: SvgBarChart | null = drives.length
      ? svgBarChart({
          label: t('survey.drivesTitle'),
          rows: drives.map((x) => ({ drive: x.drive, name: label(x.drive).name, value: x.score, hex: label(x.drive).hex })),
          fmt,
        })
      : null;
    const top = d.themes[0]?.word;
    return {
      department: d.department,
      suppressed: false as const,
      n: d.n,
      items,
      chart,
      drives: drives.map((x) => ({ drive: x.drive, name: label(x.drive).name, score: x.score })),
      themes: d.themes,
      answers: d.answers,
      trend,
      action: {
        title: top ? t('survey.actionDefault', { theme: top }) : t('survey.actionDefaultNone', { department: d.department }),
        drive: drives[0]?.drive ?? '',
        sourceRef: `${args.survey.publicId}:${d.department}`,
      },
    };
  });
}
export type SurveyDepartmentView = ReturnType<typeof surveyResultsView>[number];
