import path from 'node:path';
import express from 'express';
import { ConfigError, configWarnings, loadConfig } from '../../src/config';
import { ROOT_DIR } from '../../src/paths';

describe('loadConfig()', () => {
  test('When nothing is set, then the documented defaults apply', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.databasePath).toBe(path.join(ROOT_DIR, 'data', 'drijfveer.sqlite'));
    expect(c.env).toBe('development');
    expect(c.sqliteSynchronous).toBe('NORMAL');
    expect(c.databaseUrl).toBeNull();
    expect(c.pgPoolMax).toBe(10);
    expect(Object.isFrozen(c)).toBe(true);
  });

  test('When PORT is not a number, then loading fails with a message naming PORT', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  test('When NODE_ENV is unknown, then loading fails naming NODE_ENV', () => {
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  test('When in production without SESSION_SECRET, then using the secret fails with a clear message', () => {
    const c = loadConfig({ NODE_ENV: 'production' });
    expect(() => c.sessionSecret()).toThrow(/SESSION_SECRET: required when NODE_ENV=production/);
  });

  test('When in development without SESSION_SECRET, then a random secret of at least 32 characters is used', () => {
    expect(loadConfig({}).sessionSecret().length).toBeGreaterThanOrEqual(32);
  });

  test('When SESSION_SECRET is too short, then loading fails naming it', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  test('When DATABASE_URL is a postgres:// address, then storage switches to it; empty means SQLite', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db:5432/drijfveer' }).databaseUrl).toBe('postgres://app@db:5432/drijfveer');
    expect(loadConfig({ DATABASE_URL: 'postgresql://app@db/drijfveer' }).databaseUrl).toBe('postgresql://app@db/drijfveer');
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
  });

  test('When DATABASE_URL is not a PostgreSQL address or PG_POOL_MAX is not a positive number, then loading fails naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//);
    expect(() => loadConfig({ DATABASE_URL: '/var/lib/drijfveer.sqlite' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PG_POOL_MAX: '0' })).toThrow(/PG_POOL_MAX/);
    expect(() => loadConfig({ PG_POOL_MAX: 'ten' })).toThrow(/PG_POOL_MAX/);
  });

  test('When TRUST_PROXY is a hop count or proxy addresses, then it becomes the Express value and behindProxy is set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({}).behindProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' })).toMatchObject({ trustProxy: 1, behindProxy: true });
    expect(loadConfig({ TRUST_PROXY: '0' })).toMatchObject({ trustProxy: 0, behindProxy: false });
    expect(loadConfig({ TRUST_PROXY: 'true' })).toMatchObject({ trustProxy: true, behindProxy: true });
    expect(loadConfig({ TRUST_PROXY: 'false' })).toMatchObject({ trustProxy: false, behindProxy: false });
    const list = loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.5,fd00::/8' });
    expect(list.trustProxy).toEqual(['loopback', '10.0.0.0/8', '192.168.1.5', 'fd00::/8']);
    expect(list.behindProxy).toBe(true);
    // Express accepts every form as its `trust proxy` setting.
    for (const v of ['1', 'true', 'loopback,10.0.0.0/8'])
      expect(() => express().set('trust proxy', loadConfig({ TRUST_PROXY: v }).trustProxy)).not.toThrow();
  });

  test('When TRUST_PROXY is neither a hop count nor addresses, then loading fails naming it and the accepted forms', () => {
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0', 'loopback,nginx', '-1', '']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY: .*hop count or proxy address.*e\.g\. 1/);
    }
  });

  test('When TRUST_PROXY=true in production, then start-up warns that every hop is trusted; a hop count gives no warning', () => {
    const prod = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) };
    expect(configWarnings(loadConfig({ ...prod, TRUST_PROXY: 'true' })).join('\n')).toMatch(
      /TRUST_PROXY=true trusts every X-Forwarded-For hop.*usually 1/,
    );
    expect(configWarnings(loadConfig({ ...prod, TRUST_PROXY: '1' }))).toEqual([]);
    expect(configWarnings(loadConfig({ TRUST_PROXY: 'true' }))).toEqual([]);
  });

  test('When the scrypt cost is not set, then it is 2^17; tests may set it low', () => {
    expect(loadConfig({}).passwords).toEqual({ costLog2: 17, maxRunning: 2, maxWaiting: 6 });
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_SCRYPT_COST: '10' }).passwords.costLog2).toBe(10);
    expect(() => loadConfig({ PASSWORD_SCRYPT_COST: '9' })).toThrow(/PASSWORD_SCRYPT_COST/);
  });

  test('When NODE_ENV=production has a low scrypt cost, then loading fails with a clear message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_SCRYPT_COST: '10' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_SCRYPT_COST: '10' })).toThrow(
      /PASSWORD_SCRYPT_COST: 10 is too low for production \(at least 17/,
    );
    expect(loadConfig({ NODE_ENV: 'production', PASSWORD_SCRYPT_COST: '17' }).passwords.costLog2).toBe(17);
  });
});
