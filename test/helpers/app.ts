import request from 'supertest';
import { createApp, type App, type AppDeps } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openTestStore, type TestStore } from './backend';
import { testHashing } from './hashing';
import { realContent, uniformAnswers } from './content';

/**
 * A fresh app over its own empty database (in-memory SQLite, or its own PostgreSQL schema when the
 * suite runs on PostgreSQL); each test makes its own data. `db` runs raw SQL for checks.
 */
export async function makeApp(env: Record<string, string> = {}, deps: Pick<AppDeps, 'passwords' | 'liveClock' | 'content'> = {}) {
  const db: TestStore = await openTestStore();
  const config = loadConfig({ NODE_ENV: 'test', ...testHashing(env), ...env });
  const app: App = createApp({ db: db.store, config, content: realContent(), ...deps });
  return { app, store: db.store, db, config, http: () => request(app) };
}

export type TestApp = Awaited<ReturnType<typeof makeApp>>;

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
export async function counts(t: TestApp) {
  const one = (sql: string) => t.db.one<number>(sql);
  return {
    assessments: await one('SELECT count(*) FROM assessments'),
    likert: await one('SELECT count(*) FROM likert_answers'),
    choice: await one('SELECT count(*) FROM choice_answers'),
  };
}

export const PASSWORD = 'correct-horse-battery-staple';

/** Adds a user straight through the service (as the CLI does). */
export async function addUser(
  t: TestApp,
  email: string,
  role: 'trainer' | 'consultant' | 'admin' = 'trainer',
  name = email.split('@')[0]!,
) {
  const { createUserService } = await import('../../src/services/users');
  const { createPasswords } = await import('../../src/services/passwords');
  return createUserService(t.store, createPasswords(t.config.passwords)).add({ email, name, role, password: PASSWORD });
}

/** The CSRF token of a page's form. */
export const csrfTokenIn = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

/** A supertest agent logged in through the login form, as a browser is (the pages' CSRF tokens then work). */
export async function loggedInByForm(t: TestApp, email: string) {
  const agent = request.agent(t.app);
  const token = csrfTokenIn((await agent.get('/login').expect(200)).text);
  await agent.post('/login').type('form').send({ _csrf: token, email, password: PASSWORD }).expect(303);
  return agent;
}

/** Posts a form as the page `page` would, with that page's CSRF token. */
export async function postForm(agent: request.Agent, page: string, action: string, fields: Record<string, string | string[]>) {
  const token = csrfTokenIn((await agent.get(page).expect(200)).text);
  return agent
    .post(action)
    .type('form')
    .send({ _csrf: token, ...fields });
}

/** A supertest agent (keeps cookies) logged in as the user. */
export async function loggedIn(t: TestApp, email: string) {
  const agent = request.agent(t.app);
  await agent.post('/api/login').send({ email, password: PASSWORD }).expect(200);
  return agent;
}

/** Complete answers where every statement is 3 and, in every situation, `most` and `least` are the given drives. */
export function answersPicking(most: string, least: string) {
  const m = realContent().current.model;
  return {
    likert: Object.fromEntries(m.likert.items.map((i) => [i.id, 3])),
    choice: Object.fromEntries(
      m.choice.items.map((s) => [
        s.id,
        { most: s.options.find((o) => o.drive === most)!.id, least: s.options.find((o) => o.drive === least)!.id },
      ]),
    ),
  };
}

/** Joins a workshop through the API and completes the questionnaire; returns the token. */
export async function joinAndComplete(t: TestApp, code: string, name: string, most: string, least: string): Promise<string> {
  const joined = await t
    .http()
    .post('/api/assessments')
    .set('Cookie', `dv.client=${name.replace(/\W/g, '')}`)
    .send({ consent: true, sessionCode: code, name })
    .expect(201);
  const token = joined.body.token as string;
  await t.http().put(`/api/assessments/${token}/answers`).send(answersPicking(most, least)).expect(200);
  await t.http().post(`/api/assessments/${token}/complete`).expect(200);
  return token;
}

/** The session cookie (`name=value`) a login response set, for raw http requests and streams. */
export const sessionCookieOf = (res: { headers: Record<string, unknown> }): string =>
  ([] as string[]).concat(res.headers['set-cookie'] as string | string[])[0]!.split(';')[0]!;

/** A test app listening on a free loopback port, with one logged-in trainer's session cookie: for event streams. */
export async function listeningApp(env: Record<string, string>, email: string) {
  const t = await makeApp(env);
  await addUser(t, email);
  const cookie = sessionCookieOf(await t.http().post('/api/login').send({ email, password: PASSWORD }).expect(200));
  const server = t.app.listen(0);
  const base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  const close = () => {
    t.app.live.closeAll();
    server.close();
  };
  return { t, server, base, cookie, close };
}
