import type { Content } from '../content/load';
import type { Translate } from '../content/texts';
import type { StakeholderRecord } from '../db/store';
import { driveLabel, type DriveId, type Lang } from '../domain/drives';
import { byPriority, driveMix, priorityOf } from '../domain/stakeholders';
import { formatter } from './format';

/** A suggested approach for a stakeholder: where to start given their likely drive, and the consultant's own pitfall. */
export function suggestion(
  content: Content,
  lang: Lang,
  drives: DriveId[],
  own: DriveId | null,
): { start: string; do: string[]; own: string | null } | null {
  const primary = drives[0];
  if (!primary) return null;
  const a = content.reader.advice.drives[primary];
  return { start: a.instead[lang], do: a.do[lang], own: own && own !== primary ? content.reader.advice.drives[own].tendency[lang] : null };
}

/** The stakeholder map: scatter data (support × influence), the drive mix, and the table rows. */
export function projectView(stakeholders: StakeholderRecord[], content: Content, lang: Lang, t: Translate) {
  const label = driveLabel(content.current.model.drives, lang);
  const mix = driveMix(stakeholders);
  return {
    rows: stakeholders.map((s) => ({
      ...s,
      supportLabel: t(`projects.support.${s.support}`),
      driveNames: s.drives.map((d) => label(d).name).join(', '),
      lastContactLabel: s.lastContact ? formatter(lang).shortDate(s.lastContact) : '',
    })),
    // Points without a known drive get the neutral chart colour (public/js/charts.js, kind "scatter").
    scatter: {
      xLabel: t('projects.axisSupport'),
      yLabel: t('projects.axisInfluence'),
      points: stakeholders.map((s) => ({
        x: s.support,
        y: s.influence,
        label: s.name,
        colour: s.drives[0] ? label(s.drives[0]).hex : null,
      })),
    },
    mix: mix.map((m) => ({ ...m, name: label(m.drive).name, hex: label(m.drive).hex })),
    mixChart: {
      label: t('projects.mixPrimary'),
      labels: mix.map((m) => label(m.drive).name),
      values: mix.map((m) => m.primary),
      colours: mix.map((m) => label(m.drive).hex),
    },
  };
}

/** The plan: stakeholders by priority, each with concerns, the agreed approach and a suggestion. */
export function planView(stakeholders: StakeholderRecord[], content: Content, lang: Lang, t: Translate, own: DriveId | null) {
  const label = driveLabel(content.current.model.drives, lang);
  return byPriority(stakeholders).map((s, i) => ({
    rank: i + 1,
    priority: priorityOf(s),
    ...s,
    supportLabel: t(`projects.support.${s.support}`),
    driveNames: s.drives.map((d) => label(d).name).join(', '),
    suggestion: suggestion(content, lang, s.drives, own),
  }));
}
