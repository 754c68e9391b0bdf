import { Router } from 'express';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { loginStillValid } from '../../http/session';
import { MAX_STREAMS_PER_LOGIN, type LiveHub } from '../../services/live';
import type { WorkshopService } from '../../services/workshops';

/**
 * GET /api/sessions/:id/events: Server-Sent Events. Sends the summary on connect (so a reconnect
 * resumes with the current state), then on every change (throttled by the hub), and a heartbeat.
 * At most MAX_STREAMS_PER_LOGIN per login session. Each heartbeat checks the login session in the
 * database, so a logout, password change or user removal elsewhere (CLI, other instance) ends the stream.
 */
export function workshopEvents(
  workshops: WorkshopService,
  live: LiveHub,
  heartbeatMs: number,
  studio: { hub: LiveHub; state: (workshopId: number) => Promise<string | null> },
): Router {
  const router = Router({ caseSensitive: true });
  router.get('/:id/events', async (req, res) => {
    const user = currentUser(res);
    const w = await workshops.get(user, req.params.id);
    const first = await workshops.summaryJson(w);
    const firstStudio = await studio.state(w.id);
    let ended = false;
    let checking = false;
    const cleanups: (() => void)[] = [];
    const end = () => {
      if (ended) return;
      ended = true;
      for (const c of cleanups) c();
      res.end();
    };
    // No await between the count and the registration: parallel requests cannot both take the last slot.
    const untrack = live.track(req.sessionID, end);
    if (!untrack) {
      throw new AppError(
        'too_many_requests',
        `At most ${MAX_STREAMS_PER_LOGIN} live dashboards per login are open at once. Close another tab or window with a dashboard, then try again.`,
      );
    }
    cleanups.push(untrack);
    res.on('close', end);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no', // tell reverse proxies not to buffer the stream
    });
    res.flushHeaders();
    let seq = 0;
    const send = (json: string) => res.write(`id: ${++seq}\nevent: summary\ndata: ${json}\n\n`);
    // The studio: the current step and the progress of the current round (results after its reveal).
    const sendExercise = (json: string) => res.write(`id: ${++seq}\nevent: exercise\ndata: ${json}\n\n`);
    res.write('retry: 3000\n\n');
    send(first);
    if (firstStudio) sendExercise(firstStudio);
    const heartbeat = setInterval(() => {
      if (checking) return;
      checking = true;
      void loginStillValid(req, user.id).then((valid) => {
        checking = false;
        if (!valid) return end();
        if (!ended) res.write(': heartbeat\n\n');
      });
    }, heartbeatMs);
    cleanups.push(() => clearInterval(heartbeat));
    cleanups.push(live.subscribe(w.id, { send, close: end }));
    cleanups.push(studio.hub.subscribe(w.id, { send: sendExercise, close: end }));
  });
  return router;
}
