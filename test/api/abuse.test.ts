import { addUser, loggedIn, makeApp } from '../helpers/app';
import { createPasswords, type Derive } from '../../src/services/passwords';

/** Waits for a condition that other work (requests in flight) makes true; no fixed sleep. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('password hashing cannot starve the app', () => {
  test('When two hashes run and the queue is full, then a further login answers 503 with Retry-After, and never more than two hash at once', async () => {
    // Hashing the test controls: each call waits until the test releases it, and counts how many run at once.
    let now = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const derive: Derive = () => {
      most = Math.max(most, ++now);
      return new Promise((resolve) => releases.push(() => (now--, resolve(Buffer.alloc(32)))));
    };
    const passwords = createPasswords({ costLog2: 10, maxRunning: 2, maxWaiting: 3, derive });
    const t = await makeApp({}, { passwords });
    const login = (i: number) =>
      t
        .http()
        .post('/api/login')
        .send({ email: `nobody${i}@example.nl`, password: 'a-wrong-password' });

    const waiting = Promise.all([0, 1, 2, 3, 4].map((i) => login(i).then((res) => res.status)));
    // Release everything before failing, so an assertion below cannot leave requests hanging.
    let done = false;
    void waiting.then(() => (done = true));
    const releaseAll = async () => {
      while (!done) {
        const release = releases.shift();
        if (release) release();
        else await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await until(() => passwords.state().running + passwords.state().waiting === 5);
    const full = passwords.state();
    if (full.running !== 2) await releaseAll();
    expect(full).toMatchObject({ running: 2, waiting: 3 });
    const busy = await login(5);
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.body.error).toEqual({ code: 'unavailable', message: 'The server is busy checking passwords. Try again in a few seconds.' });

    await releaseAll();
    expect(await waiting).toEqual([401, 401, 401, 401, 401]);
    expect(most).toBe(2);
    expect(passwords.state()).toEqual({ running: 0, waiting: 0, peak: 2 });
  });
});

describe('/start counts every new questionnaire', () => {
  test('When /start carries a sessionCode field, then it still counts towards the new-questionnaire limit (429)', async () => {
    const t = await makeApp({ RATE_LIMIT_ASSESSMENTS_PER_IP: '2' });
    const start = () => t.http().post('/start').type('form').send({ consent: 'yes', sessionCode: 'anything' });
    await start().expect(303);
    await start().expect(303);
    await start().expect(429);
    expect(await t.db.one<number>('SELECT count(*) FROM assessments')).toBe(2);
  });
});

describe('session codes cannot be guessed without limit', () => {
  const MESSAGE = 'Too many unknown session codes from this address. Wait a few minutes and check the code with your trainer.';

  test('When one address looks up unknown codes on the join page and the API, then after the limit both answer 429, also for a real code', async () => {
    const t = await makeApp({ RATE_LIMIT_CODE_LOOKUPS_PER_ADDRESS: '4' });
    await addUser(t, 'trainer@example.nl');
    const trainer = await loggedIn(t, 'trainer@example.nl');
    const { code } = (await trainer.post('/api/sessions').send({ title: 'Real', anonymous: true }).expect(201)).body as { code: string };
    // Known codes do not count: a room joining one session never runs into this limit.
    for (let i = 0; i < 6; i++) await t.http().get(`/join/${code}`).expect(200);
    await t.http().post('/api/assessments').set('Cookie', 'dv.client=a').send({ consent: true, sessionCode: code }).expect(201);

    await t.http().get('/join/AAAAAA').expect(404);
    await t.http().get('/join/BBBBBB').expect(404);
    await t.http().post('/api/assessments').send({ consent: true, sessionCode: 'CCCCCC' }).expect(404);
    await t.http().post('/api/assessments').set('Cookie', 'dv.client=other').send({ consent: true, sessionCode: 'DDDDDD' }).expect(404);

    const api = await t.http().post('/api/assessments').send({ consent: true, sessionCode: 'EEEEEE' }).expect(429);
    expect(api.body.error).toEqual({ code: 'too_many_requests', message: MESSAGE });
    const page = await t.http().get('/join/FFFFFF').expect(429);
    expect(page.headers['retry-after']).toBeDefined();
    // A real code answers the same as an unknown one now: nothing left to learn from guessing.
    await t.http().get(`/join/${code}`).expect(429);
    await t.http().post(`/join/${code}`).type('form').send({ consent: 'yes' }).expect(429);
    // New questionnaires without a code are not look-ups.
    await t.http().post('/api/assessments').send({ consent: true }).expect(201);
  });
});

describe('a whole room joins at once', () => {
  test('When 40 people behind one address join a real session at the same moment, then none is refused by the look-up limit', async () => {
    // Only failed look-ups count, and only once they have failed: joins in flight are no guesses.
    const t = await makeApp({ RATE_LIMIT_CODE_LOOKUPS_PER_ADDRESS: '4' });
    await addUser(t, 'trainer@example.nl');
    const trainer = await loggedIn(t, 'trainer@example.nl');
    const { code } = (await trainer.post('/api/sessions').send({ title: 'Room', anonymous: true }).expect(201)).body as { code: string };
    const server = t.app.listen(0);
    try {
      const base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
      const statuses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          fetch(`${base}/api/assessments`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Cookie: `dv.client=room-${i}` },
            body: JSON.stringify({ consent: true, sessionCode: code }),
          }).then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s !== 201)).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe('names, aliases and titles show what they say', () => {
  const INVISIBLE = 'must contain a visible character (a letter, digit or punctuation mark)';
  const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

  test('When a name, title or project name has only zero-width characters, then the API answers 400 naming the field', async () => {
    const t = await makeApp();
    await addUser(t, 'trainer@example.nl', 'admin');
    const admin = await loggedIn(t, 'trainer@example.nl');
    const name = await t.http().post('/api/assessments').send({ consent: true, name: '\u200B\u200D' }).expect(400);
    expect(name.body.error.details.fields).toEqual([{ field: 'name', message: INVISIBLE }]);
    const title = await admin.post('/api/sessions').send({ title: '\u2060\uFEFF\u200C' }).expect(400);
    expect(title.body.error.details.fields).toEqual([{ field: 'title', message: INVISIBLE }]);
    const project = await admin.post('/api/projects').send({ client: '\u200B', system: 'ERP' }).expect(400);
    expect(project.body.error.details.fields).toEqual([{ field: 'client', message: INVISIBLE }]);
    // Only bidi controls: nothing is left once they are removed.
    const bidiOnly = await admin.post('/api/sessions').send({ title: '\u202E\u2066' }).expect(400);
    expect(bidiOnly.body.error.details.fields).toEqual([{ field: 'title', message: 'required' }]);
  });

  test('When a name, alias, title or stakeholder name carries bidirectional controls, then they are stored without them', async () => {
    const t = await makeApp();
    await addUser(t, 'trainer@example.nl', 'admin');
    const admin = await loggedIn(t, 'trainer@example.nl');
    await t.http().post('/api/assessments').send({ consent: true, name: 'Anna\u202Egnirts\u202C' }).expect(201);
    const { code } = (await admin.post('/api/sessions').send({ title: '\u2067Team\u2069 \u200Fday\u061C', anonymous: true }).expect(201))
      .body as { code: string };
    await t.http().post('/api/assessments').send({ consent: true, sessionCode: code, name: '\u202DAlias\u200E' }).expect(201);
    const project = (await admin.post('/api/projects').send({ client: 'Acme\u202B', system: 'ERP' }).expect(201)).body as { id: string };
    await admin.post(`/api/projects/${project.id}/stakeholders`).send({ name: '\u202ERob', influence: 3, support: 0 }).expect(201);

    const names = (await t.db.sql<{ name: string | null }>('SELECT name FROM assessments ORDER BY id')).map((r) => r.name);
    expect(names).toEqual(['Annagnirts', 'Alias']);
    expect(await t.db.one<string>('SELECT title FROM workshops')).toBe('Team day');
    expect(await t.db.one<string>('SELECT client FROM projects')).toBe('Acme');
    expect(await t.db.one<string>('SELECT name FROM stakeholders')).toBe('Rob');
    for (const value of [...names, await t.db.one<string>('SELECT title FROM workshops')]) expect(value).not.toMatch(BIDI);
  });

  test('When the start or join form gets a name without a visible character, then the form comes back with that message', async () => {
    const t = await makeApp();
    await addUser(t, 'trainer@example.nl');
    const trainer = await loggedIn(t, 'trainer@example.nl');
    const { code } = (await trainer.post('/api/sessions').send({ title: 'Named' }).expect(201)).body as { code: string };
    const start = await t.http().post('/start?lang=en').type('form').send({ consent: 'yes', name: '\u200B\u200C' }).expect(400);
    expect(start.text).toContain('Your name needs at least one visible letter, digit or punctuation mark.');
    const join = await t.http().post(`/join/${code}?lang=nl`).type('form').send({ consent: 'yes', name: '\u2060' }).expect(400);
    expect(join.text).toContain('Je naam moet minstens één zichtbare letter, cijfer of leesteken hebben.');
    expect(await t.db.one<number>('SELECT count(*) FROM assessments')).toBe(0);
  });
});
