import { Router } from 'express';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { loginStillValid } from '../../http/session';
import { eventStream } from '../../http/event-stream';
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
    const stream = eventStream(res, heartbeatMs, () => loginStillValid(req, user.id));
    // No await between the count and the registration: parallel requests cannot both take the last slot.
    const untrack = live.track(req.sessionID, stream.end);
    if (!untrack) {
      throw new AppError(
        'too_many_requests',
        `At most ${MAX_STREAMS_PER_LOGIN} live dashboards per login are open at once. Close another tab or window with a dashboard, then try again.`,
      );
    }
    stream.onEnd(untrack);
    stream.open();
    const send = stream.sender('summary');
    // The studio: the current step and the progress of the current round (results after its reveal).
    const sendExercise = stream.sender('exercise');
    send(first);
    if (firstStudio) sendExercise(firstStudio);
    stream.onEnd(live.subscribe(w.id, { send, close: stream.end }));
    stream.onEnd(studio.hub.subscribe(w.id, { send: sendExercise, close: stream.end }));
  });
  return router;
}
