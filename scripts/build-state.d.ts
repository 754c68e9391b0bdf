/** null when dist/ is up to date; otherwise why not, in one sentence. `root`: the project (default: this one). */
export function staleness(root?: string): string | null;
/** Deletes compiled files under dist/ whose source under src/ is gone; answers their paths, relative to dist/. */
export function pruneOrphans(root?: string): string[];
/** Prunes orphans and marks dist/ as built now. */
export function stamp(root?: string): void;
