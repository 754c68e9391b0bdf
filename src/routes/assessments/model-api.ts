import { createHash } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_LANG, LANGS } from '../../domain/drives';
import { publicModel } from '../../domain/public-model';
import type { Content } from '../../content/load';
import { parse } from '../../http/validate';

const query = z.object({ lang: z.enum(LANGS).default(DEFAULT_LANG) });

export function modelApi(content: Content): Router {
  // The model never changes while the process runs: serialise it once per language.
  const bodies = Object.fromEntries(LANGS.map((l) => [l, JSON.stringify(publicModel(content.current, l))]));
  const etags = Object.fromEntries(LANGS.map((l) => [l, `"${createHash('sha256').update(bodies[l]!).digest('base64url').slice(0, 27)}"`]));
  const router = Router({ caseSensitive: true });
  router.get('/api/model', (req, res) => {
    const { lang } = parse(query, req.query);
    res.set({ ETag: etags[lang], 'Cache-Control': 'no-cache' }).type('application/json');
    if (req.fresh) return void res.status(304).end();
    res.send(bodies[lang]);
  });
  return router;
}
