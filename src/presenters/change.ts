import type { Content } from '../content/load';
import type { Translate } from '../content/texts';
import { driveLabel, type DriveId, type Lang } from '../domain/drives';
import type { ChangeService } from '../services/change';
import { formatter } from './format';

type Described = Awaited<ReturnType<ChangeService['describe']>>;

/** The change page: the form's dimensions with their scale in words, the impact per drive, the matrix rows. */
export function changeView(d: Described, content: Content, lang: Lang, t: Translate) {
  const fmt = formatter(lang);
  const label = driveLabel(content.current.model.drives, lang);
  const data = content.change;
  const dimLabel = new Map(data.dimensions.map((x) => [x.id, x.label[lang]]));
  const scale = data.scale.map((s) => ({ value: String(s.value), label: s.label[lang] }));
  const described = Object.values(d.dimensions).some((v) => (v ?? 0) > 0);
  const row = (r: Described['stakeholders'][number]) => ({
    label: r.label,
    level: r.level,
    levelLabel: t(`stake.change.level.${r.level}`),
    drivers: r.drivers.map((x: DriveId) => label(x).name).join(', '),
    messages: r.messages.map((m) => ({ drive: label(m.drive).name, text: m.text })),
  });
  return {
    dimensions: data.dimensions.map((x) => ({ id: x.id, label: x.label[lang], question: x.question[lang] })),
    scale,
    described,
    impact: d.impact.map((i) => ({
      drive: i.drive,
      name: label(i.drive).name,
      score: fmt.signed(i.score),
      verdict: t(i.threatened ? 'stake.change.threatened' : i.served ? 'stake.change.served' : 'stake.change.untouched'),
      kind: i.threatened ? 'threatened' : i.served ? 'served' : 'untouched',
      reasons: i.reasons
        .filter((r) => r.text)
        .map((r) => ({ dimension: dimLabel.get(r.dimension) ?? r.dimension, contribution: fmt.signed(r.contribution), text: r.text! })),
    })),
    stakeholders: d.stakeholders.map(row),
    departments: d.departments.map(row),
    unknown: d.unknown,
  };
}
