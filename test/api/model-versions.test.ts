import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Content } from '../../src/content/load';
import { openTestStore } from '../helpers/backend';
import { modelSchema } from '../../src/domain/model';
import { indexModel } from '../../src/domain/model-index';
import { realContent, uniformAnswers } from '../helpers/content';

describe('model versions', () => {
  test('When a new model version is installed later, then a stored profile keeps its version and scores, and new assessments use the new version', async () => {
    const { store } = await openTestStore();
    const config = loadConfig({ NODE_ENV: 'test' });
    const v1 = realContent();
    const http1 = request(createApp({ db: store, config, content: v1 }));
    const { body } = await http1.post('/api/assessments').send({ consent: true }).expect(201);
    const answers = uniformAnswers(v1.current, 5);
    await http1.put(`/api/assessments/${body.token}/answers`).send(answers).expect(200);
    const before = (await http1.post(`/api/assessments/${body.token}/complete`).expect(200)).body;

    // Version 2 reverses every statement's keying: scoring the same answers with it would differ.
    const m2 = modelSchema.parse({
      ...v1.current.model,
      version: '2',
      likert: { ...v1.current.model.likert, items: v1.current.model.likert.items.map((i) => ({ ...i, reverse: !i.reverse })) },
    });
    const v2: Content = { ...v1, models: new Map([...v1.models, ['2', indexModel(m2)]]), current: indexModel(m2) };
    const http2 = request(createApp({ db: store, config, content: v2 }));

    const after = (await http2.get(`/api/assessments/${body.token}/profile`).expect(200)).body;
    expect(after).toEqual(before);
    expect(after.modelVersion).toBe(v1.current.model.version);
    const page = await http2.get(`/p/${body.token}`).expect(200);
    expect(page.text).toContain(`versie ${v1.current.model.version}`);

    const fresh = (await http2.post('/api/assessments').send({ consent: true }).expect(201)).body;
    await http2.put(`/api/assessments/${fresh.token}/answers`).send(answers).expect(200);
    const p2 = (await http2.post(`/api/assessments/${fresh.token}/complete`).expect(200)).body;
    expect(p2.modelVersion).toBe('2');
    expect(p2.scores).not.toEqual(before.scores);
  });
});
