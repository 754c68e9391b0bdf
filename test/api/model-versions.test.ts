import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Content } from '../../src/content/load';
import type { UserRecord } from '../../src/db/store';
import type { Answers } from '../../src/domain/answers';
import { openTestStore } from '../helpers/backend';
import { modelSchema } from '../../src/domain/model';
import { indexModel, type ModelIndex } from '../../src/domain/model-index';
import { createStatsService } from '../../src/services/stats';
import { realContent, uniformAnswers } from '../helpers/content';

/** The real content as it was before version 2 was added: version 1 only. */
function onlyVersion1(): Content {
  const real = realContent();
  const v1 = real.models.get('1')!;
  return { ...real, models: new Map([['1', v1]]), current: v1 };
}

/** Answers that make Resultaat (orange) the strongest drive, so its texts are on the profile page. */
function orangeFirst(index: ModelIndex): Answers {
  const m = index.model;
  return {
    likert: Object.fromEntries(m.likert.items.map((i) => [i.id, i.drive !== 'orange' ? 3 : i.reverse ? 1 : 5])),
    choice: Object.fromEntries(
      m.choice.items.map((s) => [
        s.id,
        { most: s.options.find((o) => o.drive === 'orange')!.id, least: s.options.find((o) => o.drive === 'purple')!.id },
      ]),
    ),
  };
}

const admin: UserRecord = {
  id: 0,
  email: 'admin@example.nl',
  name: 'Admin',
  role: 'admin',
  createdAt: '2026-01-01T00:00:00Z',
  status: 'active',
  lastLoginAt: null,
  hasPassword: true,
};
const escaped = (s: string) => s.replace(/'/g, '&#39;').replace(/"/g, '&#34;');

describe('model versions', () => {
  test('When version 2 is installed after version 1 was in use, then v1 profiles keep their v1 score and texts, an unfinished v1 questionnaire keeps its v1 statements, new ones are v2, and statistics are per version', async () => {
    const { store } = await openTestStore();
    const config = loadConfig({ NODE_ENV: 'test' });
    const v1 = realContent().models.get('1')!;
    const v2 = realContent().models.get('2')!;
    const L04 = (index: ModelIndex) => index.model.likert.items.find((i) => i.id === 'L04')!.text.nl;
    const orangeEnergises = (index: ModelIndex) => index.model.drives.find((d) => d.id === 'orange')!.energises.nl[0]!;
    expect(L04(v1)).not.toBe(L04(v2));
    expect(orangeEnergises(v1)).not.toBe(orangeEnergises(v2));

    const before = request(createApp({ db: store, config, content: onlyVersion1() }));
    const done = (await before.post('/api/assessments').send({ consent: true }).expect(201)).body.token as string;
    await before.put(`/api/assessments/${done}/answers`).send(orangeFirst(v1)).expect(200);
    const profile1 = (await before.post(`/api/assessments/${done}/complete`).expect(200)).body;
    expect(profile1).toMatchObject({ modelVersion: '1', primary: expect.arrayContaining(['orange']) });
    const unfinished = (await before.post('/api/assessments').send({ consent: true }).expect(201)).body.token as string;

    // The real data directory: version 1 and version 2, the highest current.
    expect(realContent().current.model.version).toBe('2');
    const after = request(createApp({ db: store, config, content: realContent() }));
    expect((await after.get(`/api/assessments/${done}/profile`).expect(200)).body).toEqual(profile1);
    const page = (await after.get(`/p/${done}`).expect(200)).text;
    expect(page).toContain('versie 1');
    expect(page).toContain(escaped(orangeEnergises(v1)));
    expect(page).not.toContain(escaped(orangeEnergises(v2)));
    const oldQuestions = (await after.get(`/a/${unfinished}/1`).expect(200)).text;
    expect(oldQuestions).toContain(escaped(L04(v1)));
    expect(oldQuestions).not.toContain(escaped(L04(v2)));

    const fresh = (await after.post('/api/assessments').send({ consent: true }).expect(201)).body.token as string;
    expect((await after.get(`/a/${fresh}/1`).expect(200)).text).toContain(escaped(L04(v2)));
    await after.put(`/api/assessments/${fresh}/answers`).send(orangeFirst(v2)).expect(200);
    expect((await after.post(`/api/assessments/${fresh}/complete`).expect(200)).body).toMatchObject({ modelVersion: '2' });

    const stats = createStatsService(store, realContent());
    expect(await stats.quality(admin, '1')).toMatchObject({ modelVersion: '1', completed: 1 });
    expect(await stats.quality(admin, '2')).toMatchObject({ modelVersion: '2', completed: 1 });
    expect(await stats.quality(admin)).toMatchObject({ modelVersion: '2', completed: 1 });
    expect((await store.stats.combinedScores('1')).n).toBe(1);
    expect((await store.stats.combinedScores('2')).n).toBe(1);
  });

  test('When a new model version is installed later, then a stored profile keeps its version and scores, and new assessments use the new version', async () => {
    const { store } = await openTestStore();
    const config = loadConfig({ NODE_ENV: 'test' });
    const current = realContent();
    const http1 = request(createApp({ db: store, config, content: current }));
    const { body } = await http1.post('/api/assessments').send({ consent: true }).expect(201);
    const answers = uniformAnswers(current.current, 5);
    await http1.put(`/api/assessments/${body.token}/answers`).send(answers).expect(200);
    const before = (await http1.post(`/api/assessments/${body.token}/complete`).expect(200)).body;

    // A next version reverses every statement's keying: scoring the same answers with it would differ.
    const next = String(Number(current.current.model.version) + 1);
    const mNext = modelSchema.parse({
      ...current.current.model,
      version: next,
      likert: { ...current.current.model.likert, items: current.current.model.likert.items.map((i) => ({ ...i, reverse: !i.reverse })) },
    });
    const later: Content = { ...current, models: new Map([...current.models, [next, indexModel(mNext)]]), current: indexModel(mNext) };
    const http2 = request(createApp({ db: store, config, content: later }));

    const after = (await http2.get(`/api/assessments/${body.token}/profile`).expect(200)).body;
    expect(after).toEqual(before);
    expect(after.modelVersion).toBe(current.current.model.version);
    const page = await http2.get(`/p/${body.token}`).expect(200);
    expect(page.text).toContain(`versie ${current.current.model.version}`);

    const fresh = (await http2.post('/api/assessments').send({ consent: true }).expect(201)).body;
    await http2.put(`/api/assessments/${fresh.token}/answers`).send(answers).expect(200);
    const p2 = (await http2.post(`/api/assessments/${fresh.token}/complete`).expect(200)).body;
    expect(p2.modelVersion).toBe(next);
    expect(p2.scores).not.toEqual(before.scores);
  });
});
