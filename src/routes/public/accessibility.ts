import { Router } from 'express';
import type { Config } from '../../config';
import { contactHref } from '../assessments/start-pages';

/**
 * The accessibility statement (public, nl/en through the language switch). Who runs Drijfveer and how to reach them
 * come from the same settings as the privacy page: one contact for a self-hosted organisation.
 */
export function accessibilityPage(config: Config): Router {
  const router = Router({ caseSensitive: true });
  const { organisation, contact } = config.privacy;
  const locals = { organisation, contact: contact ? { text: contact, href: contactHref(contact) } : null };
  router.get('/toegankelijkheid', (_req, res) => res.render('accessibility', locals));
  // The English name leads to the same page (one address to publish; the language switch changes the text).
  router.get('/accessibility', (_req, res) => res.redirect(301, '/toegankelijkheid?lang=en'));
  return router;
}
