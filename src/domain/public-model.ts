import type { Lang } from './drives';
import type { ModelIndex } from './model-index';

/** The model in one language, as the API and the browser see it. */
export function publicModel(index: ModelIndex, lang: Lang) {
  const m = index.model;
  return {
    version: m.version,
    lang,
    drives: m.drives.map((d) => ({ id: d.id, colour: d.colour[lang], hex: d.hex, name: d.name[lang], summary: d.summary[lang] })),
    likert: {
      scale: { min: m.likert.scale.min, max: m.likert.scale.max, labels: m.likert.scale.labels[lang] },
      items: m.likert.items.map((i) => ({ id: i.id, drive: i.drive, reverse: i.reverse, text: i.text[lang] })),
    },
    choice: {
      items: m.choice.items.map((s) => ({
        id: s.id,
        text: s.text[lang],
        options: s.options.map((o) => ({ id: o.id, drive: o.drive, text: o.text[lang] })),
      })),
    },
  };
}
