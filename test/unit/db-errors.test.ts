import { dbErrorKind } from '../../src/db/errors';

describe('dbErrorKind: what a database error means for the person waiting', () => {
  test.each([
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_LOCKED', 'busy'],
    ['SQLITE_READONLY_DBMOVED', 'cannot_write'],
    ['SQLITE_FULL', 'cannot_write'],
    ['SQLITE_IOERR_WRITE', 'cannot_write'],
    ['40001', 'busy'], // serialization failure
    ['40P01', 'busy'], // deadlock
    ['55P03', 'busy'], // lock_timeout
    ['53300', 'busy'], // too many connections
    ['53100', 'cannot_write'], // disk full
    ['57P01', 'cannot_write'], // administrator shutdown
    ['08006', 'cannot_write'], // connection failure
    ['25006', 'cannot_write'], // read-only transaction
    ['ECONNREFUSED', 'cannot_write'],
    ['22021', 'bad_text'], // a null character in text
    ['23505', null], // a unique violation the code did not expect is a bug, not an outage
    ['42P01', null], // undefined table: a bug
    ['SQLITE_CONSTRAINT_CHECK', null],
  ])('code %s is %s', (code, kind) => {
    expect(dbErrorKind(Object.assign(new Error('x'), { code }))).toBe(kind);
  });

  test('A full connection pool (node-postgres says so only in its message) is "busy"; other errors are not database trouble', () => {
    expect(dbErrorKind(new Error('timeout exceeded when trying to connect'))).toBe('busy');
    expect(dbErrorKind(new Error('Cannot read properties of undefined'))).toBeNull();
    expect(dbErrorKind(undefined)).toBeNull();
    expect(dbErrorKind('text')).toBeNull();
  });
});
