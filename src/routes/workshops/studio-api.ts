import { Router } from 'express';
import { z } from 'zod';
import { DRIVE_IDS, LANGS } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { parse } from '../../http/validate';
import { TIMER_LIMITS, type StudioService } from '../../services/studio';
import { visibleText } from '../fields';
import { exerciseCsv, exerciseJson } from './exercise-export';

const drive = z.enum(DRIVE_IDS);
export const studioFields = {
  remarkText: visibleText(1000, { required: true, lines: true }),
  prompt: visibleText(300, { required: true }),
  option: visibleText(80, { required: true }),
};
export const remarkBody = z.strictObject({
  lang: z.enum(LANGS),
  text: studioFields.remarkText,
  drive: drive.nullable().optional(),
  also: z.array(drive).max(2).optional(),
  explanation: visibleText(400).optional(),
});
const options = z
  .array(studioFields.option)
  .min(2, 'at least 2 options')
  .max(6, 'at most 6 options')
  .refine((o) => new Set(o.map((x) => x.toLowerCase())).size === o.length, 'options must differ');
export const exerciseBody = z.union([
  z.strictObject({ kind: z.literal('recognize'), remarkId: z.string().min(1).max(40) }),
  z.strictObject({ kind: z.literal('recognize'), text: studioFields.remarkText, drive: drive.nullable().optional() }),
  z.strictObject({ kind: z.literal('open'), prompt: studioFields.prompt }),
  z.strictObject({ kind: z.literal('poll'), prompt: studioFields.prompt, options }),
]);
const openBody = z.strictObject({ seconds: z.number().int().min(TIMER_LIMITS.min).max(TIMER_LIMITS.max).nullable().optional() });
const stepBody = z.strictObject({
  to: z.union([z.enum(['next', 'previous', 'lobby', 'team', 'end']), z.strictObject({ exercise: z.string().max(40) })]),
});
const hideBody = z.strictObject({ hidden: z.boolean().optional() });
const answerId = (raw: unknown) => {
  const id = z.coerce.number().int().positive().safeParse(raw);
  if (!id.success) throw new AppError('not_found', 'No such answer in this exercise.');
  return id.data;
};

/** GET/POST /api/remarks: the remark bank and the trainer's own remarks. Mounted behind requireUser (trainers). */
export function remarksApi(studio: StudioService): Router {
  const router = Router({ caseSensitive: true });
  router.get('/', async (req, res) => {
    const lang = z.enum(LANGS).safeParse(req.query.lang ?? 'nl');
    if (!lang.success)
      throw new AppError('validation_failed', 'lang must be nl or en.', { fields: [{ field: 'lang', message: 'nl or en' }] });
    res.json(await studio.remarks(currentUser(res), lang.data));
  });
  router.post('/', async (req, res) => {
    const body = parse(remarkBody, req.body ?? {});
    const remark = await studio.addRemark(currentUser(res), {
      lang: body.lang,
      text: body.text,
      drive: body.drive ?? null,
      also: (body.also ?? []).filter((d) => d !== body.drive),
      explanation: body.explanation ?? '',
    });
    res.status(201).json(remark);
  });
  return router;
}

/** The exercises of a session under /api/sessions/:id/…; mounted with the session API (trainers). */
export function exercisesApi(studio: StudioService): Router {
  const router = Router({ caseSensitive: true });
  router.get('/:id/exercises', async (req, res) => {
    res.json(await studio.list(currentUser(res), req.params.id));
  });
  router.post('/:id/exercises', async (req, res) => {
    const body = parse(exerciseBody, req.body ?? {});
    const x = await studio.create(currentUser(res), req.params.id, body);
    res.status(201).location(`/api/sessions/${req.params.id}/exercises/${x.id}`).json(x);
  });
  router.delete('/:id/exercises/:eid', async (req, res) => {
    await studio.remove(currentUser(res), req.params.id, req.params.eid);
    res.status(204).end();
  });
  router.get('/:id/exercises/:eid/results', async (req, res) => {
    res.json(await studio.results(currentUser(res), req.params.id, req.params.eid));
  });
  // The results of one exercise to take home (also before a reveal: the trainer's own data).
  router.get('/:id/exercises/:eid/export.csv', async (req, res) => {
    const { session, results } = await studio.exportOne(currentUser(res), req.params.id, req.params.eid, 'csv');
    res.set('Cache-Control', 'no-store').attachment(`drijfveer-${session.code}-${results.id}.csv`).type('text/csv; charset=utf-8');
    res.send(`\uFEFF${exerciseCsv(results)}`);
  });
  router.get('/:id/exercises/:eid/export.json', async (req, res) => {
    const { session, results } = await studio.exportOne(currentUser(res), req.params.id, req.params.eid, 'json');
    res.set('Cache-Control', 'no-store').attachment(`drijfveer-${session.code}-${results.id}.json`);
    res.json(exerciseJson(session, results));
  });
  router.post('/:id/exercises/:eid/open', async (req, res) => {
    const body = parse(openBody, req.body ?? {});
    res.json(await studio.open(currentUser(res), req.params.id, req.params.eid, body.seconds ?? null));
  });
  for (const action of ['close', 'reveal'] as const) {
    router.post(`/:id/exercises/:eid/${action}`, async (req, res) => {
      res.json(await studio.close(currentUser(res), req.params.id, req.params.eid, action === 'close' ? 'closed' : 'revealed'));
    });
  }
  router.post('/:id/exercises/:eid/answers/:aid/hide', async (req, res) => {
    const body = parse(hideBody, req.body ?? {});
    await studio.hide(currentUser(res), req.params.id, req.params.eid, answerId(req.params.aid), body.hidden ?? true);
    res.json({ id: answerId(req.params.aid), hidden: body.hidden ?? true });
  });
  router.post('/:id/step', async (req, res) => {
    const { to } = parse(stepBody, req.body ?? {});
    res.json({ step: await studio.step(currentUser(res), req.params.id, to) });
  });
  return router;
}
