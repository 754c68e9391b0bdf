import { createPool } from '../../src/db/postgres/pool';
import { migratePg } from '../../src/db/postgres/migrate';
import { openPgStore } from '../../src/db/postgres/store';
import { TEST_DATABASE_URL, createSchema, dropSchema } from '../helpers/backend';

/** Columns that PostgreSQL keeps in its own types (migration 8); SQLite keeps 0/1, ISO text and JSON text. */
const NATIVE: Record<string, string> = {
  'assessments.consent_at': 'timestamp with time zone',
  'assessments.created_at': 'timestamp with time zone',
  'assessments.completed_at': 'timestamp with time zone',
  'assessments.profile_json': 'jsonb',
  'likert_answers.answered_at': 'timestamp with time zone',
  'choice_answers.answered_at': 'timestamp with time zone',
  'users.created_at': 'timestamp with time zone',
  'login_sessions.data': 'jsonb',
  'workshops.anonymous': 'boolean',
  'workshops.revealed': 'boolean',
  'workshops.created_at': 'timestamp with time zone',
  'workshops.keep_until': 'timestamp with time zone',
  'projects.created_at': 'timestamp with time zone',
  'stakeholders.drives': 'jsonb',
  'stakeholders.last_contact': 'date',
  'norm_tables.scores_json': 'jsonb',
  'norm_tables.active': 'boolean',
};

async function columnTypes(schema: string): Promise<Record<string, string>> {
  const pool = createPool({ url: TEST_DATABASE_URL, schema, poolMax: 1 });
  try {
    const { rows } = await pool.query<{ t: string; c: string; type: string }>(
      'SELECT table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns WHERE table_schema = $1',
      [schema],
    );
    return Object.fromEntries(rows.map((r) => [`${r.t}.${r.c}`, r.type]));
  } finally {
    await pool.end();
  }
}

describe('PostgreSQL native types', () => {
  let schema = '';
  beforeEach(async () => {
    schema = await createSchema();
  });
  afterEach(async () => {
    await dropSchema(schema);
  });

  test('When a fresh database is migrated, then booleans, times and JSON are in PostgreSQL types of their own', async () => {
    const store = await openPgStore({ url: TEST_DATABASE_URL, schema, poolMax: 2 });
    await store.close();
    const types = await columnTypes(schema);
    for (const [column, type] of Object.entries(NATIVE)) expect(`${column} ${types[column]}`).toBe(`${column} ${type}`);
  });

  test('When a database made before migration 8 is migrated, then its rows keep their values in the new types', async () => {
    // Arrange: the schema as released before (integers 0/1, ISO text, JSON text) with one row in each converted table.
    const pool = createPool({ url: TEST_DATABASE_URL, schema, poolMax: 1 });
    const at = '2026-03-04T05:06:07.089Z';
    const profile = JSON.stringify({ modelVersion: '1', primary: 'blue', scores: [] });
    try {
      await migratePg(pool, { upTo: 7 });
      expect((await columnTypes(schema))['workshops.anonymous']).toBe('integer');
      const q = (text: string, values: unknown[] = []) => pool.query(text, values);
      await q(
        `INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (1, 'a@example.nl', 'Anna', 'trainer', 'x', $1)`,
        [at],
      );
      await q(
        `INSERT INTO workshops (id, public_id, owner_id, title, lang, anonymous, min_group_size, code, status, revealed, created_at, keep_until)
         VALUES (1, 'wwwwwwwwwwwwwwww', 1, 'Gemeente', 'nl', 1, 3, 'ABCDEF', 'open', 0, $1, NULL)`,
        [at],
      );
      await q(
        `INSERT INTO assessments (id, token_hash, lang, model_version, consent_at, created_at, completed_at, profile_json, workshop_id)
         VALUES (1, 'h', 'nl', '1', $1, $1, $1, $2, 1)`,
        [at, profile],
      );
      await q(`INSERT INTO likert_answers VALUES (1, 'L01', 3, NULL, $1)`, [at]);
      await q(`INSERT INTO login_sessions VALUES ('sid', 99, '{"userId":1,"loginAt":5}')`);
      await q(
        `INSERT INTO norm_tables (id, model_version, created_at, n, scores_json, active) VALUES (1, '1', $1, 2, '{"blue":[1,2]}', 1)`,
        [at],
      );
      await q(
        `INSERT INTO projects (id, public_id, owner_id, client, system, phase, notes, created_at, updated_at) VALUES (1, 'p', 1, 'c', 's', 'ph', 'n', $1, $1)`,
        [at],
      );
      await q(
        `INSERT INTO stakeholders (id, public_id, project_id, name, department, influence, support, drives, concerns, approach, last_contact, created_at, updated_at)
         VALUES (1, 's', 1, 'Wethouder', 'Bestuur', 5, -1, '["red","blue"]', '', '', '2026-02-01', $1, $1)`,
        [at],
      );
    } finally {
      await pool.end();
    }

    // Act: open the store, which applies migration 8.
    const store = await openPgStore({ url: TEST_DATABASE_URL, schema, poolMax: 2 });
    try {
      // Assert: the records read back as they were written.
      expect((await columnTypes(schema))['workshops.anonymous']).toBe('boolean');
      const w = (await store.workshops.findById(1))!;
      expect({ anonymous: w.anonymous, revealed: w.revealed, createdAt: w.createdAt }).toEqual({
        anonymous: true,
        revealed: false,
        createdAt: at,
      });
      const a = (await store.assessments.findByTokenHash('h'))!;
      expect({ consentAt: a.consentAt, completedAt: a.completedAt, profile: a.profile }).toEqual({
        consentAt: at,
        completedAt: at,
        profile: JSON.parse(profile),
      });
      expect((await store.assessments.exportData('h'))!.answers).toEqual([
        { itemId: 'L01', kind: 'likert', value: 3, durationMs: null, answeredAt: at },
      ]);
      expect(JSON.parse((await store.loginSessions.get('sid', 0))!)).toEqual({ userId: 1, loginAt: 5 });
      expect(await store.stats.normTables('1')).toEqual([
        // Migration 9 (after the type change) marks it as made with scoring 1 and takes it out of use.
        { id: 1, modelVersion: '1', createdAt: at, n: 2, active: false, scoring: 1, scores: { blue: [1, 2] } },
      ]);
      const [s] = await store.projects.stakeholders(1);
      expect({ drives: s!.drives, lastContact: s!.lastContact, updatedAt: s!.updatedAt }).toEqual({
        drives: ['red', 'blue'],
        lastContact: '2026-02-01',
        updatedAt: at,
      });
      // And the converted database takes new writes in the new types.
      await store.workshops.update(1, { revealed: true, keepUntil: at });
      expect(await store.workshops.findById(1)).toMatchObject({ revealed: true, keepUntil: at });
      expect(await store.loginSessions.destroyByUser(1)).toBe(1);
    } finally {
      await store.close();
    }
  });
});
