import { Router } from 'express';
import { z } from 'zod';
import { DRIVE_IDS, LANGS } from '../../domain/drives';
import type { ProjectRecord, StakeholderRecord } from '../../db/store';
import { currentUser } from '../../http/auth';
import { parse } from '../../http/validate';
import type { MyProfilesService } from '../../services/my-profiles';
import type { ProjectService } from '../../services/projects';
import { MAX_BATCH_TEXTS, MAX_TEXT, type ReaderResult, type ReaderService } from '../../services/reader';
import { newProjectBody, newStakeholderBody, projectPatchBody, stakeholderPatchBody } from '../projects/schemas';

export const recogniseBody = z.strictObject({
  text: z.string().max(MAX_TEXT, `at most ${MAX_TEXT} characters`).default(''),
  lang: z.enum(LANGS).optional(),
  behaviours: z.array(z.string().max(40)).max(20).optional(),
});

export const batchBody = z.strictObject({
  texts: z
    .array(z.string().max(MAX_TEXT, `at most ${MAX_TEXT} characters`))
    .min(1, 'at least one text')
    .max(MAX_BATCH_TEXTS, `at most ${MAX_BATCH_TEXTS} texts`),
  lang: z.enum(LANGS).optional(),
});

export const correctionBody = z.strictObject({
  text: z.string().max(MAX_TEXT, `at most ${MAX_TEXT} characters`),
  lang: z.enum(LANGS).optional(),
  /** The behaviours that were ticked for the reading being corrected. */
  behaviours: z.array(z.string().max(40)).max(20).optional(),
  drive: z.enum(DRIVE_IDS),
  /** May the text be kept, to improve the reader after review? Without it only the two drives are stored. */
  consent: z.boolean().default(false),
});

/** One reading as the API gives it (also each item of a batch). */
export const readingJson = (r: ReaderResult) => ({
  lang: r.lang,
  drives: r.drives,
  confidence: r.confidence,
  signal: r.signal,
  close: r.close,
  words: r.words,
  similar: r.similar,
  advice: r.advice,
  general: r.general,
});

export const projectJson = (p: ProjectRecord) => ({
  id: p.publicId,
  client: p.client,
  system: p.system,
  phase: p.phase,
  notes: p.notes,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});
export const stakeholderJson = (s: StakeholderRecord) => ({
  id: s.publicId,
  name: s.name,
  department: s.department,
  influence: s.influence,
  support: s.support,
  drives: s.drives,
  concerns: s.concerns,
  approach: s.approach,
  lastContact: s.lastContact,
  interest: s.interest,
  desiredSupport: s.desiredSupport,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/** The consultant toolkit's API; mounted behind requireUser. */
export function consultantApi(reader: ReaderService, profiles: MyProfilesService, projects: ProjectService): Router {
  const router = Router({ caseSensitive: true });

  router.post('/recognize', async (req, res) => {
    const body = parse(recogniseBody, req.body ?? {});
    const result = await reader.read(
      { text: body.text, ...(body.lang ? { lang: body.lang } : {}), ...(body.behaviours ? { behaviours: body.behaviours } : {}) },
      currentUser(res),
    );
    res.json(readingJson(result));
  });
  router.post('/recognize/batch', async (req, res) => {
    const body = parse(batchBody, req.body ?? {});
    const result = await reader.readMany({ texts: body.texts, ...(body.lang ? { lang: body.lang } : {}) }, currentUser(res));
    res.json({ items: result.items.map(readingJson), overall: result.overall });
  });
  router.post('/recognize/corrections', async (req, res) => {
    const body = parse(correctionBody, req.body ?? {});
    const saved = await reader.correct(currentUser(res), {
      text: body.text,
      drive: body.drive,
      consent: body.consent,
      ...(body.lang ? { lang: body.lang } : {}),
      ...(body.behaviours ? { behaviours: body.behaviours } : {}),
    });
    res.status(201).json(saved);
  });

  router.get('/me/profiles', async (_req, res) => {
    const list = await profiles.history(currentUser(res));
    res.json(
      list.map((a) => ({
        id: a.id,
        completedAt: a.completedAt,
        modelVersion: a.modelVersion,
        primary: a.profile!.primary,
        scores: a.profile!.scores,
      })),
    );
  });
  router.post('/me/profiles', async (req, res) => {
    const { link } = parse(z.strictObject({ link: z.string().max(500) }), req.body ?? {});
    await profiles.claim(currentUser(res), link);
    res.status(201).json({ linked: true });
  });

  router.get('/projects', async (_req, res) => {
    res.json((await projects.list(currentUser(res))).map((p) => ({ ...projectJson(p), sharedBy: p.sharedBy })));
  });
  router.post('/projects', async (req, res) => {
    const p = await projects.create(currentUser(res), parse(newProjectBody, req.body ?? {}));
    res.status(201).location(`/api/projects/${p.publicId}`).json(projectJson(p));
  });
  router.get('/projects/:id', async (req, res) => {
    const user = currentUser(res);
    const p = await projects.get(user, req.params.id);
    res.json({ ...projectJson(p), stakeholders: (await projects.stakeholders(user, p.publicId)).map(stakeholderJson) });
  });
  router.patch('/projects/:id', async (req, res) => {
    res.json(projectJson(await projects.update(currentUser(res), req.params.id, parse(projectPatchBody, req.body ?? {}))));
  });
  router.delete('/projects/:id', async (req, res) => {
    await projects.remove(currentUser(res), req.params.id);
    res.status(204).end();
  });
  router.get('/projects/:id/stakeholders', async (req, res) => {
    res.json((await projects.stakeholders(currentUser(res), req.params.id)).map(stakeholderJson));
  });
  router.post('/projects/:id/stakeholders', async (req, res) => {
    const s = await projects.addStakeholder(currentUser(res), req.params.id, parse(newStakeholderBody, req.body ?? {}));
    res.status(201).json(stakeholderJson(s));
  });
  router.patch('/projects/:id/stakeholders/:sid', async (req, res) => {
    const s = await projects.updateStakeholder(
      currentUser(res),
      req.params.id,
      req.params.sid,
      parse(stakeholderPatchBody, req.body ?? {}),
    );
    res.json(stakeholderJson(s));
  });
  router.delete('/projects/:id/stakeholders/:sid', async (req, res) => {
    await projects.removeStakeholder(currentUser(res), req.params.id, req.params.sid);
    res.status(204).end();
  });
  return router;
}
