import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Config } from '../../config';
import type { Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { linkBase } from '../../http/link-base';
import { noStore } from '../../http/security';
import { bodyText } from '../../http/validate';
import type { AccountLinks } from '../../services/account-links';
import type { AssessmentService } from '../../services/assessments';

/**
 * POST /p/:token/mail-link: "e-mail me my private link" on the profile page. The address goes to the mail relay
 * and nowhere else: not into the database, not into a log line (the request log writes only the redacted URL).
 * Like deleting, the private link in the path is what allows it (no login; refuseCrossSite stops other sites).
 */
export function privateLinkMail(links: AccountLinks, assessments: AssessmentService, config: Config, limits: RequestHandler[]): Router {
  const router = Router({ caseSensitive: true });
  const render = (req: Request, res: Response, status: number, state: 'form' | 'sent', error?: string) =>
    res.status(status).render('mail-link', { token: String(req.params.token), state, error, mail: links.mailConfigured() });

  router.post('/p/:token/mail-link', noStore, ...limits, async (req, res) => {
    const token = String(req.params.token);
    await assessments.status(token); // an unknown link is a 404, before anything is sent
    try {
      await links.mailPrivateLink(
        bodyText(req.body, 'email').slice(0, 254),
        res.locals.lang as Lang,
        `${linkBase(config, req)}/p/${token}`,
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'validation_failed') return render(req, res, 400, 'form', 'mailLink.errorEmail');
      if (err.code === 'mail_not_configured') return render(req, res, 503, 'form', 'mailLink.noMail');
      if (err.code === 'unavailable') return render(req, res, 503, 'form', 'mailLink.failed');
      throw err;
    }
    render(req, res, 200, 'sent');
  });
  return router;
}
