import type { Response } from 'express';

/**
 * A Server-Sent Events response, as the dashboards and the phones use it: the headers, `retry: 3000` so browsers
 * reconnect by themselves, numbered events, and a heartbeat that also asks `stillValid` (a login or a participant
 * that is gone ends the stream). `end` runs every cleanup once, whoever calls it (the client, the heartbeat, a hub
 * at shutdown).
 */
export function eventStream(res: Response, heartbeatMs: number, stillValid: () => Promise<boolean>) {
  let ended = false;
  let seq = 0;
  let checking = false;
  const cleanups: (() => void)[] = [];
  const end = () => {
    if (ended) return;
    ended = true;
    for (const c of cleanups) c();
    res.end();
  };
  return {
    end,
    onEnd: (cleanup: () => void) => void cleanups.push(cleanup),
    /** Sends the headers: call it once nothing can refuse the request with an error any more. */
    open() {
      res.on('close', end);
      res.status(200).set({
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no', // tell reverse proxies not to buffer the stream
      });
      res.flushHeaders();
      res.write('retry: 3000\n\n');
      const heartbeat = setInterval(() => {
        if (checking) return;
        checking = true;
        void stillValid().then(
          (valid) => {
            checking = false;
            if (!valid) return end();
            if (!ended) res.write(': heartbeat\n\n');
          },
          () => {
            checking = false;
            end();
          },
        );
      }, heartbeatMs);
      cleanups.push(() => clearInterval(heartbeat));
    },
    /** A function that sends events of one name. */
    sender: (event: string) => (json: string) => void res.write(`id: ${++seq}\nevent: ${event}\ndata: ${json}\n\n`),
  };
}
