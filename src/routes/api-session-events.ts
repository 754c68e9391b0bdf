import { Router } from 'express';
import { currentUser } from '../http/auth';
import type { LiveHub } from '../services/live';
import type { WorkshopService } from '../services/workshops';

/**
 * GET /api/sessions/:id/events: Server-Sent Events. Sends the summary on connect (so a reconnect
 * resumes with the current state), then on every change (throttled by the hub), and a heartbeat.
 */
export function sessionEvents(workshops: WorkshopService, live: LiveHub, heartbeatMs: number): Router {
  const router = Router({ caseSensitive: true });
  router.get('/:id/events', async (req, res) => {
    const w = await workshops.get(currentUser(res), req.params.id as string);
    const first = await workshops.summaryJson(w);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no', // tell reverse proxies not to buffer the stream
    });
    res.flushHeaders();
    let seq = 0;
    const send = (json: string) => res.write(`id: ${++seq}\nevent: summary\ndata: ${json}\n\n`);
    res.write('retry: 3000\n\n');
    send(first);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const unsubscribe = live.subscribe(w.id, { send, close: () => res.end() });
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
  return router;
}
