import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

type Entry = { etag: string; body: Buffer; gzip: Buffer };

/**
 * Rendered pages that never change (a completed profile, per token and language), kept with their
 * gzip form and an ETag. Least recently used entries go first; the caller checks that the record still
 * exists before serving, so a deleted profile is never shown, also from another instance's cache.
 */
export function createPageCache(max = 2000) {
  const entries = new Map<string, Entry>();
  return {
    get(key: string): Entry | undefined {
      const e = entries.get(key);
      if (e) {
        entries.delete(key);
        entries.set(key, e);
      }
      return e;
    },
    set(key: string, html: string): Entry {
      const body = Buffer.from(html);
      const entry = { etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, body, gzip: gzipSync(body) };
      entries.set(key, entry);
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return entry;
    },
    /** Drops every language of one page (e.g. when the profile is deleted). */
    dropPrefix(prefix: string): void {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}
export type PageCache = ReturnType<typeof createPageCache>;

/** Sends a cached page: 304 when the browser has it, gzip when accepted. */
export function sendCached(req: Request, res: Response, entry: Entry): void {
  res.set({ ETag: entry.etag, 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding', 'Content-Type': 'text/html; charset=utf-8' });
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  if (req.acceptsEncodings('gzip')) {
    res.set('Content-Encoding', 'gzip').send(entry.gzip);
    return;
  }
  res.send(entry.body);
}

/** res.render as a promise of the HTML text. */
export function renderToString(res: Response, view: string, locals: object): Promise<string> {
  return new Promise((resolve, reject) =>
    res.render(view, locals, (err: Error | null, html?: string) => (err ? reject(err) : resolve(html!))),
  );
}
