import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { addUser, loggedIn, makeApp, type TestApp } from '../helpers/app';

/*
 * The app behind a proxy that does what nginx's `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`
 * does: it keeps the client's X-Forwarded-For and appends the address it sees. A client can put anything
 * in front; only the last entry is the proxy's own observation.
 */
type Running = { url: string; close: () => Promise<void> };

function listen(server: http.Server): Promise<Running> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
      });
    }),
  );
}

function appendingProxy(upstream: string): Promise<Running> {
  const target = new URL(upstream);
  return listen(
    http.createServer((req, res) => {
      const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
      const out = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, 'x-forwarded-for': forwarded },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      out.on('error', () => res.writeHead(502).end());
      req.pipe(out);
    }),
  );
}

async function behindProxy(env: Record<string, string>) {
  const t = await makeApp(env);
  const app = await listen(http.createServer(t.app));
  const proxy = await appendingProxy(app.url);
  stops.push(proxy.close, app.close);
  return { t, via: () => request(proxy.url) };
}
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function openSession(t: TestApp): Promise<string> {
  await addUser(t, 'trainer@example.nl');
  const trainer = await loggedIn(t, 'trainer@example.nl');
  return ((await trainer.post('/api/sessions').send({ title: 'Behind nginx', anonymous: true }).expect(201)).body as { code: string }).code;
}
const forged = (i: number) => `203.0.113.${i}`;

/** Eleven joins from one client that forges a new X-Forwarded-For address each time; the statuses. */
async function joinFlood(via: () => request.Agent | ReturnType<typeof request>, code: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 1; i <= 11; i++) {
    const res = await via().post('/api/assessments').set('X-Forwarded-For', forged(i)).send({ consent: true, sessionCode: code });
    statuses.push(res.status);
  }
  return statuses;
}

describe('behind one proxy (TRUST_PROXY=1)', () => {
  test('When a client forges X-Forwarded-For through the proxy, then it still gets the join limit: 10 joins, the 11th 429', async () => {
    const { t, via } = await behindProxy({ TRUST_PROXY: '1' });
    const code = await openSession(t);
    expect(await joinFlood(via, code)).toEqual([...Array<number>(10).fill(201), 429]);
  });

  test('When a client forges X-Forwarded-For on failed logins, then the per-address login limit still answers 429', async () => {
    const { via } = await behindProxy({ TRUST_PROXY: '1', RATE_LIMIT_LOGIN_PER_IP: '3' });
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) {
      // A new e-mail each time, so only the per-address limit can stop it.
      const res = await via()
        .post('/api/login')
        .set('X-Forwarded-For', forged(i))
        .send({ email: `guess${i}@example.nl`, password: 'a-wrong-password' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('why not TRUST_PROXY=true', () => {
  test('When every hop is trusted (TRUST_PROXY=true), then forged addresses get around the join limit: the contrast that the hop count fixes', async () => {
    const { t, via } = await behindProxy({ TRUST_PROXY: 'true' });
    const code = await openSession(t);
    expect(await joinFlood(via, code)).toEqual(Array<number>(11).fill(201));
  });
});
