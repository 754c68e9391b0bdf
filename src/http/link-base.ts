import type { Request } from 'express';
import type { Config } from '../config';
import { AppError } from '../errors';

/**
 * The start of links in e-mails. PUBLIC_URL when set; in production only that, because a link built from the
 * request's Host header could point a reset mail at someone else's site. Elsewhere (development, tests) the
 * request's own address.
 */
export function linkBase(config: Config, req: Request): string {
  if (config.publicUrl) return config.publicUrl;
  if (config.isProduction)
    throw new AppError(
      'mail_not_configured',
      'Links in e-mails need PUBLIC_URL, the address people use to reach this server (see docs/deploy.md).',
    );
  return `${req.protocol}://${req.get('host')}`;
}
