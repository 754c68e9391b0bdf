import type { Results } from '../../services/studio-results';
import { toCsv } from './export';

/**
 * One exercise as a spreadsheet: for a recognise round or a poll, how many chose each drive or option; for an
 * open question, every answer with its votes and whether the trainer hid it. Never a participant's name.
 */
export function exerciseCsv(r: Results): string {
  if (r.kind === 'open') {
    return toCsv(
      ['answer', 'votes', 'hidden'],
      (r.answers ?? []).map((a) => [a.text, a.votes, a.hidden ? 'yes' : 'no']),
    );
  }
  const counts = r.counts ?? {};
  const intended = r.kind === 'recognize' ? r.intended : null;
  return toCsv(
    ['choice', 'count', 'intended'],
    Object.entries(counts).map(([choice, n]) => [choice, n, intended === choice ? 'yes' : '']),
  );
}

/** The same as JSON: the question or remark, the tallies, the answers; with the session it belongs to. */
export function exerciseJson(session: { id: string; code: string; title: string }, r: Results) {
  return {
    session,
    exercise: r,
    note: 'No names: answers to exercises are exported without who gave them.',
  };
}
