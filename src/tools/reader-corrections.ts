import { loadConfig } from '../config';
import { openStore } from '../db/open';
import type { Store } from '../db/store';
import type { CorrectionsFile } from '../domain/reader/corrections';
import { AppError } from '../errors';
import { createAuditService } from '../services/audit';
import { writeExport } from './write-export';

/** The corrections whose text may be used, in the file format `reader:train -- --with FILE` reads, all unreviewed. */
export async function correctionsExport(store: Store, now = new Date()): Promise<CorrectionsFile> {
  const rows = await store.readerCorrections.withText();
  return {
    format: 'drijfveer-reader-corrections/1',
    exportedAt: now.toISOString(),
    corrections: rows.map((r) => ({
      id: r.publicId,
      lang: r.lang,
      text: r.text!,
      read: r.readDrive,
      drive: r.drive,
      also: [],
      createdAt: r.createdAt,
      // A person sets this to true for each correction after checking the text and the drive.
      reviewed: false,
    })),
  };
}

/**
 * `cli reader-corrections export [--out FILE]`: the consented corrections as JSON (to FILE, a new file, or
 * to standard output): the text, the language and the two drives; no account. The text is the client's words and may
 * still hold a name despite the hint on the form: removing it is part of the review.
 */
export async function runReaderCorrections(args: { command?: string; out?: string }, say: (line: string) => void): Promise<number> {
  if (args.command !== 'export') throw new AppError('validation_failed', 'Use: reader-corrections export [--out FILE].');
  const store = await openStore(loadConfig());
  try {
    const file = await correctionsExport(store);
    // Recorded before anything is written: no export without its record.
    await createAuditService(store).record({ actor: 'cli', action: 'export.corrections', detail: { rows: file.corrections.length } });
    const json = `${JSON.stringify(file, null, 2)}\n`;
    writeExport(
      args.out,
      json,
      `Wrote ${file.corrections.length} corrections to ${args.out}. Review them (set "reviewed": true) before training with them.`,
      `Exported ${file.corrections.length} corrections.`,
      say,
    );
    return 0;
  } finally {
    await store.close();
  }
}
