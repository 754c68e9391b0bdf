import { loadConfig } from '../config';
import { loadContent } from '../content/load';
import { openStore } from '../db/open';
import { AppError } from '../errors';
import { createAssessmentService } from '../services/assessments';
import { simulateRespondents, type SimulationOptions } from '../domain/stats/simulate';
import { seededRandom } from '../domain/stats/random';

export type SimulateArgs = Partial<
  Record<'n' | 'reliability' | 'seed' | 'correlation' | 'acquiescence' | 'straight' | 'random' | 'desirability', string>
>;

/** A number option within [min, max] (or absent: `fallback`), else a clear error naming the option. */
function numberOption(args: SimulateArgs, key: keyof SimulateArgs, fallback: number, min: number, max: number, example: string): number {
  const raw = args[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  const flag = key === 'straight' ? 'straight-lining' : key;
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max)
    throw new AppError('validation_failed', `--${flag} must be a number from ${min} to ${max}, e.g. ${example}.`);
  return value;
}

/**
 * `cli simulate`: adds synthetic completed profiles from the latent-trait model (src/domain/stats/simulate.ts), with
 * the threats to this instrument switched on as asked, so the checks of the quality page and the careless flag can be
 * seen to work. For a test or demo database, not a real one.
 */
export async function runSimulate(args: SimulateArgs, out: (line: string) => void): Promise<number> {
  const n = numberOption(args, 'n', 1000, 1, 100_000, '1000');
  if (!Number.isInteger(n)) throw new AppError('validation_failed', '--n must be a whole number from 1 to 100000.');
  const seed = numberOption(args, 'seed', 1, -(2 ** 31), 2 ** 31, '1');
  if (!Number.isInteger(seed)) throw new AppError('validation_failed', '--seed must be a whole number.');
  const options: SimulationOptions = {
    reliability: numberOption(args, 'reliability', 0.8, 0.01, 0.99, '0.8'),
    correlation: numberOption(args, 'correlation', 0, 0, 0.95, '0.3'),
    acquiescence: numberOption(args, 'acquiescence', 0, 0, 3, '0.5'),
    straightLining: numberOption(args, 'straight', 0, 0, 1, '0.05'),
    random: numberOption(args, 'random', 0, 0, 1, '0.1'),
    desirability: numberOption(args, 'desirability', 0, 0, 3, '0.5'),
  };
  const config = loadConfig();
  const content = loadContent(config.dataDir);
  const store = await openStore(config);
  try {
    const assessments = createAssessmentService(store, content);
    for (const answers of simulateRespondents(content.current, n, options, seededRandom(seed))) {
      const { token } = await assessments.create({ lang: 'nl', name: null });
      await assessments.saveAnswers(token, answers);
      await assessments.complete(token);
    }
    const threats = Object.entries(options)
      .filter(([k, v]) => k !== 'reliability' && v)
      .map(([k, v]) => `${k} ${v}`);
    out(
      `Added ${n} simulated profiles (model version ${content.current.model.version}, reliability ${options.reliability}, seed ${seed}` +
        `${threats.length ? `; ${threats.join(', ')}` : ''}).`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
