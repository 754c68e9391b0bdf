import { connectionConfig, sessionOptions, urlWithSchema } from '../../src/db/postgres/pool';

describe('PostgreSQL connection settings', () => {
  test('Every connection gets a lock timeout and a statement timeout; a schema adds a quoted search_path', () => {
    expect(sessionOptions({})).toBe('-c lock_timeout=5000 -c statement_timeout=30000');
    expect(sessionOptions({ schema: 't_1', lockTimeoutMs: 200 })).toBe(
      '-c lock_timeout=200 -c statement_timeout=30000 -c search_path="t_1"',
    );
  });

  test('Options in the URL are kept next to ours, and the rest of the URL is untouched (also libpq socket forms)', () => {
    expect(connectionConfig({ url: 'postgres://app@db:5432/drijfveer?options=-c%20search_path%3Dtenant&sslmode=verify-full' })).toEqual({
      connectionString: 'postgres://app@db:5432/drijfveer?sslmode=verify-full',
      options: '-c search_path=tenant -c lock_timeout=5000 -c statement_timeout=30000',
    });
    expect(connectionConfig({ url: 'postgres://app@/drijfveer?host=/var/run/postgresql' }).connectionString).toBe(
      'postgres://app@/drijfveer?host=%2Fvar%2Frun%2Fpostgresql',
    );
    expect(connectionConfig({ url: 'postgres://app@db/drijfveer' }).connectionString).toBe('postgres://app@db/drijfveer');
  });

  test('urlWithSchema sets the search_path through options and keeps other parameters', () => {
    expect(urlWithSchema('postgres://root@127.0.0.1:5432/test', 't_ab')).toBe(
      'postgres://root@127.0.0.1:5432/test?options=-c+search_path%3Dt_ab',
    );
    expect(urlWithSchema('postgres://root@h/test?application_name=x', 's')).toBe(
      'postgres://root@h/test?application_name=x&options=-c+search_path%3Ds',
    );
  });
});
