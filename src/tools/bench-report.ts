import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../paths';

/** One scenario's row: throughput, latency, errors, and its ratio to the bare server (0 in the smoke run, which has no bare runs). */
export type Row = { name: string; rps: number; p50: number; p99: number; errors: number; ratio?: number };

/** The report of one run, in Markdown: the scenarios, then the budgets (those only shown for comparison say so). */
export function renderReport(
  rows: Row[],
  checks: { budget: string; ok: boolean; value: string }[],
  run: { backend: string; load: string; rounds: number; forComparison: (budget: string) => boolean },
): string {
  const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const head = `### Run of ${when} UTC on ${run.backend}: Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${run.load}`;
  const table = [
    `| scenario | req/s (median second) | p50 ms | p99 ms | errors | × bare (median of ${run.rounds} rounds, each against a bare run just before) |`,
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.ratio} |`),
  ].join('\n');
  const budgets = [
    '| budget | result | met |',
    '|---|---|---|',
    ...checks.map(
      (c) =>
        `| ${c.budget} | ${c.value} | ${c.ok ? 'yes' : run.forComparison(c.budget) ? 'no (a one-machine SQLite budget; shown for comparison)' : '**no**'} |`,
    ),
  ].join('\n');
  return `${head}\n\n${table}\n\n${budgets}\n`;
}

/** Keeps the hand-written part of BENCHMARKS.md and the last runs, newest first. */
export function writeBenchmarks(report: string): void {
  const file = path.join(ROOT_DIR, 'BENCHMARKS.md');
  const marker = '<!-- runs: written by npm run bench, newest first -->';
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${marker}\n`;
  const [intro, runs = ''] = text.split(marker);
  const kept = runs
    .split(/\n(?=### Run of )/)
    .map((r) => r.trim())
    .filter(Boolean)
    .slice(0, 4);
  fs.writeFileSync(file, `${intro!.trimEnd()}\n\n${marker}\n\n${[report.trim(), ...kept].join('\n\n')}\n`);
}
