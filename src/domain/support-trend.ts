/** One stakeholder's support as logged on a day (−2 … +2). */
export type SupportPoint = { date: string; support: number };

/**
 * The project's support over time, from the contact log only (not the support typed on the stakeholder form): on every
 * date on which anyone's support was logged, the mean of each stakeholder's latest support logged on or before that date.
 * People without a logged support by then are not in that date's mean; `n` says how many are. Several contacts of one
 * person on one day: the last one logged counts (the histories come oldest first, as the log lists them).
 */
export function projectSupportTrend(histories: readonly (readonly SupportPoint[])[]): { date: string; mean: number; n: number }[] {
  const dates = [...new Set(histories.flatMap((h) => h.map((p) => p.date)))].sort();
  return dates.map((date) => {
    const latest = histories.flatMap((h) => {
      let last: number | null = null;
      for (const p of h) if (p.date <= date) last = p.support;
      return last === null ? [] : [last];
    });
    return { date, mean: latest.reduce((a, b) => a + b, 0) / latest.length, n: latest.length };
  });
}
