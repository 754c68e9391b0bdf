import { DRIVE_IDS, type DriveId } from '../drives';
import { reliabilityCurve, type ReliabilityBin } from './calibrate';

export type Prediction = { label: DriveId; ranked: readonly DriveId[]; probabilities: readonly number[] };
export type Interval = { value: number; low: number; high: number };
export type PerDrive = { drive: DriveId; n: number; precision: number; recall: number; f1: number };
export type Evaluation = {
  n: number;
  top1: Interval;
  top2: Interval;
  perDrive: PerDrive[];
  /** confusion[i][j]: remarks labelled DRIVE_IDS[i] read as DRIVE_IDS[j]. */
  confusion: number[][];
  reliability: ReliabilityBin[];
};

/** Wilson's 95% interval for a proportion: honest for small sets and for proportions near 0 or 1. */
export function wilson(successes: number, n: number, z = 1.959964): Interval {
  if (!n) return { value: 0, low: 0, high: 0 };
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Top-1, top-2, per-drive precision, recall and F1, the confusion matrix and the reliability curve. */
export function evaluate(predictions: readonly Prediction[]): Evaluation {
  const n = predictions.length;
  const confusion = DRIVE_IDS.map(() => DRIVE_IDS.map(() => 0));
  let top1 = 0;
  let top2 = 0;
  for (const p of predictions) {
    confusion[DRIVE_IDS.indexOf(p.label)]![DRIVE_IDS.indexOf(p.ranked[0]!)]!++;
    if (p.ranked[0] === p.label) top1++;
    if (p.ranked.slice(0, 2).includes(p.label)) top2++;
  }
  const perDrive = DRIVE_IDS.map((drive, i) => {
    const tp = confusion[i]![i]!;
    const actual = confusion[i]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + row[i]!, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    return { drive, n: actual, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  });
  const reliability = reliabilityCurve(
    predictions.map((p) => ({ scores: p.probabilities.map((v) => Math.log(Math.max(v, 1e-12))), drive: DRIVE_IDS.indexOf(p.label) })),
    1,
  );
  return { n, top1: wilson(top1, n), top2: wilson(top2, n), perDrive, confusion, reliability };
}

/** Reads every remark as a user with "language: automatic" would, and evaluates the readings. */
export function evaluateRemarks(
  remarks: readonly { text: string; drive: DriveId }[],
  read: (text: string) => { drives: readonly { drive: DriveId; probability: number }[] },
): Evaluation {
  return evaluate(
    remarks.map((r) => {
      const reading = read(r.text);
      return {
        label: r.drive,
        ranked: reading.drives.map((d) => d.drive),
        probabilities: DRIVE_IDS.map((d) => reading.drives.find((x) => x.drive === d)?.probability ?? 0),
      };
    }),
  );
}
