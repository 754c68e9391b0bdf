import { configWarnings, loadConfig } from '../../src/config';

const SECRET = 's'.repeat(40);

describe('start-up warnings', () => {
  test('When production runs without TRUST_PROXY, then start-up warns that logins need a TLS proxy and TRUST_PROXY', () => {
    const warnings = configWarnings(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET }));
    expect(warnings).toEqual([expect.stringMatching(/NODE_ENV=production without TRUST_PROXY.*TLS proxy.*TRUST_PROXY/)]);
  });

  test('When production runs behind a trusted proxy, or in development, then there is no such warning', () => {
    expect(configWarnings(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, TRUST_PROXY: '1' }))).toEqual([]);
    expect(configWarnings(loadConfig({ NODE_ENV: 'development' }))).toEqual([]);
  });
});
