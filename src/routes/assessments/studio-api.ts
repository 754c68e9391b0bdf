import { Router } from 'express';
import { AppError } from '../../errors';
import { eventStream } from '../../http/event-stream';
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
    const { assessmentId, w } = await participants.workshopOf(token);
    const first = await studio.phoneState(w.id);
    // The heartbeat also notices a participant who deleted their data (or was removed) meanwhile.
    const stream = eventStream(res, heartbeatMs, () =>
      participants.workshopOf(token).then(
        () => true,
        () => false,
      ),
    );
    const untrack = phones.track(`participant:${assessmentId}`, stream.end);
    if (!untrack)
      throw new AppError('too_many_requests', `At most ${MAX_STREAMS_PER_LOGIN} workshop screens per private link are open at once.`);
    stream.onEnd(untrack);
    stream.open();
    const send = stream.sender('exercise');
    if (first) send(first);
    stream.onEnd(phones.subscribe(w.id, { send, close: stream.end }));
  });
  return router;
}
