import { bodyText } from '../../http/validate';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Lang } from '../../domain/drives';
import type { AssessmentService } from '../../services/assessments';
import { isInvisibleIssue, nameField } from '../fields';
import type { Config } from '../../config';

export const startForm = z.object({
  name: z.string().optional().default('').pipe(nameField),
  consent: z.literal('yes', { error: 'consentRequired' }),
});

/** A link for the privacy contact when it is an e-mail or web address; else it is shown as text. */
export function contactHref(contact: string): string | null {
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(contact)) return `mailto:${contact}`;
  if (/^https?:\/\/[^\s<>"]+$/.test(contact)) return contact;
  return null;
}

/** The start page: what drives are (and are not), consent, optional name. */
export function startPages(service: AssessmentService, config: Config, creationLimit: RequestHandler): Router {
  const router = Router({ caseSensitive: true });

  const { organisation, contact } = config.privacy;
  const privacy = {
    organisation,
    contact: contact ? { text: contact, href: contactHref(contact) } : null,
    retention: {
      unfinishedDays: config.retention.unfinishedDays,
      workshopDays: config.retention.workshopDays,
      surveyDays: config.retention.surveyDays,
      auditDays: config.retention.auditDays,
      loginIdleHours: config.sessionHours,
      loginMaxHours: config.loginSessionMaxHours,
    },
  };
  router.get('/privacy', (_req, res) => {
    res.render('privacy', privacy);
  });

  router.get('/', (_req, res) => {
    res.render('home', { values: { name: '' }, errors: {} });
  });

  router.post('/start', creationLimit, async (req, res) => {
    const parsed = startForm.safeParse(req.body ?? {});
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'form');
        errors[field] = field === 'consent' ? 'start.errorConsent' : isInvisibleIssue(issue) ? 'names.errorInvisible' : 'start.errorName';
      }
      const name = bodyText(req.body, 'name');
      res.status(400).render('home', { values: { name }, errors });
      return;
    }
    const { token } = await service.create({ lang: res.locals.lang as Lang, name: parsed.data.name ?? null });
    res.redirect(303, `/a/${token}`);
  });
  return router;
}
