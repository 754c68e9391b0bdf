import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openSqliteStore } from '../../src/db/sqlite-store';
import { realContent, uniformAnswers } from './content';

/** A fresh app over its own in-memory database; each test makes its own data. */
export function makeApp(env: Record<string, string> = {}) {
  const store = openSqliteStore(':memory:');
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const app: Express = createApp({ db: store, config, content: realContent() });
  return { app, store, sqlite: store.sqlite, http: () => request(app) };
}

export type TestApp = ReturnType<typeof makeApp>;

export async function createAssessment(t: TestApp, body: Record<string, unknown> = { consent: true }): Promise<string> {
  const res = await t.http().post('/api/assessments').send(body).expect(201);
  return res.body.token as string;
}

/** Saves a complete, valid answer set (every statement `value`). */
export async function answerAll(t: TestApp, token: string, value = 4): Promise<void> {
  const answers = uniformAnswers(realContent().current, value);
  await t.http().put(`/api/assessments/${token}/answers`).send(answers).expect(200);
}

/** Row counts of the answer tables: to prove that nothing partial was stored. */
export function counts(t: TestApp) {
  const one = (sql: string) => t.sqlite.prepare(sql).pluck().get() as number;
  return {
    assessments: one('SELECT count(*) FROM assessments'),
    likert: one('SELECT count(*) FROM likert_answers'),
    choice: one('SELECT count(*) FROM choice_answers'),
  };
}
