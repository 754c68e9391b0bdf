import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadReader } from '../content/reader';
import { loadRemarks } from '../content/load';
import type { Store } from '../db/store';
import { readText } from '../domain/reader/read';
import { DATA_DIR } from '../paths';
import { createReaderService } from '../services/reader';
import { loadContent } from '../content/load';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round2 = (v: number) => Math.round(v * 100) / 100;
const collect = () => (globalThis as { gc?: () => void }).gc?.();

// The batch is read without a logged-in user, so the service must not touch the database at all.
const NO_STORE = new Proxy(
  {},
  {
    get: () => {
      throw new Error('the reader bench reads without a database');
    },
  },
) as Store;

/**
 * The drive reader in this process (it does no I/O): loading the model, one remark of up to 500 characters
 * (p99 over many, the corpus's own remarks in turn), a 20,000-character text and a batch of 300 short texts.
 * The load, the long text and the batch are timed `repeats` times (median); the smoke run times each once.
 */
export async function benchReader(rounds: number, repeats = 7) {
  const bank = loadRemarks(path.join(DATA_DIR, 'remarks'));
  const loads: number[] = [];
  for (let i = 0; i < Math.min(3, repeats); i++) {
    const t0 = performance.now();
    loadReader(path.join(DATA_DIR, 'reader'), bank);
    loads.push(performance.now() - t0);
  }
  const content = loadContent(DATA_DIR);
  const model = content.reader.model;
  const texts = [...model.similar.nl.entries, ...model.similar.en.entries].map((e) => e.remark.text).filter((t) => t.length <= 500);
  for (const t of texts.slice(0, Math.min(1000, rounds))) readText({ text: t }, model); // warm-up: compiled by the JIT first
  // The three loads above left their garbage; collecting it now keeps it out of the readings' times.
  collect();
  const single: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    readText({ text: texts[i % texts.length]! }, model);
    single.push(performance.now() - t0);
  }
  let long = '';
  for (let i = 0; long.length < 20_000; i++) long += `${texts[i]!} `;
  long = long.slice(0, 20_000);
  const longs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    readText({ text: long }, model);
    longs.push(performance.now() - t0);
  }
  const service = createReaderService(NO_STORE, content);
  const short = texts.filter((t) => t.length <= 200).slice(0, 300);
  const batches: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await service.readMany({ texts: short }, null);
    batches.push(performance.now() - t0);
  }
  return {
    loadMs: round2(quantile(loads, 0.5)),
    singleP99: round2(quantile(single, 0.99)),
    singleP50: round2(quantile(single, 0.5)),
    longMs: round2(quantile(longs, 0.5)),
    batchMs: round2(quantile(batches, 0.5)),
    batchSize: short.length,
  };
}

/**
 * Runs the reader's measurement in a fresh process (pinned to `cpu` where taskset exists): the benchmark's own heap,
 * after seeding hundreds of participants, would add its garbage collection to the reader's slowest readings.
 */
export function benchReaderInProcess(rounds: number, repeats: number, cpu?: number): Awaited<ReturnType<typeof benchReader>> {
  const script = path.join(__dirname, 'bench-reader.js');
  const [cmd, args] =
    cpu !== undefined && fs.existsSync('/usr/bin/taskset')
      ? ['/usr/bin/taskset', ['-c', String(cpu), process.execPath, '--expose-gc', script, String(rounds), String(repeats)]]
      : [process.execPath, ['--expose-gc', script, String(rounds), String(repeats)]];
  return JSON.parse(execFileSync(cmd, args, { encoding: 'utf8' })) as Awaited<ReturnType<typeof benchReader>>;
}

if (require.main === module) {
  void benchReader(Number(process.argv[2] ?? 5000), Number(process.argv[3] ?? 7)).then((r) =>
    process.stdout.write(`${JSON.stringify(r)}\n`),
  );
}
