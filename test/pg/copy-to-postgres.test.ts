import { testUserService } from '../helpers/hashing';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { compareTables } from '../../src/db/copy-to-postgres';
import { openPgStore } from '../../src/db/postgres/store';
import { openSqliteStore } from '../../src/db/sqlite/store';
import { answersPicking } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { TEST_DATABASE_URL, createSchema, dropSchema, urlWithSchema } from '../helpers/backend';
import { realContent } from '../helpers/content';
import { tempDatabase } from '../helpers/server';

jest.setTimeout(60_000);
const PASSWORD = 'copy-test-password-1';
const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_JOIN_PER_CLIENT: '1000' });

const cli = async (args: string[]) => {
  const res = await runCli(args, {});
  return { code: res.code, out: res.out + res.err };
};

const SSO_LINK = { issuer: 'https://login.example.nl/tenant', subject: 'sub-sanne' };

/** A SQLite database with something in every table, made through the app as people would. */
async function filledSqlite(): Promise<{ file: string; token: string }> {
  const file = tempDatabase();
  const store = openSqliteStore(file);
  const users = testUserService(store);
  await users.add({ email: 'trainer@example.nl', name: 'Tessa', role: 'trainer', password: PASSWORD });
  await users.add({ email: 'co@example.nl', name: 'Cor', role: 'trainer', password: PASSWORD });
  const consultant = await users.add({ email: 'kees@example.nl', name: 'Kees', role: 'consultant', password: PASSWORD });
  // An account made by single sign-on: no password, linked by issuer and sub.
  await store.users.createSso({
    email: 'sanne@example.nl',
    name: 'Sanne',
    role: 'consultant',
    link: SSO_LINK,
    now: new Date().toISOString(),
  });
  // A used invitation link (only its hash is stored).
  const now = new Date().toISOString();
  await store.userTokens.create({ tokenHash: 'f'.repeat(64), userId: consultant.id, kind: 'invite', expiresAt: now, now });
  const app = createApp({ db: store, config, content: realContent() });
  const agent = request.agent(app);
  await agent.post('/api/login').send({ email: 'trainer@example.nl', password: PASSWORD }).expect(200);
  const { id: workshopId, code } = (await agent.post('/api/sessions').send({ title: 'Gemeente Zuid', minGroupSize: 1 }).expect(201)).body;
  let last = '';
  const joined: string[] = [];
  for (const [name, most, least] of [
    ['Anna', 'purple', 'red'],
    ['Bram', 'blue', 'green'],
  ]) {
    const { token } = (
      await request(app)
        .post('/api/assessments')
        .set('Cookie', `dv.client=${name}`)
        .send({ consent: true, sessionCode: code, name })
        .expect(201)
    ).body;
    await request(app).put(`/api/assessments/${token}/answers`).send(answersPicking(most!, least!)).expect(200);
    await request(app).post(`/api/assessments/${token}/complete`).expect(200);
    last = token;
    joined.push(token);
  }
  // A co-trainer and the team's agreements.
  await agent.post(`/api/sessions/${workshopId}/trainers`).send({ email: 'co@example.nl' }).expect(201);
  await agent
    .put(`/api/sessions/${workshopId}/agreements`)
    .send({ items: [{ text: 'Eerst luisteren', drive: 'green' }] })
    .expect(200);
  // A correction of the drive reader, with its text (consent) and without.
  await agent.post('/api/recognize/corrections').send({ text: 'Wanneer gaat dit live?', drive: 'orange', consent: true }).expect(201);
  await agent.post('/api/recognize/corrections').send({ text: 'Wie beslist dit?', drive: 'red' }).expect(201);
  // The studio: an own remark, an open question with both participants' answers, and a vote.
  await agent.post('/api/remarks').send({ lang: 'nl', text: 'Dat hebben we al eens geprobeerd.', drive: 'purple' }).expect(201);
  const open = (await agent.post(`/api/sessions/${workshopId}/exercises`).send({ kind: 'open', prompt: 'Wat hoor je?' }).expect(201)).body;
  await agent.post(`/api/sessions/${workshopId}/exercises/${open.id}/open`).send({}).expect(200);
  const answerIds: number[] = [];
  for (const [i, token] of joined.entries()) {
    await request(app)
      .post(`/api/assessments/${token}/exercises/${open.id}/answer`)
      .send({ text: `Antwoord ${i}` })
      .expect(200);
    answerIds.push((await request(app).get(`/api/assessments/${token}/exercise`).expect(200)).body.answer.id);
  }
  await request(app).post(`/api/assessments/${joined[0]}/exercises/${open.id}/votes`).send({ answerId: answerIds[1] }).expect(200);
  const busy = (await request(app).post('/api/assessments').send({ consent: true, name: 'Half' }).expect(201)).body.token;
  await request(app)
    .put(`/api/assessments/${busy}/answers`)
    .send({ likert: { L01: 2 } })
    .expect(200);
  const own = (await request(app).post('/api/assessments').send({ consent: true }).expect(201)).body.token as string;
  const { createHash } = await import('node:crypto');
  await store.assessments.linkToUser(createHash('sha256').update(own).digest('hex'), consultant.id);
  const project = await store.projects.create({
    publicId: 'p'.repeat(22),
    ownerId: consultant.id,
    client: 'Gemeente Noord',
    system: 'Zaaksysteem',
    phase: 'pilot',
    notes: 'n',
    now: new Date().toISOString(),
  });
  await store.projects.setChange(project.id, { procedures: 2, pace: 3 }, new Date().toISOString());
  const stakeholder = await store.projects.addStakeholder(project.id, {
    publicId: 's'.repeat(22),
    name: 'Wethouder',
    department: 'Bestuur',
    influence: 5,
    support: -1,
    drives: ['red'],
    concerns: '',
    approach: '',
    lastContact: null,
    now: new Date().toISOString(),
  });
  // A contact with a reading (JSON), a next step and a date, done (a boolean).
  await store.contacts.add(
    stakeholder.id,
    {
      publicId: 'c'.repeat(16),
      date: '2026-11-20',
      remark: 'Wie beslist dit?',
      support: 0,
      nextStep: 'Bellen',
      due: '2026-12-01',
      reading: { drives: [{ drive: 'red', score: 90 }] },
      now: new Date().toISOString(),
    },
    () => ['red'],
  );
  await store.contacts.markDone(project.id, 'c'.repeat(16));
  // The project shared with a colleague, and an action of its development plan from that contact.
  const colleague = await users.add({ email: 'lies@example.nl', name: 'Lies', role: 'consultant', password: PASSWORD });
  await store.projects.addMember(project.id, colleague.id, new Date().toISOString());
  await store.planActions.add(project.id, {
    publicId: 'a'.repeat(16),
    kind: 'train',
    title: 'Uitleg wie wat beslist',
    owner: 'Kees',
    due: '2026-12-15',
    status: 'doing',
    drive: 'red',
    sourceKind: 'contact',
    sourceRef: 'c'.repeat(16),
    now: new Date().toISOString(),
  });
  // A closed survey (JSON departments, a closing time) with a response (JSON answers).
  const survey = await store.surveys.create(project.id, {
    publicId: 's'.repeat(16),
    code: 'ABCDEFGHJK',
    title: 'Draagvlak',
    departments: ['Burgerzaken'],
    lang: 'nl',
    now: new Date().toISOString(),
  });
  await store.surveys.addResponse(survey.id, {
    department: 'Burgerzaken',
    answers: { why: 4 },
    worries: 'Wie beslist?',
    needs: null,
    now: new Date().toISOString(),
  });
  await store.surveys.close(survey.id, new Date().toISOString());
  await store.stats.createNormTable(
    '1',
    2,
    { purple: [1], red: [2], blue: [3], orange: [4], green: [5], yellow: [6] },
    new Date().toISOString(),
  );
  await store.close();
  return { file, token: last };
}

test('copy-to-postgres copies every table into an empty PostgreSQL database, compares them, and the app works on the copy', async () => {
  const { file, token } = await filledSqlite();
  const schema = await createSchema();
  try {
    const run = await cli(['copy-to-postgres', '--from', file, '--to', urlWithSchema(TEST_DATABASE_URL, schema)]);
    expect(run.out).toContain('every table has the same rows on both sides');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n').filter((l) => /^(same|DIFFERENT)\t/.test(l));
    expect(lines.map((l) => l.split('\t')[1]).sort()).toEqual([
      'assessments',
      'audit_log',
      'choice_answers',
      'exercise_answers',
      'exercise_votes',
      'exercises',
      'likert_answers',
      'login_sessions',
      'norm_tables',
      'plan_actions',
      'project_members',
      'projects',
      'rate_limits',
      'reader_corrections',
      'remarks',
      'stakeholder_contacts',
      'stakeholders',
      'survey_responses',
      'surveys',
      'user_tokens',
      'users',
      'workshop_trainers',
      'workshops',
    ]);
    for (const l of lines) {
      const [verdict, , lite, pg] = l.split('\t');
      expect(verdict).toBe('same');
      expect(Number(lite!.split(' ')[1])).toBeGreaterThan(0); // something was in every table
      expect(pg!.split(' ')[1]).toBe(lite!.split(' ')[1]);
    }

    // The copy is a working database: logins, profiles, and new rows after the copied ids.
    const store = await openPgStore({ url: TEST_DATABASE_URL, schema, poolMax: 2 });
    try {
      const app = createApp({ db: store, config, content: realContent() });
      await request(app).post('/api/login').send({ email: 'trainer@example.nl', password: PASSWORD }).expect(200);
      expect(await store.users.findBySso(SSO_LINK.issuer, SSO_LINK.subject)).toMatchObject({ email: 'sanne@example.nl' });
      const profile = (await request(app).get(`/api/assessments/${token}/profile`).expect(200)).body;
      expect(profile.primary).toBeDefined();
      const maxId = (await store.pool.query<{ m: number }>('SELECT max(id) AS m FROM assessments')).rows[0]!.m;
      await request(app).post('/api/assessments').send({ consent: true }).expect(201);
      expect((await store.pool.query<{ m: number }>('SELECT max(id) AS m FROM assessments')).rows[0]!.m).toBe(maxId + 1);
    } finally {
      await store.close();
    }

    // A second copy into the now filled database is refused, and nothing changes.
    const again = await cli(['copy-to-postgres', '--from', file, '--to', urlWithSchema(TEST_DATABASE_URL, schema)]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/not empty/);
  } finally {
    await dropSchema(schema);
  }
});

test('When a copied row differs, then the comparison names that table', async () => {
  const { file } = await filledSqlite();
  const schema = await createSchema();
  try {
    expect((await cli(['copy-to-postgres', '--from', file, '--to', urlWithSchema(TEST_DATABASE_URL, schema)])).code).toBe(0);
    const target = await openPgStore({ url: TEST_DATABASE_URL, schema, poolMax: 2 });
    const source = openSqliteStore(file);
    try {
      expect((await compareTables(source.sqlite, target.pool)).every((c) => c.same)).toBe(true);
      await target.pool.query("UPDATE stakeholders SET name = 'Someone else'");
      const checks = await compareTables(source.sqlite, target.pool);
      expect(checks.filter((c) => !c.same).map((c) => c.table)).toEqual(['stakeholders']);
    } finally {
      await target.close();
      await source.close();
    }
  } finally {
    await dropSchema(schema);
  }
});

test('Without a PostgreSQL address, or with a missing SQLite file, copy-to-postgres explains what it needs', async () => {
  expect(await cli(['copy-to-postgres', '--from', tempDatabase()])).toEqual({
    code: 1,
    out: expect.stringMatching(/Say where to copy to: --to postgres:\/\//),
  });
  expect(await cli(['copy-to-postgres', '--from', '/nonexistent/x.sqlite', '--to', TEST_DATABASE_URL])).toEqual({
    code: 1,
    out: expect.stringMatching(/does not exist/),
  });
});
