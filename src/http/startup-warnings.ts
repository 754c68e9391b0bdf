import type { Config } from '../config';

/**
 * Warnings to log at start-up (server.ts logs each at level warn). In production the login cookie is Secure:
 * without a TLS proxy that the app trusts, every login fails, so say so before the first user tries.
 */
export function startupWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.isProduction && !config.trustProxy) {
    warnings.push(
      'NODE_ENV=production without TRUST_PROXY: logins need HTTPS (the login cookie is Secure), and the app only sees ' +
        'HTTPS through a trusted proxy. Run it behind a TLS proxy and set TRUST_PROXY (see docs/deploy.md).',
    );
  }
  return warnings;
}
