import request from 'supertest';
import { AUDIT_PAGE_SIZE, createAuditService, type AuditAction } from '../../src/services/audit';
import { purgeExpired } from '../../src/services/retention';
import { createUserService } from '../../src/services/users';
import { createPasswords } from '../../src/services/passwords';
import type { AuditRecord, Store } from '../../src/db/store';
import { BACKEND } from '../helpers/backend';
import { realContent } from '../helpers/content';
import { simulateRespondents } from '../../src/domain/stats/simulate';
import { seededRandom } from '../../src/domain/stats/random';
import { PASSWORD, addUser, createAssessment, joinAndComplete, loggedIn, loggedInByForm, makeApp, type TestApp } from '../helpers/app';

const DAY = 86_400_000;
const allRows = async (t: TestApp): Promise<AuditRecord[]> => (await t.store.audit.all({}, 10_000)).reverse();
const actions = (rows: AuditRecord[]) => rows.map((r) => r.action);

describe('the audit log records each action', () => {
  test('When a project is shared, its survey and a stakeholder deleted and a member leaves, then each is recorded with opaque ids only', async () => {
    const t = await makeApp();
    await addUser(t, 'tessa@example.nl', 'trainer');
    const mees = await addUser(t, 'mees@example.nl', 'trainer');
    const tessa = await loggedIn(t, 'tessa@example.nl');
    const p = (await tessa.post('/api/projects').send({ client: 'Gemeente Oost', system: 'Zaak', phase: 'pilot', notes: '' }).expect(201))
      .body;
    const api = `/api/projects/${p.id as string}`;
    await tessa.post(`${api}/members`).send({ email: 'mees@example.nl' }).expect(201);
    // Adding someone who is already a member changes nothing, so it leaves no record.
    await tessa.post(`${api}/members`).send({ email: 'mees@example.nl' }).expect(200);
    const st = (await tessa.post(`${api}/stakeholders`).send({ name: 'Geheime Teamleider', influence: 4, support: -1 }).expect(201)).body;
    const sv = (
      await tessa
        .post(`${api}/surveys`)
        .send({ title: 'Draagvlak', departments: ['KCC'] })
        .expect(201)
    ).body;
    const member = await loggedIn(t, 'mees@example.nl');
    await member.delete(`${api}/stakeholders/${st.id as string}`).expect(204);
    await member.delete(`${api}/surveys/${sv.id as string}`).expect(204);
    await member.delete(`${api}/members/${mees.id}`).expect(204); // he leaves
    await tessa.post(`${api}/members`).send({ email: 'mees@example.nl' }).expect(201);
    await tessa.delete(`${api}/members/${mees.id}`).expect(204); // the owner takes him off

    const rows = (await allRows(t)).filter((r) => !r.action.startsWith('login.') && r.action !== 'user.add');
    expect(rows.map((r) => [r.action, r.actor, r.target, r.detail])).toEqual([
      ['project.share', 'tessa@example.nl', p.id, { member: mees.id }],
      ['delete.stakeholder', 'mees@example.nl', p.id, { stakeholder: st.id }],
      ['delete.survey', 'mees@example.nl', p.id, { survey: sv.id, round: 1 }],
      ['project.unshare', 'mees@example.nl', p.id, { member: mees.id, left: true }],
      ['project.share', 'tessa@example.nl', p.id, { member: mees.id }],
      ['project.unshare', 'tessa@example.nl', p.id, { member: mees.id, left: false }],
    ]);
    expect(JSON.stringify(await t.db.sql('SELECT * FROM audit_log'))).not.toMatch(/Geheime Teamleider|Draagvlak|Gemeente Oost/);
  });

  test('When people log in, export, reveal, delete and purge, then each action leaves exactly its record and nothing secret', async () => {
    // Arrange: an admin and a trainer, made as the CLI does.
    const t = await makeApp();
    const admin = await addUser(t, 'beheer@example.nl', 'admin');
    const trainerUser = await addUser(t, 'tessa@example.nl', 'trainer');
    const users = createUserService(t.store, createPasswords(t.config.passwords));

    // Logins: one good, one wrong password for a known account, one unknown address.
    const trainer = await loggedIn(t, 'tessa@example.nl');
    await request(t.app).post('/api/login').send({ email: 'tessa@example.nl', password: 'wrong-password-123' }).expect(401);
    await request(t.app).post('/api/login').send({ email: 'nobody@example.nl', password: 'typed-in-the-wrong-field' }).expect(401);

    // A named session with two participants, an open question with a secret answer, reveals and exports.
    const s = (await trainer.post('/api/sessions').send({ title: 'Gemeente Zuid', minGroupSize: 1 }).expect(201)).body;
    const keep = await joinAndComplete(t, s.code, 'Geheime Naam', 'red', 'blue');
    await joinAndComplete(t, s.code, 'Andere Naam', 'green', 'blue');
    await trainer.post(`/api/sessions/${s.id}/reveal`).expect(200);
    await trainer.get(`/api/sessions/${s.id}/export.csv`).expect(200);
    await trainer.get(`/api/sessions/${s.id}/export-excel.csv`).expect(200);
    await trainer.get(`/api/sessions/${s.id}/export.json`).expect(200);
    const x = (await trainer.post(`/api/sessions/${s.id}/exercises`).send({ kind: 'open', prompt: 'Wat hoor je?' }).expect(201)).body;
    await trainer.post(`/api/sessions/${s.id}/exercises/${x.id}/open`).send({}).expect(200);
    await t.http().post(`/api/assessments/${keep}/exercises/${x.id}/answer`).send({ text: 'Een geheim antwoord' }).expect(200);
    await trainer.post(`/api/sessions/${s.id}/exercises/${x.id}/reveal`).send({}).expect(200);
    await trainer.get(`/api/sessions/${s.id}/exercises/${x.id}/export.csv`).expect(200);
    await trainer.delete(`/api/sessions/${s.id}/exercises/${x.id}`).expect(204);

    // Deletions: a participant removed by the trainer, a participant's own download and deletion, a project, the session.
    const members = (await trainer.get(`/api/sessions/${s.id}/summary`).expect(200)).body.members;
    const pid = members.find((m: { name: string }) => m.name === 'Andere Naam').id as number;
    await trainer.delete(`/api/sessions/${s.id}/participants/${pid}`).expect(204);
    await t.http().get(`/api/assessments/${keep}/export`).expect(200);
    await t.http().delete(`/api/assessments/${keep}`).expect(204);
    const p = (
      await trainer.post('/api/projects').send({ client: 'Gemeente Noord', system: 'Zaak', phase: 'pilot', notes: '' }).expect(201)
    ).body;
    await trainer.delete(`/api/projects/${p.id}`).expect(204);
    await trainer.delete(`/api/sessions/${s.id}`).expect(204);

    // User changes through the CLI's service, and a retention purge.
    await users.setPassword('tessa@example.nl', 'a-brand-new-password');
    await users.remove('tessa@example.nl');
    await purgeExpired(t.store, t.config.retention);

    // Assert: exactly these records, in this order.
    const rows = await allRows(t);
    const expected: AuditAction[] = [
      'user.add',
      'user.add',
      'login.success',
      'login.failure',
      'login.failure',
      'reveal.workshop',
      'export.workshop',
      'export.workshop',
      'export.workshop',
      'reveal.exercise',
      'export.exercise',
      'delete.exercise',
      'delete.participant',
      'export.own',
      'delete.assessment',
      'delete.project',
      'delete.workshop',
      'password.change',
      'user.remove',
      'retention.purge',
    ];
    expect(actions(rows)).toEqual(expected);
    const of = (action: AuditAction) => rows.filter((r) => r.action === action);
    expect(of('user.add').map((r) => [r.actor, r.target])).toEqual([
      ['cli', String(admin.id)],
      ['cli', String(trainerUser.id)],
    ]);
    expect(of('login.success')[0]).toMatchObject({ actor: 'tessa@example.nl', actorId: trainerUser.id, detail: { method: 'password' } });
    // A failed login keeps the address only when it is an account's.
    expect(of('login.failure').map((r) => [r.actor, r.actorId, r.detail.reason])).toEqual([
      ['tessa@example.nl', trainerUser.id, 'password'],
      ['anonymous', null, 'unknown_account'],
    ]);
    expect(of('reveal.workshop')[0]).toMatchObject({ actor: 'tessa@example.nl', target: s.code, detail: { completed: 2 } });
    expect(of('export.workshop').map((r) => r.detail)).toEqual([
      { format: 'csv', kind: 'rows', rows: 2 },
      { format: 'excel', kind: 'rows', rows: 2 },
      { format: 'json', kind: 'rows', rows: 2 },
    ]);
    expect(of('export.exercise')[0]).toMatchObject({ target: x.id, detail: { session: s.code, kind: 'open', format: 'csv' } });
    expect(of('delete.participant')[0]).toMatchObject({ target: s.code, detail: { participant: pid } });
    expect(of('export.own')[0]).toMatchObject({ actor: 'participant', actorId: null, target: null, detail: {} });
    expect(of('delete.assessment')[0]).toMatchObject({ actor: 'participant', target: null, detail: { completed: true } });
    expect(of('delete.project')[0]).toMatchObject({ actor: 'tessa@example.nl', target: p.id });
    expect(of('delete.workshop')[0]).toMatchObject({ target: s.code, detail: { anonymous: false } });
    expect(of('password.change')[0]).toMatchObject({ actor: 'cli', target: String(trainerUser.id) });
    // The record outlives the user: no foreign key.
    expect(of('user.remove')[0]).toMatchObject({ actor: 'cli', target: String(trainerUser.id), detail: { role: 'trainer' } });
    expect(of('retention.purge')[0]).toMatchObject({ actor: 'system', detail: { workshops: 0, unfinished: 0, audit: 0 } });
    expect(rows.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);

    // Nothing secret anywhere in the log: no token, password, name, answer or remark.
    const everything = JSON.stringify(await t.db.sql('SELECT * FROM audit_log'));
    for (const secret of [
      keep,
      PASSWORD,
      'wrong-password-123',
      'typed-in-the-wrong-field',
      'nobody@example.nl',
      'Geheime Naam',
      'Andere Naam',
      'geheim antwoord',
      'Wat hoor je',
      'Gemeente',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
  test('When an admin freezes a norm table and chooses it, then both are recorded with the version and n, and no profile in them', async () => {
    const t = await makeApp({ RATE_LIMIT_ASSESSMENTS_PER_IP: '10000' });
    for (const answers of simulateRespondents(realContent().current, 50, 0.8, seededRandom(3))) {
      const token = await createAssessment(t);
      await t.http().put(`/api/assessments/${token}/answers`).send(answers).expect(200);
      await t.http().post(`/api/assessments/${token}/complete`).expect(200);
    }
    const boss = await loggedIn(t, (await addUser(t, 'beheer@example.nl', 'admin')).email);
    const table = (await boss.post('/api/stats/norms/freeze').send({}).expect(201)).body;
    await boss.post('/api/stats/norms/activate').send({ id: table.id }).expect(204);
    await boss.post('/api/stats/norms/activate').send({ id: null }).expect(204);
    const version = realContent().current.model.version;
    const rows = (await allRows(t)).filter((r) => r.action.startsWith('norms.'));
    expect(rows.map((r) => [r.action, r.actor, r.target, r.detail])).toEqual([
      ['norms.freeze', 'beheer@example.nl', String(table.id), { modelVersion: version, n: 50 }],
      ['norms.activate', 'beheer@example.nl', String(table.id), { modelVersion: version, live: false }],
      ['norms.activate', 'beheer@example.nl', null, { modelVersion: version, live: true }],
    ]);
  }, 60_000);
});

/** 120 records over 120 hours, three actors and two actions, written through the service with a moving clock. */
async function seeded(t: TestApp, start: number) {
  let at = start;
  const audit = createAuditService(t.store, { now: () => new Date(at) });
  for (let i = 0; i < 120; i++) {
    at = start + i * 3_600_000;
    await audit.record({
      action: i % 2 ? 'export.workshop' : 'login.success',
      actorEmail: ['a@example.nl', 'b@example.nl', 'c@example.nl'][i % 3],
      target: `T${i}`,
    });
  }
}

describe('admins read the log', () => {
  test('When an admin pages and filters, then the newest come first, 50 a page, and the filters narrow by day, actor and action', async () => {
    const t = await makeApp();
    await addUser(t, 'beheer@example.nl', 'admin');
    const start = Date.parse('2026-11-01T00:30:00Z'); // 01:30 in Amsterdam, 1 November
    await seeded(t, start);
    const boss = await loggedIn(t, 'beheer@example.nl');

    const first = (await boss.get('/api/admin/audit').expect(200)).body;
    expect(first).toMatchObject({ page: 1, pageSize: AUDIT_PAGE_SIZE, total: 122, pages: 3 }); // the 120, the admin's user.add and login
    expect(first.items).toHaveLength(50);
    expect(first.items.slice(0, 2).map((r: AuditRecord) => r.action)).toEqual(['login.success', 'user.add']);
    const times = first.items.map((r: AuditRecord) => Date.parse(r.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const third = (await boss.get('/api/admin/audit?page=3').expect(200)).body;
    expect(third.items).toHaveLength(22);
    expect(third.items.at(-1).target).toBe('T0');

    const byActor = (await boss.get('/api/admin/audit?actor=B@example.nl&action=export.workshop').expect(200)).body;
    // b is i % 3 === 1, exports are odd i: i = 1, 7, 13, … (20 of them)
    expect(byActor.total).toBe(20);
    expect(byActor.items.every((r: AuditRecord) => r.actor === 'b@example.nl' && r.action === 'export.workshop')).toBe(true);

    // Days are Amsterdam days: 2 November runs from 23:00 UTC on 1 November, i.e. i = 23 … 46.
    const day = (await boss.get('/api/admin/audit?from=2026-11-02&to=2-11-2026').expect(200)).body;
    expect(day.total).toBe(24);
    expect(day.items.map((r: AuditRecord) => r.target).sort()).toEqual(Array.from({ length: 24 }, (_, k) => `T${k + 23}`).sort());

    for (const bad of [
      'from=yesterday',
      'to=2026-02-30',
      'from=2026-11-03&to=2026-11-02',
      'action=delete.everything',
      'page=0',
      'page=x',
    ]) {
      const res = await boss.get(`/api/admin/audit?${bad}`).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  test('When an admin exports the log as CSV, then the file has the filtered rows and the export itself is recorded', async () => {
    const t = await makeApp();
    await addUser(t, 'beheer@example.nl', 'admin');
    await seeded(t, Date.parse('2026-11-01T00:30:00Z'));
    const boss = await loggedIn(t, 'beheer@example.nl');
    const res = await boss.get('/api/admin/audit/export.csv?action=export.workshop&actor=a@example.nl').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['cache-control']).toMatch(/no-store/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('id,at,actor_id,actor,action,target,detail');
    expect(lines).toHaveLength(1 + 20);
    expect(lines[1]).toMatch(/,a@example\.nl,export\.workshop,T117,\{\}$/);
    const last = (await allRows(t)).at(-1)!;
    expect(last).toMatchObject({
      action: 'export.audit',
      actor: 'beheer@example.nl',
      detail: { rows: 20, byActor: true, ofAction: 'export.workshop' },
    });
  });

  test('When a trainer or consultant asks for any admin route, then it is a 404; without a login a 401 or the login page', async () => {
    const t = await makeApp();
    await addUser(t, 'tessa@example.nl', 'trainer');
    await addUser(t, 'kees@example.nl', 'consultant');
    for (const email of ['tessa@example.nl', 'kees@example.nl']) {
      const agent = await loggedInByForm(t, email);
      for (const path of ['/admin/audit', '/api/admin/audit', '/api/admin/audit?page=2', '/api/admin/audit/export.csv']) {
        await agent.get(path).expect(404);
      }
    }
    await t.http().get('/api/admin/audit').expect(401);
    await t.http().get('/api/admin/audit/export.csv').expect(401);
    expect((await t.http().get('/admin/audit').expect(303)).headers.location).toBe('/login?next=%2Fadmin%2Faudit');
    // Nobody exported anything.
    expect(actions(await allRows(t))).not.toContain('export.audit');
  });

  test('When an admin opens the page, then it lists the records with their filters; a bad filter re-renders with a 400', async () => {
    const t = await makeApp();
    await addUser(t, 'beheer@example.nl', 'admin');
    await seeded(t, Date.parse('2026-11-01T00:30:00Z'));
    const boss = await loggedInByForm(t, 'beheer@example.nl');
    const page = (await boss.get('/admin/audit?action=export.workshop').expect(200)).text;
    expect(page).toContain('60 gevonden');
    expect(page).toContain('href="/admin/audit?action=export.workshop&amp;page=2"');
    expect(page).toContain('href="/api/admin/audit/export.csv?action=export.workshop"');
    expect((page.match(/data-action="export.workshop"/g) ?? []).length).toBe(50);
    const bad = (await boss.get('/admin/audit?from=morgen').expect(400)).text;
    expect(bad).toContain('Dit is geen datum');
    expect(bad).toContain('value="morgen"');
  });
});

/**
 * The message a statement is refused with, or 'not refused'. On SQLite the error comes from better-sqlite3's native addon,
 * which keeps the error class of the first test file in a jest worker that loaded it: in a later file of the same worker the
 * error is not `instanceof Error` of that file, and jest's `rejects.toThrow` then reports "did not throw" although the
 * database refused. Reading the message works in every realm.
 */
const refusal = (statement: Promise<unknown>): Promise<string> =>
  statement.then(
    () => 'not refused',
    (e: unknown) => String((e as { message?: unknown }).message),
  );

describe('retention and the append-only guarantee', () => {
  test('When the purge runs, then records older than AUDIT_RETENTION_DAYS go, younger ones stay, and the purge is recorded with counts', async () => {
    const t = await makeApp({ AUDIT_RETENTION_DAYS: '365' });
    const now = Date.now();
    for (const age of [800, 400, 100]) {
      await createAuditService(t.store, { now: () => new Date(now - age * DAY) }).record({
        action: 'login.success',
        actorEmail: 'a@example.nl',
        target: `${age}`,
      });
    }
    const removed = await purgeExpired(t.store, t.config.retention, new Date(now));
    expect(removed).toMatchObject({ audit: 2 });
    const rows = await allRows(t);
    expect(rows.map((r) => r.target ?? r.action)).toEqual(['100', 'retention.purge']);
    expect(rows[1]!.detail).toEqual({ workshops: 0, unfinished: 0, surveys: 0, audit: 2 });
  });

  test('When anyone tries to change or delete a recent record in the database, then the database refuses', async () => {
    const t = await makeApp();
    await createAuditService(t.store).record({ action: 'login.success', actorEmail: 'a@example.nl' });
    expect(Number(await t.db.one('SELECT count(*) FROM audit_log'))).toBe(1);
    // The guards are there, on each engine under its own names.
    const guards =
      BACKEND === 'postgres'
        ? "SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname"
        : "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name";
    expect((await t.db.sql<{ name: string }>(guards)).map((r) => r.name)).toEqual(
      BACKEND === 'postgres' ? ['audit_log_guard', 'audit_log_no_truncate'] : ['audit_log_no_early_delete', 'audit_log_no_update'],
    );
    expect(await refusal(t.db.sql("UPDATE audit_log SET actor = 'someone-else'"))).toMatch(/append-only/);
    expect(await refusal(t.db.sql('DELETE FROM audit_log'))).toMatch(/younger than 30 days/);
    if (BACKEND === 'postgres') expect(await refusal(t.db.sql('TRUNCATE audit_log'))).toMatch(/append-only/);
    expect(await t.db.sql('SELECT actor FROM audit_log')).toEqual([{ actor: 'a@example.nl' }]);
    // The purge cannot take them either, even with a (too) short period.
    expect(await t.store.audit.purge(new Date(Date.now() + DAY).toISOString()).catch((e: Error) => e.message)).toMatch(
      /younger than 30 days/,
    );
  });

  test('When the audit log cannot be written, then exports are refused, and a deletion still happens with the event in the error log', async () => {
    // A store whose audit table cannot be written (no database needed for this).
    const failing = { audit: { add: () => Promise.reject(new Error('disk full')) } } as unknown as Store;
    const errors: unknown[] = [];
    const audit = createAuditService(failing, { onError: (_err, event) => errors.push(event) });
    await expect(audit.record({ action: 'export.audit', actor: 'cli' })).rejects.toThrow('disk full');
    await audit.recordAfter({ action: 'delete.project', actorEmail: 'a@example.nl', target: 'p1' });
    expect(errors).toEqual([{ action: 'delete.project', actorEmail: 'a@example.nl', target: 'p1' }]);
    // Free text cannot slip into a detail or a target by accident.
    await expect(audit.record({ action: 'export.audit', detail: { note: 'x'.repeat(81) } })).rejects.toThrow(/too long/);
    await expect(audit.record({ action: 'nothing.known' as AuditAction })).rejects.toThrow(/Unknown audit action/);
  });
});
