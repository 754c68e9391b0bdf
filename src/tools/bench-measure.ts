import http from 'node:http';
import { answeredWatcher, runRound, type RoundReport } from './load-round';

/**
 * Opens `listeners` event streams on a session, then completes the pending participants one by one and
 * measures, per listener, the time from sending the completion to receiving the summary that counts it.
 */
export async function liveLatency(url: string, workshopId: string, cookies: string[], pending: string[], listeners: number) {
  const cookie = cookies[0]!;
  const agent = new http.Agent({ keepAlive: true, maxSockets: listeners + 10 });
  // The current completion's handler: called with (stream number, completed count) for every event.
  let onEvent: (stream: number, completed: number) => void = () => undefined;
  const streams = await Promise.all(
    Array.from(
      { length: listeners },
      (_, n) =>
        new Promise<http.ClientRequest>((resolve, reject) => {
          const req = http.get(
            `${url}/api/sessions/${workshopId}/events`,
            { agent, headers: { cookie: cookies[n % cookies.length]! } },
            (res) => {
              let buffer = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                buffer += chunk;
                for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
                  const data = buffer
                    .slice(0, i)
                    .split('\n')
                    .find((l) => l.startsWith('data: '));
                  buffer = buffer.slice(i + 2);
                  if (data) {
                    // Only the count is needed: reading it off the text keeps the measuring client from being the bottleneck.
                    const m = /"completed":(\d+)/.exec(data);
                    if (m) onEvent(n, Number(m[1]));
                  }
                }
              });
              resolve(req);
            },
          );
          req.on('error', reject);
        }),
    ),
  );
  await new Promise((r) => setTimeout(r, 500)); // let every stream get its first summary
  const latencies: number[] = [];
  let missed = 0;
  let completed = (
    (await (await fetch(`${url}/api/sessions/${workshopId}/summary`, { headers: { cookie } })).json()) as { completed: number }
  ).completed;
  for (const token of pending) {
    const target = completed + 1;
    const arrived = new Set<number>();
    const sent = performance.now();
    const all = new Promise<void>((resolve) => {
      // A stream's first event that counts this completion is its arrival.
      onEvent = (stream, c) => {
        if (c < target || arrived.has(stream)) return;
        arrived.add(stream);
        latencies.push(performance.now() - sent);
        if (arrived.size === listeners) resolve();
      };
    });
    await fetch(`${url}/api/assessments/${token}/complete`, { method: 'POST' });
    const timedOut = await Promise.race([all.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 2000))]);
    if (timedOut) missed += listeners - arrived.size;
    completed = target;
    await new Promise((r) => setTimeout(r, 250)); // past the throttle window: the next completion starts fresh
  }
  for (const s of streams) s.destroy();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return { samples: latencies.length, p50: at(0.5), p99: at(0.99), missed };
}

/** Compressed bytes of a page and the scripts and styles it loads. */
export async function pageWeight(url: string, inProgress: string, done: string) {
  const size = (path: string) =>
    new Promise<{ bytes: number; body: string }>((resolve, reject) => {
      http
        .get(`${url}${path}`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
          let bytes = 0;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => ((bytes += c.length), chunks.push(c)));
          res.on('end', () => resolve({ bytes, body: res.headers['content-encoding'] ? '' : Buffer.concat(chunks).toString('utf8') }));
        })
        .on('error', reject);
    });
  const plain = (path: string) => fetch(`${url}${path}`).then((r) => r.text());
  const total = async (path: string) => {
    const html = await plain(path);
    const assets = [...html.matchAll(/(?:src|href)="(\/(?:static|vendor)\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    let bytes = (await size(path)).bytes;
    for (const a of assets) bytes += (await size(a)).bytes;
    return bytes;
  };
  return { questionnaire: await total(`/a/${inProgress}/1`), profile: await total(`/p/${done}`) };
}

/**
 * The studio's round trip: the trainer's stream open (projector, control page and dashboard: three streams of one
 * login), every participant answers one round spread over `windowMs`; per answer, the time from its acknowledgement to
 * the first event on the first stream that counts it.
 */
export async function roundTrip(
  url: string,
  workshopId: string,
  cookie: string,
  tokens: string[],
  windowMs: number,
  headers: Record<string, string>,
  countStored: (exerciseId: string) => Promise<{ rows: number; distinct: number }>,
): Promise<RoundReport> {
  const watcher = answeredWatcher();
  let roundId: string | null = null;
  const agent = new http.Agent({ keepAlive: true });
  const streams = await Promise.all(
    [0, 1, 2].map(
      (n) =>
        new Promise<http.ClientRequest>((resolve, reject) => {
          const req = http.get(`${url}/api/sessions/${workshopId}/events`, { agent, headers: { ...headers, cookie } }, (res) => {
            let buffer = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              buffer += chunk;
              for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
                const block = buffer.slice(0, i);
                buffer = buffer.slice(i + 2);
                if (n !== 0 || !block.includes('event: exercise')) continue;
                const data = block.split('\n').find((l) => l.startsWith('data: '));
                if (data)
                  watcher.onExercise(JSON.parse(data.slice(6)) as { id: string | null; answered: number }, roundId, performance.now());
              }
            });
            resolve(req);
          });
          req.on('error', reject);
        }),
    ),
  );
  try {
    return await runRound({
      trainerUrl: url,
      cookie,
      workshopId,
      participants: tokens.map((token) => ({ base: url, token })),
      windowMs,
      watcher,
      setRound: (id) => (roundId = id),
      countStored,
      headers,
    });
  } finally {
    for (const s of streams) s.destroy();
    agent.destroy();
  }
}
