import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
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
});
