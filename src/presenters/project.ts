import type { Content } from '../content/load';
import type { Translate } from '../content/texts';
import type { StakeholderRecord } from '../db/store';
import type { DriveId, Lang } from '../domain/drives';
import { byPriority, driveMix, priorityOf } from '../domain/stakeholders';

const GREY = '#8a8f99';

/** A suggested approach for a stakeholder: where to start given their likely drive, and the consultant's own pitfall. */
export function suggestion(content: Content, lang: Lang, drives: DriveId[], own: DriveId | null): { start: string; do: string[]; own: string | null } | null {
  const primary = drives[0];
  if (!primary) return null;
  const a = content.reader.advice.drives[primary];
  return { start: a.instead[lang], do: a.do[lang], own: own && own !== primary ? content.reader.advice.drives[own].tendency[lang] : null };
}

/** The stakeholder map: scatter data (support × influence), the drive mix, and the table rows. */
export function projectView(stakeholders: StakeholderRecord[], content: Content, lang: Lang, t: Translate) {
  const drives = content.current.model.drives;
  const drive = (id: DriveId | undefined) => (id ? drives.find((d) => d.id === id)! : null);
  const mix = driveMix(stakeholders);
  return {
    rows: stakeholders.map((s) => ({
      ...s,
      supportLabel: t(`projects.support.${s.support}`),
      driveNames: s.drives.map((d) => drive(d)!.name[lang]).join(', '),
    })),
    scatter: {
      xLabel: t('projects.axisSupport'),
      yLabel: t('projects.axisInfluence'),
      points: stakeholders.map((s) => ({ x: s.support, y: s.influence, label: s.name, colour: drive(s.drives[0])?.hex ?? GREY })),
    },
    mix: mix.map((m) => ({ ...m, name: drive(m.drive)!.name[lang], hex: drive(m.drive)!.hex })),
    mixChart: { label: t('projects.mixPrimary'), labels: mix.map((m) => drive(m.drive)!.name[lang]), values: mix.map((m) => m.primary), colours: mix.map((m) => drive(m.drive)!.hex) },
  };
}

/** The plan: stakeholders by priority, each with concerns, the agreed approach and a suggestion. */
export function planView(stakeholders: StakeholderRecord[], content: Content, lang: Lang, t: Translate, own: DriveId | null) {
  const drives = content.current.model.drives;
  return byPriority(stakeholders).map((s, i) => ({
    rank: i + 1,
    priority: priorityOf(s),
    ...s,
    supportLabel: t(`projects.support.${s.support}`),
    driveNames: s.drives.map((d) => drives.find((x) => x.id === d)!.name[lang]).join(', '),
    suggestion: suggestion(content, lang, s.drives, own),
  }));
}
