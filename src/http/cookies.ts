import type { CookieOptions } from 'express';

/**
 * Our cookies: httpOnly, SameSite=Lax, path /. In production (behind TLS) they are Secure and carry the
 * __Host- prefix, which browsers only accept from a secure origin without a Domain: no subdomain can set them.
 */
export function cookiePolicy(secure: boolean) {
  const options = (maxAge: number): CookieOptions => ({ httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge });
  return {
    name: (base: string) => (secure ? `__Host-${base}` : base),
    options,
  };
}
export type CookiePolicy = ReturnType<typeof cookiePolicy>;
