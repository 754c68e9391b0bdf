/**
 * Live updates for workshop dashboards. A change after a quiet spell is sent at once; changes that
 * follow within `throttleMs` are gathered into one more update at the end of that window. Each update
 * computes the summary once and sends the same text to every listener of the workshop.
 * Each instance has its own listeners; changes made on other instances reach it through the store's
 * change feed (PostgreSQL LISTEN/NOTIFY, wired in services/index.ts).
 */
export type LiveListener = { send: (json: string) => void; close: () => void };

/** Open streams per login session (per instance): one client cannot hold the server's connections. */
export const MAX_STREAMS_PER_LOGIN = 10;

/**
 * The hub's time: the current time and a timer (returning its cancel). Tests pass a clock they move by
 * hand, so that "within the window" does not depend on how fast the machine runs the test.
 */
export type LiveClock = { now(): number; schedule(run: () => void, ms: number): () => void };

const systemClock: LiveClock = {
  now: () => Date.now(),
  schedule(run, ms) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

export function createLiveHub(
  compute: (workshopId: number) => Promise<string | null>,
  throttleMs = 200,
  clock: LiveClock = systemClock,
  /** Skip an update whose text equals the last one sent (phones need not hear "nothing changed" 300 times). */
  dedupe = false,
) {
  const lastText = new Map<number, string>();
  const listeners = new Map<number, Set<LiveListener>>();
  const pending = new Map<number, () => void>(); // workshop id → cancels its planned update
  const lastSent = new Map<number, number>();
  // Every open stream by login-session id, so a logout can end them and the cap can be counted.
  const byLogin = new Map<string, Set<() => void>>();

  async function flush(workshopId: number) {
    pending.delete(workshopId);
    lastSent.set(workshopId, clock.now());
    const set = listeners.get(workshopId);
    if (!set?.size) return;
    let json: string | null = null;
    try {
      json = await compute(workshopId);
    } catch {
      return; // a failed summary is retried on the next change; listeners keep their last state
    }
    if (json === null) {
      for (const l of set) l.close(); // the workshop was deleted
      listeners.delete(workshopId);
      return;
    }
    if (dedupe) {
      if (lastText.get(workshopId) === json) return;
      lastText.set(workshopId, json);
    }
    for (const l of set) l.send(json);
  }

  function notify(workshopId: number): void {
    if (!listeners.get(workshopId)?.size || pending.has(workshopId)) return;
    const wait = Math.max(0, (lastSent.get(workshopId) ?? 0) + throttleMs - clock.now());
    pending.set(
      workshopId,
      clock.schedule(() => void flush(workshopId), wait),
    );
  }

  return {
    subscribe(workshopId: number, listener: LiveListener): () => void {
      let set = listeners.get(workshopId);
      if (!set) listeners.set(workshopId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (!set.size) {
          listeners.delete(workshopId);
          lastSent.delete(workshopId);
          lastText.delete(workshopId);
        }
      };
    },
    notify,
    /** Registers an open stream of a login session; null when that session already has the most allowed. */
    track(loginId: string, close: () => void): (() => void) | null {
      let set = byLogin.get(loginId);
      if ((set?.size ?? 0) >= MAX_STREAMS_PER_LOGIN) return null;
      if (!set) byLogin.set(loginId, (set = new Set()));
      set.add(close);
      return () => {
        set.delete(close);
        if (!set.size && byLogin.get(loginId) === set) byLogin.delete(loginId);
      };
    },
    /** Ends the streams of one login session (at logout). */
    closeLogin(loginId: string): void {
      for (const close of [...(byLogin.get(loginId) ?? [])]) close();
    },
    /** How many streams of a login session are open on this instance. */
    openStreams(loginId: string): number {
      return byLogin.get(loginId)?.size ?? 0;
    },
    /** After a lost change feed: every dashboard gets a fresh state. */
    notifyAll(): void {
      for (const id of listeners.keys()) notify(id);
    },
    /** Ends every stream (on shutdown), so the server can close. */
    closeAll(): void {
      for (const cancel of pending.values()) cancel();
      pending.clear();
      for (const set of listeners.values()) for (const l of set) l.close();
      listeners.clear();
      lastSent.clear();
      lastText.clear();
    },
  };
}
export type LiveHub = ReturnType<typeof createLiveHub>;
