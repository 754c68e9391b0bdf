import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Content } from '../../content/load';
import type { Translate } from '../../content/texts';
import { DRIVE_IDS, LANGS, type Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { readerView } from '../../presenters/reader';
import { MAX_TEXT, type ReaderService } from '../../services/reader';

const behaviours = z.union([z.string(), z.array(z.string())]).optional();

export const form = z.object({
  text: z.string().max(MAX_TEXT).default(''),
  lang: z.enum(['auto', ...LANGS]).default('auto'),
  behaviours,
});

/** "Was it actually something else?": the text that was read and its language come back in hidden fields. */
export const correctionForm = z.object({
  text: z
    .string()
    .max(MAX_TEXT)
    .refine((s) => s.trim() !== ''),
  lang: z.enum(LANGS).optional(),
  drive: z.enum(DRIVE_IDS),
  consent: z.literal('yes').optional(),
  behaviours,
});

type Values = { text: string; lang: 'auto' | Lang; behaviours: string[] };
type Extra = { error?: string; correctionError?: string; saved?: boolean };

/** "What is my client saying?" as a page; the same service as POST /api/recognize. Mounted behind requireUser. */
export function readerPages(reader: ReaderService, content: Content): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore, provideFormToken);

  const render = (res: Response, status: number, values: Values, result: unknown, extra: Extra = {}) =>
    res.status(status).render('reader', {
      behaviours: reader.behaviours(res.locals.lang as Lang),
      values,
      result,
      error: extra.error ?? null,
      correctionError: extra.correctionError ?? null,
      saved: extra.saved ?? false,
    });

  /** Reads the text and shows the page with the reading; a text the service refuses comes back as the form with 400. */
  const showReading = async (res: Response, status: number, values: Values, extra: Extra = {}) => {
    try {
      const result = await reader.read(
        { text: values.text, ...(values.lang !== 'auto' ? { lang: values.lang } : {}), behaviours: values.behaviours },
        currentUser(res),
      );
      const view = readerView(result, values.text, res.locals.lang as Lang, res.locals.t as Translate, content);
      render(res, status, values, view, extra);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'validation_failed')) throw err;
      render(res, 400, values, null, { error: 'reader.errorEmpty' });
    }
  };

  /** The form's values to show again, field by field, also when another field is bad: the text cut to a sane length. */
  const valuesOf = (body: unknown): Values => {
    const raw = (body ?? {}) as Record<string, unknown>;
    const lang = z.enum(LANGS).safeParse(raw.lang);
    const ticked = behaviours.safeParse(raw.behaviours);
    return {
      text: typeof raw.text === 'string' ? raw.text.slice(0, MAX_TEXT + 1000) : '',
      lang: lang.success ? lang.data : 'auto',
      behaviours: ticked.success ? [ticked.data ?? []].flat() : [],
    };
  };

  router.get('/', (_req, res) => {
    render(res, 200, { text: '', lang: 'auto', behaviours: [] }, null);
  });

  router.post('/', verifyFormToken, async (req, res) => {
    const parsed = form.safeParse(req.body ?? {});
    const values = valuesOf(req.body);
    if (!parsed.success) return render(res, 400, values, null, { error: 'reader.errorLong' });
    await showReading(res, 200, values);
  });

  // The login page sends people back to where they were; for a correction that is the reader itself.
  router.get('/correction', (_req, res) => res.redirect(303, '/reader'));

  router.post('/correction', verifyFormToken, async (req, res) => {
    const parsed = correctionForm.safeParse(req.body ?? {});
    if (!parsed.success) {
      const values = valuesOf(req.body);
      const textOk = correctionForm.shape.text.safeParse(values.text).success;
      if (!textOk) return render(res, 400, values, null, { error: 'reader.correction.errorText' });
      const badDrive = parsed.error.issues.some((i) => i.path[0] === 'drive');
      return showReading(res, 400, values, { correctionError: badDrive ? 'reader.correction.errorDrive' : 'reader.correction.errorForm' });
    }
    const { text, lang, drive, consent } = parsed.data;
    const ticked = [parsed.data.behaviours ?? []].flat();
    await reader.correct(currentUser(res), { text, ...(lang ? { lang } : {}), behaviours: ticked, drive, consent: consent === 'yes' });
    await showReading(res, 200, valuesOf(req.body), { saved: true });
  });
  return router;
}
