/** null when dist/ is up to date; otherwise why not, in one sentence. */
export function staleness(): string | null;
