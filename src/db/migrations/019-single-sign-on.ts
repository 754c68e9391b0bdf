import type { Migration } from './dialect';

export const migration: Migration = {
  id: 19,
  name: 'single sign-on: users linked to an OpenID Connect account',
  // The stable link to the identity provider's account: (issuer, sub), never the e-mail address, which can change
  // or be given to someone else. Both null for accounts without single sign-on; unique together where set (NULLs
  // do not collide on either engine). Accounts made by single sign-on have password_hash '' (no password).
  sql: () => `
    ALTER TABLE users ADD COLUMN oidc_issuer TEXT;
    ALTER TABLE users ADD COLUMN oidc_subject TEXT;
    CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject);
  `,
};
