import type { Content } from '../content/load';
import type { Translate } from '../content/texts';
import { driveLabel, type DriveId, type Lang } from '../domain/drives';
import { highlight } from '../domain/reader/highlight';
import type { ReaderResult } from '../services/reader';

/** The drive reader's result for the page: names, confidence words, highlighted text, advice. */
export function readerView(result: ReaderResult, text: string, pageLang: Lang, t: Translate, content: Content) {
  const label = driveLabel(content.current.model.drives, pageLang);
  const name = (id: DriveId) => label(id).name;
  return {
    lang: result.lang,
    segments: highlight(text, result.drives),
    drives: result.drives.map((d) => ({
      ...d,
      name: name(d.drive),
      confidenceLabel: t(`reader.confidence.${d.confidence}`),
      // A word found twice is one piece of evidence: listed once.
      cues: [...new Set(d.evidence.map((e) => e.match))],
    })),
    negated: result.negated.map((e) => e.match),
    advice: result.advice.map((a) => ({
      ...a,
      name: name(a.drive),
      mismatch: a.mismatch ? { ...a.mismatch, ownName: name(a.mismatch.own) } : undefined,
    })),
    general: result.general,
    chart: {
      label: t('reader.colScore'),
      labels: result.drives.map((d) => name(d.drive)),
      values: result.drives.map((d) => d.score),
      colours: result.drives.map((d) => label(d.drive).hex),
      max: 100,
    },
  };
}
