import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_LANG, LANGS } from '../domain/drives';
import { publicModel } from '../domain/public-model';
import type { Content } from '../content/load';
import { parse } from '../http/validate';

const query = z.object({ lang: z.enum(LANGS).default(DEFAULT_LANG) });

export function modelApi(content: Content): Router {
  // The model never changes while the process runs: serialise it once per language.
  const bodies = Object.fromEntries(LANGS.map((l) => [l, JSON.stringify(publicModel(content.current, l))]));
  const router = Router();
  router.get('/api/model', (req, res) => {
    const { lang } = parse(query, req.query);
    res.type('application/json').send(bodies[lang]);
  });
  return router;
}
