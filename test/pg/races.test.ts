import { createHash } from 'node:crypto';
import pg from 'pg';
import type { PgStore } from '../../src/db/postgres/store';
import { scoreProfile } from '../../src/domain/scoring';
import { openTestStore, type TestStore } from '../helpers/backend';
import { realContent, uniformAnswers } from '../helpers/content';

// What SQLite gets from serialised writes, PostgreSQL must get from row locks and fresh snapshots.
let t: TestStore;

/** Polls PostgreSQL until some backend waits for a lock (not granted) that the backend `holder` holds. */
async function waitForLockWaiter(holder: number, polls = 200): Promise<void> {
  for (let i = 0; i < polls; i++) {
    const waiting = await t.sql('SELECT l.pid FROM pg_locks l WHERE NOT l.granted AND ? = ANY(pg_blocking_pids(l.pid))', holder);
    if (waiting.length) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`after ${polls} polls of pg_locks, no backend was waiting for the row lock that backend ${holder} holds`);
}
beforeEach(async () => {
  t = await openTestStore();
});

test('When a completion waits for a save that holds the row lock, then it scores the answers as that save left them', async () => {
  const index = realContent().current;
  const hash = createHash('sha256').update('race-token').digest('hex');
  const created = await t.store.assessments.create({
    tokenHash: hash,
    lang: 'nl',
    name: null,
    modelVersion: index.model.version,
    consentVersion: 'v1',
    now: new Date().toISOString(),
  });
  const answers = uniformAnswers(index, 4);
  await t.store.assessments.saveAnswers(hash, answers, new Date().toISOString(), () => []);

  // Another connection plays a save in flight: it holds the row lock and changes an answer, not yet committed.
  const other = new pg.Client({ connectionString: t.url! });
  await other.connect();
  try {
    await other.query('BEGIN');
    const holder = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await other.query('SELECT 1 FROM assessments WHERE id = $1 FOR UPDATE', [created.id]);
    await other.query(
      "UPDATE likert_answers SET value = 1 WHERE assessment_id = $1 AND item_id IN ('L01', 'L02', 'L03', 'L04', 'L05', 'L06', 'L07', 'L08')",
      [created.id],
    );
    const completing = t.store.assessments.complete(hash, new Date().toISOString(), (stored) =>
      scoreProfile(index, stored.answers, stored.durationsMs),
    );
    await waitForLockWaiter(holder);
    await other.query('COMMIT');
    const result = await completing;
    expect(result.status).toBe('completed');

    const final = await t.store.assessments.findWithAnswers(hash);
    expect(final!.stored.answers.likert.L01).toBe(1);
    const expected = scoreProfile(index, final!.stored.answers, final!.stored.durationsMs);
    expect(result.status === 'completed' && result.record.profile!.scores).toEqual(expected.scores);
  } finally {
    await other.end();
  }
  expect((t.store as PgStore).backend).toBe('postgres');
});
