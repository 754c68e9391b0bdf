/**
 * The studio half of the load test: every participant answers one "which drive speaks here?" round, spread
 * over `windowMs` as a room does, while the trainer's stream is open. Measures, per answer, the time from its
 * acknowledgement to the first trainer event that counts it, and checks every answer is stored exactly once.
 */
const DRIVES = ['purple', 'red', 'blue', 'orange', 'green', 'yellow'];

export type RoundReport = {
  answers: number;
  errors: number;
  seconds: number;
  storedOnce: boolean;
  lastAnswerToEventMs: number | null;
  answerToEventMs: { p50: number; p99: number; max: number } | null;
};

/** Remembers when the trainer's stream first showed each "answered" count of the round. */
export function answeredWatcher() {
  const firstSeen: number[] = []; // index: answered count → first time an event showed at least that many
  let highest = 0;
  return {
    onExercise(data: { id: string | null; answered: number }, roundId: string | null, at: number) {
      if (!roundId || data.id !== roundId) return;
      for (let k = highest + 1; k <= data.answered; k++) firstSeen[k] = at;
      highest = Math.max(highest, data.answered);
    },
    seenAt: (count: number) => firstSeen[count],
    highest: () => highest,
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function runRound(o: {
  trainerUrl: string;
  cookie: string;
  workshopId: string;
  participants: { base: string; token: string }[];
  windowMs: number;
  watcher: ReturnType<typeof answeredWatcher>;
  setRound: (id: string) => void;
  countStored: (exerciseId: string) => Promise<{ rows: number; distinct: number }>;
  /** Sent with the trainer's requests too (the benchmark's stand-in for a TLS proxy). */
  headers?: Record<string, string>;
}): Promise<RoundReport> {
  const json = { 'Content-Type': 'application/json' };
  const trainer = { ...json, ...o.headers, Cookie: o.cookie };
  const created = await fetch(`${o.trainerUrl}/api/sessions/${o.workshopId}/exercises`, {
    method: 'POST',
    headers: trainer,
    body: JSON.stringify({ kind: 'recognize', text: 'Dat hebben we al eens geprobeerd, zo werken wij hier niet.', drive: 'purple' }),
  });
  const round = (await created.json()) as { id: string };
  o.setRound(round.id);
  await fetch(`${o.trainerUrl}/api/sessions/${o.workshopId}/exercises/${round.id}/open`, { method: 'POST', headers: trainer, body: '{}' });

  const acks: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    o.participants.map(async (p, i) => {
      // Spread over the window, in a fixed order that is not the joining order.
      await new Promise((r) => setTimeout(r, ((i * 7919) % o.participants.length) * (o.windowMs / o.participants.length)));
      const res = await fetch(`${p.base}/api/assessments/${p.token}/exercises/${round.id}/answer`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ drive: DRIVES[i % DRIVES.length] }),
      });
      await res.arrayBuffer();
      if (res.ok) acks.push(performance.now());
      else errors++;
    }),
  );
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  // Wait (bounded) for the stream to count every answer.
  const until = performance.now() + 5000;
  while (o.watcher.highest() < acks.length && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
  acks.sort((a, b) => a - b);
  // The k-th acknowledged answer is on the trainer's screen once an event shows k answered (or more).
  const delays = acks.map((at, k) => (o.watcher.seenAt(k + 1) ?? NaN) - at).map((d) => Math.max(0, d));
  const complete = delays.every((d) => !Number.isNaN(d));
  const sorted = [...delays].sort((a, b) => a - b);
  const stored = await o.countStored(round.id);
  return {
    answers: acks.length,
    errors,
    seconds,
    storedOnce: stored.rows === o.participants.length && stored.distinct === o.participants.length,
    lastAnswerToEventMs: complete && delays.length ? Math.round(delays.at(-1)!) : null,
    answerToEventMs:
      complete && sorted.length
        ? { p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1)!) }
        : null,
  };
}
