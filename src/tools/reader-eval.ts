import path from 'node:path';
import { loadCorpus } from '../content/reader';
import { loadContent } from '../content/load';
import { DRIVE_IDS, LANGS } from '../domain/drives';
import { evaluateRemarks, type Evaluation, type Interval } from '../domain/reader/evaluate';
import { readText } from '../domain/reader/read';

/**
 * `npm run reader:eval [-- --set DIR]`: the drive reader on the held-out remarks (data/reader/heldout, by
 * writers the training never saw), per language, with the language detected as on "automatic".
 */
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const interval = (i: Interval) => `${pct(i.value)} (95% interval ${pct(i.low)}–${pct(i.high)})`;

function report(title: string, e: Evaluation): string[] {
  const lines = [`## ${title}: ${e.n} remarks`, `top-1 ${interval(e.top1)}`, `top-2 ${interval(e.top2)}`, ''];
  lines.push('drive    n  precision  recall  F1');
  for (const d of e.perDrive)
    lines.push(
      `${d.drive.padEnd(7)}${String(d.n).padStart(3)}  ${pct(d.precision).padStart(9)}  ${pct(d.recall).padStart(6)}  ${pct(d.f1).padStart(6)}`,
    );
  lines.push('', `confusion (rows: labelled, columns: read as)`, `        ${DRIVE_IDS.map((d) => d.slice(0, 6).padStart(7)).join('')}`);
  e.confusion.forEach((row, i) => lines.push(`${DRIVE_IDS[i]!.padEnd(8)}${row.map((v) => String(v).padStart(7)).join('')}`));
  lines.push('', 'reliability (top probability → how often right)');
  for (const b of e.reliability)
    if (b.n)
      lines.push(
        `${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${String(b.n).padStart(3)} readings, said ${pct(b.predicted)}, right ${pct(b.observed)}`,
      );
  return [...lines, ''];
}

function main(argv: string[]): number {
  const i = argv.indexOf('--set');
  const dataDir = path.join(__dirname, '..', '..', 'data');
  const setDir = i >= 0 ? argv[i + 1]! : path.join(dataDir, 'reader', 'heldout');
  const content = loadContent(dataDir);
  const files = loadCorpus(setDir, 0);
  const model = content.reader.model;
  const lines = [`# Drive reader on ${setDir}`, ''];
  for (const lang of LANGS) {
    const remarks = files.filter((f) => f.lang === lang).flatMap((f) => f.remarks);
    if (!remarks.length) continue;
    const wrongLang = remarks.filter((r) => readText({ text: r.text }, model).lang !== lang).length;
    lines.push(
      ...report(
        `${lang} (writers ${files
          .filter((f) => f.lang === lang)
          .map((f) => f.writer)
          .join(', ')})`,
        evaluateRemarks(remarks, (text) => readText({ text }, model)),
      ),
    );
    lines.push(`language detected wrongly: ${wrongLang} of ${remarks.length}`, '');
  }
  console.log(lines.join('\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
