import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { AppError } from '../errors';

/** Helmet's options for pages (exported for the test that compares our precomputed headers with helmet's). */
export function pageHelmetOptions(isProduction: boolean): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        // Only behind TLS: on plain http://localhost the upgrade would break form posts.
        ...(isProduction ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: isProduction,
    xFrameOptions: { action: 'deny' },
    // Private links must not leak to other sites through the Referer header; same-origin keeps Origin on our own forms.
    referrerPolicy: { policy: 'same-origin' },
  };
}

/**
 * Strict headers on pages: only our own origin for scripts, styles, images; no inline script; no framing.
 * JSON under `apiPrefix` is never rendered by a browser: it gets the few headers that matter there.
 */
export function securityHeaders(isProduction: boolean, apiPrefix: string): RequestHandler {
  const pages = helmet(pageHelmetOptions(isProduction));
  const headers = headersOf(pages);
  const api = apiHeaders(isProduction);
  return (req, res, next) => {
    if (req.path.startsWith(apiPrefix)) return api(req, res, next);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/**
 * The headers a middleware sets, worked out once. Our policy is the same for every page (no nonces, no directive that
 * depends on the request), and helmet runs thirteen middlewares per request to set it: a tenth of a page's time in the
 * profile of the default configuration. test/unit/security-headers.test.ts proves the headers equal helmet's own.
 */
function headersOf(middleware: RequestHandler): [string, string][] {
  const set = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: string) => set.set(name, String(value)),
    removeHeader: (name: string) => set.delete(name),
  };
  let called = false;
  middleware({ method: 'GET', headers: {}, url: '/' } as Request, res as unknown as Response, () => (called = true));
  if (!called) throw new Error('the security headers middleware did not finish synchronously');
  return [...set];
}

/** The headers that matter for JSON replies. */
export function apiHeaders(isProduction: boolean): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    if (isProduction) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a browser sends on behalf of another site.
 * Browsers send Sec-Fetch-Site and/or Origin; non-browser clients send neither and pass.
 */
export const refuseCrossSite: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  if (site)
    return site === 'same-origin' || site === 'none'
      ? next()
      : next(new AppError('forbidden', 'Requests from another site are not allowed.'));
  // Older browsers without Fetch Metadata: compare Origin with our own host.
  const origin = req.get('origin');
  if (origin !== undefined) {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host === null || host !== req.get('host')) return next(new AppError('forbidden', 'Requests from another site are not allowed.'));
  }
  next();
};

/** Private pages must not be stored by shared caches or browsers (profiles, questionnaire state). */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
