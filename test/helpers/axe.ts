import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { PAGE_CHECKS } from './backend';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One line per violating node: rule, impact, target and axe's own summary, so a failing test says what to fix. */
function describe(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`),
  );
}

/**
 * Runs axe-core in the page and fails on any serious or critical violation (WCAG 2.1 A/AA and best practice rules).
 * axe is injected with page.evaluate (DevTools protocol, not a page script), so the page's strict CSP stays as it is.
 */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  if (!PAGE_CHECKS) return;
  // Colours are measured as drawn: a transition still running (a hint fading out after the first key press) would be judged
  // half-way. Finite transitions and animations are awaited; endless ones (a spinner) are left as they are.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ page: label, violations: describe(serious) }).toEqual({ page: label, violations: [] });
}
