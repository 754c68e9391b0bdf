import { Router } from 'express';
import { z } from 'zod';
import { currentUser } from '../../http/auth';
import { parse } from '../../http/validate';
import { AppError } from '../../errors';
import type { StatsService } from '../../services/stats';

const versionQuery = z.object({ modelVersion: z.string().max(40).optional() });
const freezeBody = z.strictObject({ modelVersion: z.string().max(40).optional() });
const activateBody = z.strictObject({ modelVersion: z.string().max(40).optional(), id: z.number().int().positive().nullable() });
const adminOnly = (role: string) => {
  if (role !== 'admin') throw new AppError('forbidden', 'Only an admin can do this.');
};

/** /api/stats: quality for admins (all) and trainers (their sessions); norms and test–retest for admins. Mounted behind requireUser. */
export function statsApi(stats: StatsService): Router {
  const router = Router({ caseSensitive: true });
  router.get('/quality', async (req, res) => {
    res.json(await stats.quality(currentUser(res), parse(versionQuery, req.query).modelVersion));
  });
  router.get('/norms', async (req, res) => {
    adminOnly(currentUser(res).role);
    const { modelVersion } = parse(versionQuery, req.query);
    const tables = await stats.tables(modelVersion);
    res.json({ tables: tables.map(({ scores: _scores, ...t }) => t) });
  });
  router.post('/norms/freeze', async (req, res) => {
    adminOnly(currentUser(res).role);
    const { scores: _scores, ...table } = await stats.freeze(parse(freezeBody, req.body ?? {}).modelVersion, currentUser(res));
    res.status(201).json(table);
  });
  router.post('/norms/activate', async (req, res) => {
    adminOnly(currentUser(res).role);
    const body = parse(activateBody, req.body ?? {});
    await stats.activate(body.modelVersion, body.id, currentUser(res));
    res.status(204).end();
  });
  router.get('/retest', async (req, res) => {
    adminOnly(currentUser(res).role);
    res.json(await stats.retest(parse(versionQuery, req.query).modelVersion));
  });
  return router;
}
