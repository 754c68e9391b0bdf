import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Content } from '../../content/load';
import type { Texts } from '../../content/texts';
import { DRIVE_IDS, driveLabels, type Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { bodyText } from '../../http/validate';
import {
  STUDIO_FORM_FIELDS,
  studioDashboard,
  type StudioFormErrors,
  type StudioFormName,
  type StudioFormValues,
} from '../../presenters/studio-dashboard';
import type { NewExerciseInput, StudioService } from '../../services/studio';
import type { TeamService } from '../../services/team';
import type { WorkshopService } from '../../services/workshops';
import { joinLinkFor } from './api';
import { dashboardView } from './pages';
import { studioFields } from './studio-api';

/** The texts a page's script needs: keys under these prefixes, without the area's name ("present.step.lobby" → "step.lobby"). */
function scriptTexts(texts: Texts, prefixes: string[]): string {
  const out: Record<string, string> = {};
  for (const [key, text] of texts) {
    if (prefixes.some((p) => key.startsWith(p))) out[key.slice(key.indexOf('.') + 1)] = text;
  }
  return JSON.stringify(out);
}

/** Poll options: one a line in a textarea; empty lines do not count. */
const optionLines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Checks one form; answers the exercise to add, or the fields' message keys. */
function readForm(name: StudioFormName, v: StudioFormValues): { input: NewExerciseInput } | { errors: StudioFormErrors } {
  const errors: StudioFormErrors = {};
  const check = <T>(field: keyof StudioFormErrors, schema: z.ZodType<T>, value: string, key: string = field): T | undefined => {
    const r = schema.safeParse(value);
    if (!r.success) errors[field] = `studioTrainer.error.${key}`;
    return r.success ? r.data : undefined;
  };
  let input: NewExerciseInput | undefined;
  if (name === 'bank') {
    const remarkId = check('remarkId', z.string().min(1).max(40), v.remarkId);
    if (remarkId) input = { kind: 'recognize', remarkId };
  } else if (name === 'own') {
    const text = check('remarkText', studioFields.remarkText, v.remarkText);
    const drive = check('remarkDrive', z.union([z.literal(''), z.enum(DRIVE_IDS)]), v.remarkDrive);
    if (text !== undefined && drive !== undefined) input = { kind: 'recognize', text, drive: drive || null };
  } else if (name === 'open') {
    const prompt = check('openPrompt', studioFields.prompt, v.openPrompt, 'prompt');
    if (prompt !== undefined) input = { kind: 'open', prompt };
  } else {
    const prompt = check('pollPrompt', studioFields.prompt, v.pollPrompt, 'prompt');
    const lines = optionLines(v.pollOptions);
    const options = lines.map((l) => studioFields.option.safeParse(l));
    if (lines.length < 2 || lines.length > 6) errors.pollOptions = 'studioTrainer.error.optionsCount';
    else if (options.some((o) => !o.success)) errors.pollOptions = 'studioTrainer.error.optionsLong';
    else if (new Set(lines.map((l) => l.toLowerCase())).size !== lines.length) errors.pollOptions = 'studioTrainer.error.optionsSame';
    if (prompt !== undefined && !errors.pollOptions) input = { kind: 'poll', prompt, options: options.map((o) => o.data!) };
  }
  return input && !Object.keys(errors).length ? { input } : { errors };
}

/**
 * The workshop studio's trainer pages: the presenter (projector), the control page (phone) and the dashboard's
 * exercise forms. Mounted behind requireUser in the '/trainer' area, before trainerPages (whose
 * /sessions/:id/:action would take /sessions/:id/exercises otherwise).
 */
export function studioPages(
  studio: StudioService,
  workshops: WorkshopService,
  content: Content,
  config: Config,
  team: TeamService,
): Router {
  const router = Router({ caseSensitive: true });
  // The live pages post no forms (their scripts use the JSON API); the forms' errors show the dashboard, with its tokens.
  const forms = [noStore, provideFormToken, verifyFormToken];
  const dashboard = dashboardView(workshops, content, config, team);
  const studioView = studioDashboard(studio, content);
  const back = (id: string) => `/trainer/sessions/${id}#studio`;

  /** What both live pages start with; the event stream keeps them up to date. */
  async function liveLocals(req: Request, res: Response, textPrefixes: string[]) {
    const w = await workshops.get(currentUser(res), String(req.params.id));
    const lang = res.locals.lang as Lang;
    return {
      textsJson: scriptTexts(content.texts[lang], textPrefixes),
      w: { id: w.publicId, code: w.code, title: w.title, status: w.status },
      joinUrl: joinLinkFor(config, req, w.code).url,
      summaryJson: await workshops.summaryJson(w),
      stateJson: (await studio.trainerState(w.id)) ?? '{}',
      drivesJson: JSON.stringify(driveLabels(content.current.model.drives, lang)),
    };
  }

  router.get('/sessions/:id/present', noStore, async (req: Request, res: Response) => {
    res.render('studio-present', await liveLocals(req, res, ['present.']));
  });
  router.get('/sessions/:id/control', noStore, async (req: Request, res: Response) => {
    res.render('studio-control', await liveLocals(req, res, ['present.', 'studioTrainer.control.', 'studioTrainer.status.']));
  });

  router.post('/sessions/:id/exercises/:form', forms, async (req: Request, res: Response) => {
    const name = String(req.params.form);
    if (!['bank', 'own', 'open', 'poll'].includes(name)) throw new AppError('not_found', 'Unknown form.');
    const user = currentUser(res);
    const w = await workshops.get(user, String(req.params.id));
    const values = Object.fromEntries(STUDIO_FORM_FIELDS.map((f) => [f, bodyText(req.body, f)])) as StudioFormValues;
    const read = readForm(name as StudioFormName, values);
    let errors = 'errors' in read ? read.errors : null;
    if ('input' in read) {
      try {
        let input = read.input;
        // An own remark may also go to the trainer's remarks, to use again in another session.
        if (input.kind === 'recognize' && 'text' in input && values.saveRemark === 'yes') {
          const saved = await studio.addRemark(user, {
            lang: w.lang,
            text: input.text,
            drive: input.drive ?? null,
            also: [],
            explanation: '',
          });
          input = { kind: 'recognize', remarkId: saved.id };
        }
        await studio.create(user, w.publicId, input);
      } catch (err) {
        // The service checks what a form cannot: that the chosen remark exists (in the bank or among one's own).
        if (!(err instanceof AppError) || err.code !== 'validation_failed' || name !== 'bank') throw err;
        errors = { remarkId: 'studioTrainer.error.remarkUnknown' };
      }
    }
    if (!errors) return res.redirect(303, back(w.publicId));
    res.status(400).render('dashboard', {
      ...(await dashboard(req, res, w)),
      ...(await studioView(user, w, res.locals.lang as Lang, { name: name as StudioFormName, values, errors })),
    });
  });

  router.post('/sessions/:id/exercises/:eid/delete', forms, async (req: Request, res: Response) => {
    const id = String(req.params.id);
    await studio.remove(currentUser(res), id, String(req.params.eid));
    res.redirect(303, back(id));
  });
  return router;
}
