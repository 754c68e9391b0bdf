import { driveLabels, type Lang } from '../domain/drives';
import type { Model } from '../domain/model';
import type { ShownQuality } from '../services/stats';
import { ALPHA_CI_MIN, ITEM_FLAGS_MIN, ITEM_FLAGS_PROVISIONAL_MIN, RCI_MIN_GROUP } from '../domain/stats/quality';

/** The quality page: the drives of the model version shown, and the chart of each scale's reliability (alpha, 0–1 in steps of 0.1). */
export function qualityView(quality: ShownQuality, model: Model, lang: Lang) {
  const drives = driveLabels(model.drives, lang);
  return {
    drives,
    /** The small-sample limits, for the page's sentence per guard. */
    guards: { items: ITEM_FLAGS_MIN, itemsProvisional: ITEM_FLAGS_PROVISIONAL_MIN, alphaCi: ALPHA_CI_MIN, rci: RCI_MIN_GROUP },
    chart: quality.withheld
      ? null
      : {
          label: 'alpha',
          labels: drives.map((d) => d.name),
          values: quality.scales.map((s) => s.alpha ?? 0),
          colours: drives.map((d) => d.hex),
          max: 1,
          step: 0.1,
        },
  };
}
