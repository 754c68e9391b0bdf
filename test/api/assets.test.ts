import fs from 'node:fs';
import path from 'node:path';
import { PUBLIC_DIR } from '../../src/paths';
import { PASSWORD, addUser, makeApp, type TestApp } from '../helpers/app';
import { realContent } from '../helpers/content';

describe('static assets and compression', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp();
  });

  test('When a page names its styles and scripts, then they have versioned URLs cached for a year', async () => {
    const page = await t.http().get('/').expect(200);
    const css = /href="(\/static\/[A-Za-z0-9_-]{10}\/css\/app\.css)"/.exec(page.text)![1]!;
    const res = await t.http().get(css).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    await t.http().get('/static/css/app.css').expect(404);
  });

  test('When the app stylesheet is fetched, then it is the area files of public/css/app/ joined in the order of their names', async () => {
    const page = await t.http().get('/').expect(200);
    const served = (
      await t
        .http()
        .get(/href="(\/static\/[A-Za-z0-9_-]{10}\/css\/app\.css)"/.exec(page.text)![1]!)
        .expect(200)
    ).text;
    const dir = path.join(PUBLIC_DIR, 'css', 'app');
    const files = fs.readdirSync(dir).sort();
    expect(files.length).toBeGreaterThan(10);
    expect(files[0]).toBe('01-base.css');
    expect(served).toBe(files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join(''));
    // The cascade depends on the order: the base (custom properties first) opens it, the project report closes it.
    expect(served.startsWith(':root {')).toBe(true);
    expect(served.trimEnd().endsWith('/* ==== end project report ==== */')).toBe(true);
  });

  test('When a page names the drive colours, then they come as a versioned stylesheet made from the model', async () => {
    const page = await t.http().get('/').expect(200);
    const href = /href="(\/static\/[A-Za-z0-9_-]{10}\/css\/drives\.css)"/.exec(page.text)![1]!;
    const res = await t.http().get(href).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    for (const d of realContent().current.model.drives) expect(res.text).toContain(`--drive-${d.id}: ${d.hex};`);
  });

  test('When the browser accepts gzip, then pages and JSON are compressed', async () => {
    const page = await t.http().get('/').set('Accept-Encoding', 'gzip').expect(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    const model = await t.http().get('/api/model').set('Accept-Encoding', 'gzip').expect(200);
    expect(model.headers['content-encoding']).toBe('gzip');
  });

  test('When the model is asked again with its ETag, then 304', async () => {
    const first = await t.http().get('/api/model?lang=en').expect(200);
    await t.http().get('/api/model?lang=en').set('If-None-Match', first.headers.etag!).expect(304);
  });

  test('The live event stream is never compressed (a compressor would hold events back)', async () => {
    await addUser(t, 'gz@example.nl');
    const login = await t.http().post('/api/login').send({ email: 'gz@example.nl', password: PASSWORD }).expect(200);
    const sid = ([] as string[]).concat(login.headers['set-cookie']!)[0]!.split(';')[0]!;
    const s = (await t.http().post('/api/sessions').set('Cookie', sid).send({ title: 'gz' }).expect(201)).body;
    const server = t.app.listen(0);
    const port = (server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/sessions/${s.id}/events`, {
      headers: { Cookie: sid, 'Accept-Encoding': 'gzip' },
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBeNull();
    await res.body!.cancel();
    t.app.live.closeAll();
    server.close();
  });
});

describe('GET /healthz', () => {
  test('When the database answers, then 200 ok; when it is closed, then 503', async () => {
    const t = await makeApp();
    expect((await t.http().get('/healthz').expect(200)).body).toEqual({ status: 'ok', database: 'ok' });
    await t.store.close();
    expect((await t.http().get('/healthz').expect(503)).body).toEqual({ status: 'unavailable', database: 'not answering' });
  });
});
