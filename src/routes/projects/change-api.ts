import { Router } from 'express';
import { z } from 'zod';
import type { Content } from '../../content/load';
import { translator } from '../../content/texts';
import { LANGS, type Lang } from '../../domain/drives';
import { currentUser } from '../../http/auth';
import { parse } from '../../http/validate';
import type { ChangeService } from '../../services/change';
import { changeBody } from './change-schemas';

type Described = Awaited<ReturnType<ChangeService['describe']>>;
const langQuery = z.object({ lang: z.enum(LANGS).default('nl') });

/** The answer of GET and PUT: the description, the impact per drive and the resistance matrix (people, then departments). */
export const changeJson = (d: Described) => ({
  dimensions: d.dimensions,
  impact: d.impact.map((i) => ({
    drive: i.drive,
    score: i.score,
    threatened: i.threatened,
    served: i.served,
    reasons: i.reasons,
    messages: i.messages,
  })),
  matrix: [
    ...d.stakeholders.map((r) => ({ kind: 'stakeholder' as const, ...r })),
    ...d.departments.map((r) => ({ kind: 'department' as const, ...r })),
  ],
});

/** What the change of a project threatens. Mounted at /api behind requireUser. */
export function changeApi(change: ChangeService, content: Content): Router {
  const router = Router({ caseSensitive: true });
  const body = changeBody(content.change);
  const none = (lang: Lang) => translator(content.texts[lang])('stake.change.noDepartment');

  router.get('/projects/:id/change', async (req, res) => {
    const { lang } = parse(langQuery, req.query);
    res.json(changeJson(await change.describe(currentUser(res), req.params.id, lang, none(lang))));
  });
  router.put('/projects/:id/change', async (req, res) => {
    const { lang } = parse(langQuery, req.query);
    const { dimensions } = parse(body, req.body ?? {});
    await change.set(currentUser(res), req.params.id, dimensions);
    res.json(changeJson(await change.describe(currentUser(res), req.params.id, lang, none(lang))));
  });
  return router;
}
