import http from 'node:http';

export type Stream = {
  events: { event: string; data: unknown }[];
  /** Only the dashboard's `summary` events (the same stream also carries the studio's `exercise` events). */
  summaries: () => { event: string; data: unknown }[];
  comments: string[];
  raw: () => string;
  close: () => void;
  ended: Promise<void>;
};

/** Opens an SSE stream with the session cookie and parses what arrives. */
export function openStream(
  base: string,
  path: string,
  cookie: string,
): Promise<Stream & { status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get(base + path, { headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res) => {
      let buffer = '';
      let raw = '';
      const stream = {
        status: res.statusCode!,
        headers: res.headers,
        events: [] as { event: string; data: unknown }[],
        summaries: () => stream.events.filter((e) => e.event === 'summary'),
        comments: [] as string[],
        raw: () => raw,
        close: () => req.destroy(),
        ended: new Promise<void>((r) => res.on('close', () => r())),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event && data) stream.events.push({ event, data: JSON.parse(data) });
          for (const l of lines) if (l.startsWith(':')) stream.comments.push(l);
        }
      });
      resolve(stream);
    });
    req.on('error', reject);
  });
}

/** Polls until `check` holds; fails after `ms`, naming `what` it waited for. */
export const waitFor = async (check: () => boolean, ms = 2000, what = 'the condition') => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
