import { loadConfig } from '../config';
import { loadContent } from '../content/load';
import { openStore } from '../db/open';
import { AppError } from '../errors';
import { exportResponses, installedModel } from '../services/export-responses';
import { createAuditService } from '../services/audit';
import { writeExport } from './write-export';

/**
 * `cli export-responses --model-version V [--out FILE]`: the CSV goes to FILE (a new file) or to standard
 * output; the count goes to standard error then, so the CSV on standard output stays clean.
 */
export async function runExportResponses(args: { version?: string; out?: string }, say: (line: string) => void): Promise<number> {
  if (!args.version) throw new AppError('validation_failed', '--model-version is required, e.g. export-responses --model-version 2.');
  const config = loadConfig();
  const content = loadContent(config.dataDir);
  installedModel(content, args.version); // before opening the database: a wrong version fails fast
  const store = await openStore(config);
  try {
    const { csv, rows } = await exportResponses(store, content, args.version);
    // Recorded before anything is written: no export without its record.
    await createAuditService(store).record({ actor: 'cli', action: 'export.responses', detail: { modelVersion: args.version, rows } });
    writeExport(
      args.out,
      csv,
      `Wrote ${rows} anonymised responses (model version ${args.version}) to ${args.out}.`,
      `Exported ${rows} anonymised responses (model version ${args.version}).`,
      say,
    );
    return 0;
  } finally {
    await store.close();
  }
}
