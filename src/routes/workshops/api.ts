import os from 'node:os';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Config } from '../../config';
import { LANGS, type Lang } from '../../domain/drives';
import type { WorkshopRecord } from '../../db/store';
import { currentUser } from '../../http/auth';
import { parse } from '../../http/validate';
import { AppError } from '../../errors';
import type { WorkshopService } from '../../services/workshops';
import { exportCsv, exportExcelCsv, exportGroupCsv, exportGroupExcelCsv, exportGroupJson, exportJson, type ExcelNames } from './export';
import type { Content } from '../../content/load';
import { translator } from '../../content/texts';
import { visibleText } from '../fields';
import { joinBase, type JoinBase } from '../../domain/join-url';

export const workshopFields = {
  title: visibleText(120, { required: true }),
  lang: z.enum(LANGS),
  minGroupSize: z.number().int().min(1).max(500),
};
export const createBody = z.strictObject({
  title: workshopFields.title,
  lang: workshopFields.lang.optional(),
  anonymous: z.boolean().optional(),
  minGroupSize: workshopFields.minGroupSize.optional(),
  points: z.boolean().optional(),
});

/** Where phones in the room can open the session: PUBLIC_URL, else the request's address (a loopback one swapped for this machine's). */
export const joinLinkFor = (config: Config, req: Request, code: string): JoinBase & { url: string } => {
  const host = req.get('host') ?? 'localhost';
  const base = joinBase({ publicUrl: config.publicUrl, protocol: req.protocol, host, interfaces: () => os.networkInterfaces() });
  return { ...base, url: `${base.base}/join/${code}`, others: base.others.map((b) => `${b}/join/${code}`) };
};
export const joinUrlFor = (config: Config, req: Request, code: string): string => joinLinkFor(config, req, code).url;

/** The trainer's session API; the caller mounts it behind requireUser. */
export function workshopsApi(workshops: WorkshopService, config: Config, content: Content): Router {
  const router = Router({ caseSensitive: true });
  const excelNames = (lang: Lang): ExcelNames => {
    const drives = new Map(content.current.model.drives.map((d) => [d.id as string, d.name[lang]]));
    return { t: translator(content.texts[lang]), drive: (id) => drives.get(id) ?? id };
  };
  const describe = (req: Request, w: WorkshopRecord & { shared?: boolean }) => ({
    id: w.publicId,
    code: w.code,
    title: w.title,
    lang: w.lang,
    anonymous: w.anonymous,
    minGroupSize: w.minGroupSize,
    status: w.status,
    revealed: w.revealed,
    points: w.points,
    step: w.step,
    /** In the trainer's list: a session they co-train rather than own. */
    ...(w.shared !== undefined ? { shared: w.shared } : {}),
    createdAt: w.createdAt,
    joinUrl: joinUrlFor(config, req, w.code),
  });

  router.post('/', async (req, res) => {
    const body = parse(createBody, req.body ?? {});
    const w = await workshops.create(currentUser(res), {
      title: body.title,
      lang: body.lang ?? 'nl',
      anonymous: body.anonymous ?? false,
      minGroupSize: body.minGroupSize ?? 3,
      points: body.points ?? false,
    });
    res
      .status(201)
      .location(`/api/sessions/${w.publicId}`)
      .json({ id: w.publicId, code: w.code, joinUrl: joinUrlFor(config, req, w.code) });
  });

  router.get('/', async (req, res) => {
    res.json((await workshops.list(currentUser(res))).map((w) => describe(req, w)));
  });

  router.get('/:id', async (req, res) => {
    res.json(describe(req, await workshops.get(currentUser(res), req.params.id)));
  });

  router.get('/:id/summary', async (req, res) => {
    res.type('application/json').send(await workshops.summaryJson(await workshops.get(currentUser(res), req.params.id)));
  });

  for (const action of ['reveal', 'close', 'reopen'] as const) {
    router.post(`/:id/${action}`, async (req, res) => {
      const user = currentUser(res);
      const id = req.params.id;
      if (action === 'reveal') await workshops.reveal(user, id);
      else await workshops.setStatus(user, id, action === 'close' ? 'closed' : 'open');
      res.type('application/json').send(await workshops.summaryJson(await workshops.get(user, id)));
    });
  }

  router.delete('/:id/participants/:pid', async (req, res) => {
    const pid = z.coerce.number().int().positive().safeParse(req.params.pid);
    if (!pid.success) throw new AppError('not_found', 'No such participant in this session.');
    await workshops.removeParticipant(currentUser(res), req.params.id, pid.data);
    res.status(204).end();
  });

  router.post('/:id/extend', async (req, res) => {
    const keepUntil = await workshops.extend(currentUser(res), req.params.id, config.retention.workshopDays);
    res.json({ keepUntil });
  });

  router.delete('/:id', async (req, res) => {
    await workshops.remove(currentUser(res), req.params.id);
    res.status(204).end();
  });

  // The service refuses (409) what the trainer may not download yet; the headers only go out on success.
  router.get('/:id/export.csv', async (req, res) => {
    const w = await workshops.get(currentUser(res), req.params.id);
    const data = await workshops.exportData(w, currentUser(res), 'csv');
    res.set('Cache-Control', 'no-store').attachment(`drijfveer-${w.code}.csv`).type('text/csv; charset=utf-8');
    res.send(`\uFEFF${data.kind === 'group' ? exportGroupCsv(data.n, data.drives) : exportCsv(data.rows)}`);
  });

  // For Dutch Excel: `;`, decimal commas, a byte order mark, column names in the session's language, local times.
  router.get('/:id/export-excel.csv', async (req, res) => {
    const w = await workshops.get(currentUser(res), req.params.id);
    const data = await workshops.exportData(w, currentUser(res), 'excel');
    const names = excelNames(w.lang);
    res.set('Cache-Control', 'no-store').attachment(`drijfveer-${w.code}-excel.csv`).type('text/csv; charset=utf-8');
    res.send(data.kind === 'group' ? exportGroupExcelCsv(data.n, data.drives, names) : exportExcelCsv(data.rows, names));
  });

  router.get('/:id/export.json', async (req, res) => {
    const w = await workshops.get(currentUser(res), req.params.id);
    const data = await workshops.exportData(w, currentUser(res), 'json');
    const session = { id: w.publicId, code: w.code, title: w.title, anonymous: w.anonymous };
    res.set('Cache-Control', 'no-store').attachment(`drijfveer-${w.code}.json`);
    res.json(
      data.kind === 'group' ? exportGroupJson(session, data.n, data.drives, w.agreements) : exportJson(session, data.rows, w.agreements),
    );
  });
  return router;
}
