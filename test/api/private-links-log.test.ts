import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openTestStore } from '../helpers/backend';
import { realContent } from '../helpers/content';

// Private links open a person's answers and profile: they match only as written, and never reach the log.
test('When a private link is asked for in another case or percent-encoded, then it is a 404 and the log has no token', async () => {
  let logged = '';
  const sink = new Writable({ write: (chunk, _enc, done) => ((logged += chunk.toString()), done()) });
  const { store } = await openTestStore();
  const app = createApp({
    db: store,
    config: loadConfig({ NODE_ENV: 'test' }),
    content: realContent(),
    logger: createLogger('info', sink),
  });
  const http = () => request(app);
  const { token } = (await http().post('/api/assessments').send({ consent: true }).expect(201)).body as { token: string };

  await http().get(`/p/${token}`).expect(303); // as written: the link works
  await http().get(`/P/${token}`).expect(404);
  await http().get(`/A/${token}/1`).expect(404);
  await http().get(`/API/Assessments/${token}`).expect(404);
  await http().get(`/%70/${token}`).expect(404);
  await http()
    .put(`/API/assessments/${token}/answers`)
    .send({ likert: { L01: 3 } })
    .expect(404); // a route of the app itself
  await http().get(`/me/profiles?token=${token}`).expect(303);

  expect(logged.match(/\[token\]/g)?.length).toBe(7);
  expect(logged).not.toContain(token);
});
