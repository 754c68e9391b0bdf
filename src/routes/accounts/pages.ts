import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Config } from '../../config';
import type { Lang } from '../../domain/drives';
import { AppError } from '../../errors';
import { loginFormToken } from '../../http/csrf';
import { linkBase } from '../../http/link-base';
import { noStore } from '../../http/security';
import { bodyText } from '../../http/validate';
import { RESET_MINUTES, type AccountLinks, type LinkState } from '../../services/account-links';
import { passwordForm } from './schemas';

type Kind = 'invite' | 'reset';
/** A used link is 410 Gone; an expired or unknown one 400 (the brief's "a clear page, 410 or 400"). */
const STATUS = { used: 410, expired: 400, unknown: 400 } as const;

/**
 * The pages behind the links in e-mails: /invite/:token (first password), /password/forgot (ask for a reset link)
 * and /password/reset/:token (new password). Their forms carry the login form's signed CSRF cookie (no login yet).
 */
export function accountPages(links: AccountLinks, config: Config, forgotLimits: RequestHandler[]): Router {
  const router = Router({ caseSensitive: true });
  const token = loginFormToken(config.isProduction);
  router.use(['/invite', '/password'], noStore);

  const renderLink = (res: Response, state: Exclude<LinkState, { state: 'open' }>) =>
    res.status(STATUS[state.state]).render('account-link-state', { state: state.state });

  function setPasswordPages(kind: Kind, path: string) {
    const check = (t: string) => (kind === 'invite' ? links.checkInvite(t) : links.checkReset(t));
    const use = (t: string, p: string) => (kind === 'invite' ? links.acceptInvite(t, p) : links.resetPassword(t, p));
    const render = (req: Request, res: Response, status: number, state: LinkState & { state: 'open' }, errors: Record<string, string>) =>
      token.provide(req, res, () =>
        res.status(status).render('account-set-password', { kind, action: req.originalUrl, who: state, errors }),
      );

    router.get(path, async (req, res) => {
      const state = await check(String(req.params.token));
      if (state.state !== 'open') return renderLink(res, state);
      render(req, res, 200, state, {});
    });
    router.post(path, token.verify, async (req, res) => {
      const t = String(req.params.token);
      const state = await check(t);
      if (state.state !== 'open') return renderLink(res, state);
      const form = passwordForm.safeParse({ password: bodyText(req.body, 'password'), password2: bodyText(req.body, 'password2') });
      if (!form.success) return render(req, res, 400, state, { password: 'accountLink.errors.password' });
      if (form.data.password !== form.data.password2) return render(req, res, 400, state, { password2: 'accountLink.errors.password2' });
      const done = await use(t, form.data.password);
      if (done.state !== 'open') return renderLink(res, done);
      res.render('account-password-set', {});
    });
  }
  setPasswordPages('invite', '/invite/:token');
  setPasswordPages('reset', '/password/reset/:token');

  const renderForgot = (req: Request, res: Response, status: number, values: { email: string }, state: 'form' | 'sent', error?: string) =>
    token.provide(req, res, () =>
      res.status(status).render('password-forgot', { values, state, error, minutes: RESET_MINUTES, mail: links.mailConfigured() }),
    );
  router.get('/password/forgot', (req, res) => renderForgot(req, res, 200, { email: '' }, 'form'));
  router.post('/password/forgot', token.verify, ...forgotLimits, async (req, res) => {
    const email = bodyText(req.body, 'email').trim().slice(0, 254);
    try {
      await links.requestReset(email, res.locals.lang as Lang, linkBase(config, req));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'validation_failed') return renderForgot(req, res, 400, { email }, 'form', 'forgot.errorEmail');
      if (err.code === 'mail_not_configured') return renderForgot(req, res, 503, { email }, 'form');
      throw err;
    }
    renderForgot(req, res, 200, { email: '' }, 'sent');
  });
  return router;
}
