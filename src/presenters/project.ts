import type { Content } from '../content/load';
import type { Translate } from '../content/texts';
import type { StakeholderRecord } from '../db/store';
import { driveLabel, type DriveId, type Lang } from '../domain/drives';
import { byPriority, driveMix, priorityOf } from '../domain/stakeholders';
import { formatter } from './format';
import { quadrantOf, stakeholderMap } from './stakeholder-map';

/** A suggested approach for a stakeholder: where to start given their likely drive. */
export function suggestion(content: Content, lang: Lang, drives: DriveId[]): { start: string; do: string[] } | null {
  const primary = drives[0];
  if (!primary) return null;
  const a = content.reader.advice.drives[primary];
  return { start: a.instead[lang], do: a.do[lang] };
}

/** The stakeholder map (numbered markers, the names in a list beside it), the drive mix, and the table rows. */
export function projectView(stakeholders: StakeholderRecord[], content: Content, lang: Lang, t: Translate) {
  const label = driveLabel(content.current.model.drives, lang);
  const fmt = formatter(lang);
  const mix = driveMix(stakeholders);
  const rows = stakeholders.map((s, i) => ({
    ...s,
    number: i + 1,
    supportLabel: t(`projects.support.${s.support}`),
    quadrantLabel: t(`projects.quadrant.${quadrantOf(s)}`),
    driveNames: s.drives.map((d) => label(d).name).join(', '),
    lastContactLabel: s.lastContact ? fmt.shortDate(s.lastContact) : '',
  }));
  const known = stakeholders.filter((s) => s.drives[0]).length;
  return {
    rows,
    map: stakeholderMap(
      rows.map((r) => ({ number: r.number, name: r.name, support: r.support, influence: r.influence, drive: r.drives[0] ?? null })),
      t,
      fmt,
    ),
    mix: mix.map((m) => ({ ...m, name: label(m.drive).name, hex: label(m.drive).hex })),
    // Counts of people, so the axis runs from 0 to the number of people with a known drive in whole steps: one person of four
    // fills a quarter of the bar, not all of it.
    mixChart: {
      label: t('projects.mixPrimary'),
      labels: mix.map((m) => label(m.drive).name),
      values: mix.map((m) => m.primary),
      colours: mix.map((m) => label(m.drive).hex),
      max: Math.max(1, known),
      step: 1,
    },
  };
}

/**
 * The plan: stakeholders by priority, each with concerns, the agreed approach and a suggestion. The consultant's own pitfall is
 * the same text for everyone, so it is said once above the plan, naming the people whose likely drive differs from one's own.
 */
export function planView(stakeholders: StakeholderRecord[], content: Content, lang: Lang, t: Translate, own: DriveId | null) {
  const label = driveLabel(content.current.model.drives, lang);
  const rows = byPriority(stakeholders).map((s, i) => ({
    rank: i + 1,
    priority: priorityOf(s),
    ...s,
    supportLabel: t(`projects.support.${s.support}`),
    driveNames: s.drives.map((d) => label(d).name).join(', '),
    suggestion: suggestion(content, lang, s.drives),
    sameDriveAsOwn: own !== null && s.drives[0] === own,
  }));
  const differing = rows.filter((r) => own && r.drives[0] && r.drives[0] !== own).map((r) => r.name);
  return {
    rows,
    own:
      own && differing.length
        ? {
            name: label(own).name,
            tendency: content.reader.advice.drives[own].tendency[lang],
            people: formatter(lang).list(differing),
          }
        : null,
  };
}
