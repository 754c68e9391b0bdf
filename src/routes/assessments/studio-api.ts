import { Router } from 'express';
import { AppError } from '../../errors';
import { MAX_STREAMS_PER_LOGIN, type LiveHub } from '../../services/live';
import type { StudioService } from '../../services/studio';
import type { ParticipantAnswer, ParticipantStudio } from '../../services/studio-participant';

const bodyOf = (raw: unknown): Record<string, unknown> => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('validation_failed', 'Send a JSON object.');
  return raw as Record<string, unknown>;
};

/**
 * A participant's side of the workshop studio, through their private token: the current exercise, answers,
 * votes, and their own event stream (event `exercise` whenever the step or the round changes).
 */
export function participantStudioApi(participants: ParticipantStudio, phones: LiveHub, studio: StudioService, heartbeatMs: number): Router {
  const router = Router({ caseSensitive: true });
  router.get('/api/assessments/:token/exercise', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await participants.current(req.params.token));
  });
  router.post('/api/assessments/:token/exercises/:eid/answer', async (req, res) => {
    const body = bodyOf(req.body) as ParticipantAnswer;
    res.json(await participants.answer(req.params.token, req.params.eid, body));
  });
  router.post('/api/assessments/:token/exercises/:eid/votes', async (req, res) => {
    res.json(await participants.vote(req.params.token, req.params.eid, bodyOf(req.body).answerId));
  });

  router.get('/api/assessments/:token/events', async (req, res) => {
    const token = req.params.token;
    const { assessmentId, w } = await participants.sessionOf(token);
    const first = await studio.phoneState(w.id);
    let ended = false;
    const cleanups: (() => void)[] = [];
    const end = () => {
      if (ended) return;
      ended = true;
      for (const c of cleanups) c();
      res.end();
    };
    const untrack = phones.track(`participant:${assessmentId}`, end);
    if (!untrack)
      throw new AppError('too_many_requests', `At most ${MAX_STREAMS_PER_LOGIN} workshop screens per private link are open at once.`);
    cleanups.push(untrack);
    res.on('close', end);
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    let seq = 0;
    const send = (json: string) => res.write(`id: ${++seq}\nevent: exercise\ndata: ${json}\n\n`);
    res.write('retry: 3000\n\n');
    if (first) send(first);
    // The heartbeat also notices a participant who deleted their data (or was removed) meanwhile.
    const heartbeat = setInterval(() => {
      participants.sessionOf(token).then(
        () => (ended ? undefined : void res.write(': heartbeat\n\n')),
        () => end(),
      );
    }, heartbeatMs);
    cleanups.push(() => clearInterval(heartbeat));
    cleanups.push(phones.subscribe(w.id, { send, close: end }));
  });
  return router;
}
