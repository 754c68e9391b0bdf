import { randomUUID } from 'node:crypto';
import pg, { type Pool } from 'pg';
import type { ChangeFeed, ChangeTopic } from '../store';

export type PgChangeFeedOptions = {
  /** Connection settings for the listening connection (its own, outside the pool). */
  client: pg.ClientConfig;
  channel: string;
  onError?: (err: Error) => void;
  /** Wait before listening again after the connection was lost, and before sending a failed notice again. */
  retryMs?: number;
  /** How often the listening connection is checked with a query (a half-open connection hears nothing). */
  pingMs?: number;
};

const MAX_IDS_PER_NOTICE = 500; // payloads must stay under PostgreSQL's 8000 bytes
const SEND_ATTEMPTS = 5;

/**
 * Workshop changes across instances with LISTEN/NOTIFY. Publishing is fire-and-forget and batched:
 * the changes of one event-loop turn go out as one NOTIFY, so a saved answer adds no waiting; a notice
 * that fails is sent again a few times. Each notice carries the sender's id, so an instance ignores its
 * own (it already updated itself). The listening connection is opened when the first subscriber
 * arrives, checked every `pingMs`, and reopened when it drops; after a drop, subscribers hear `null`,
 * as notices sent meanwhile are lost.
 */
export function createPgChangeFeed(
  pool: Pool,
  { client: clientConfig, channel, onError = () => undefined, retryMs = 1000, pingMs = 30_000 }: PgChangeFeedOptions,
): ChangeFeed & { close(): Promise<void>; ready(): Promise<void> } {
  const self = randomUUID();
  const subscribers = new Set<(id: number | null, topic: ChangeTopic) => void>();
  let pending = new Set<string>(); // '12' (the workshop) or 's12' (only its studio)
  let flushing: NodeJS.Immediate | null = null;
  const sending = new Set<Promise<void>>();
  let connecting: pg.Client | null = null;
  let listener: pg.Client | null = null;
  let listening: Promise<void> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  // One ping at a time: on a stalled connection they would pile up in the client's queue (pg 9 refuses that).
  let pinging = false;
  const ping = setInterval(() => {
    const c = listener;
    if (!c || pinging) return;
    pinging = true;
    c.query('SELECT 1')
      .catch((err: Error) => (onError(err), lost(c)))
      .finally(() => (pinging = false));
  }, pingMs);
  ping.unref();

  const tell = (id: number | null, topic: ChangeTopic = 'workshop') => {
    for (const s of subscribers) s(id, topic);
  };

  function send(payload: string, attempt = 1) {
    const p = pool.query('SELECT pg_notify($1, $2)', [channel, payload]).then(
      () => undefined,
      (err: Error) => {
        onError(err);
        if (closed || attempt >= SEND_ATTEMPTS) return;
        const again = setTimeout(() => send(payload, attempt + 1), retryMs);
        again.unref();
      },
    );
    sending.add(p);
    void p.finally(() => sending.delete(p));
  }

  function flush() {
    flushing = null;
    const ids = [...pending];
    pending = new Set();
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_NOTICE) send(`${self} ${ids.slice(i, i + MAX_IDS_PER_NOTICE).join(',')}`);
  }

  async function listen(): Promise<void> {
    // Timeouts, so a server that accepts but never answers cannot hold the feed (or shutdown) forever.
    const c = new pg.Client({ ...clientConfig, connectionTimeoutMillis: 5000, query_timeout: 5000, keepAlive: true });
    c.on('notification', (msg) => {
      const [from, list] = (msg.payload ?? '').split(' ');
      if (from === self || !list) return;
      for (const item of list.split(',')) {
        const m = /^(s?)(\d+)$/.exec(item);
        if (m) tell(Number(m[2]), m[1] ? 'studio' : 'workshop');
      }
    });
    c.on('error', (err) => {
      onError(err);
      lost(c);
    });
    c.on('end', () => lost(c));
    connecting = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
    } catch (err) {
      void c.end().catch(() => undefined); // no half-open connection left behind (not awaited: it may never answer)
      throw err;
    } finally {
      connecting = null;
    }
    if (closed) await c.end();
    else listener = c;
  }

  function start(afterLoss: boolean) {
    listening = listen().then(
      () => (afterLoss ? tell(null) : undefined),
      (err: Error) => {
        if (closed) return;
        onError(err);
        retryLater();
      },
    );
  }
  function retryLater() {
    if (closed) return;
    retry = setTimeout(() => {
      retry = null;
      start(true);
    }, retryMs);
    retry.unref();
  }
  function lost(c: pg.Client) {
    if (closed || listener !== c) return;
    listener = null;
    c.end().catch(() => undefined);
    retryLater();
  }

  return {
    publish(workshopId, topic = 'workshop') {
      if (closed) return;
      pending.add(topic === 'studio' ? `s${workshopId}` : String(workshopId));
      flushing ??= setImmediate(flush);
    },
    subscribe(onChange) {
      subscribers.add(onChange);
      if (!listening && !closed) start(false);
      return () => void subscribers.delete(onChange);
    },
    /** Resolves once the listening connection is up (for tests and start-up). */
    async ready() {
      await listening;
    },
    /** Sends what is queued, then stops listening; waits for a connection being opened at most its 5 s timeout. */
    async close() {
      closed = true;
      clearInterval(ping);
      if (retry) clearTimeout(retry);
      if (flushing) {
        clearImmediate(flushing);
        flush();
      }
      await Promise.all([...sending]);
      subscribers.clear();
      await connecting?.end().catch(() => undefined);
      await listening;
      const c = listener;
      listener = null;
      await c?.end().catch(() => undefined);
    },
  };
}
