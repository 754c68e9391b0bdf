import { staleness } from '../../scripts/build-state';

/**
 * Process and browser tests run dist/: refuse a build older than src/, or editing src and running one
 * test file would silently test the old code.
 */
export function assertBuilt(): void {
  const why = staleness();
  if (why) throw new Error(`dist/ is out of date (${why}): run "npm run build" first (npm test does it).`);
}
