import { Router } from 'express';
import { z } from 'zod';
import type { Content } from '../../content/load';
import type { Translate } from '../../content/texts';
import { LANGS, type Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { currentUser } from '../../http/auth';
import { provideFormToken, verifyFormToken } from '../../http/csrf';
import { noStore } from '../../http/security';
import { readerView } from '../../presenters/reader';
import { MAX_TEXT, type ReaderService } from '../../services/reader';

export const form = z.object({
  text: z.string().max(MAX_TEXT).default(''),
  lang: z.enum(['auto', ...LANGS]).default('auto'),
  behaviours: z.union([z.string(), z.array(z.string())]).optional(),
});

/** "What is my client saying?" as a page; the same service as POST /api/recognize. Mounted behind requireUser. */
export function readerPages(reader: ReaderService, content: Content): Router {
  const router = Router({ caseSensitive: true });
  router.use(noStore, provideFormToken);
  const page = (lang: Lang) => ({ behaviours: reader.behaviours(lang) });

  router.get('/', (_req, res) => {
    res.render('reader', {
      ...page(res.locals.lang as Lang),
      values: { text: '', lang: 'auto', behaviours: [] as string[] },
      result: null,
      error: null,
    });
  });

  router.post('/', verifyFormToken, async (req, res) => {
    const lang = res.locals.lang as Lang;
    const parsed = form.safeParse(req.body ?? {});
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const values = {
      text: typeof raw.text === 'string' ? raw.text.slice(0, MAX_TEXT + 1000) : '',
      lang: parsed.success ? parsed.data.lang : 'auto',
      behaviours: parsed.success ? [parsed.data.behaviours ?? []].flat() : [],
    };
    if (!parsed.success) return res.status(400).render('reader', { ...page(lang), values, result: null, error: 'reader.errorLong' });
    try {
      const result = await reader.read(
        { text: values.text, ...(values.lang !== 'auto' ? { lang: values.lang } : {}), behaviours: values.behaviours },
        currentUser(res),
      );
      res.render('reader', {
        ...page(lang),
        values,
        result: readerView(result, values.text, lang, res.locals.t as Translate, content),
        error: null,
      });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'validation_failed')) throw err;
      res.status(400).render('reader', { ...page(lang), values, result: null, error: 'reader.errorEmpty' });
    }
  });
  return router;
}
