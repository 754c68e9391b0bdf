/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Type errors are caught by `npm run typecheck` (pretest); ts-jest only transpiles.
  maxWorkers: 2,
  // Password hashing (scrypt, N=2^17) makes account set-up take a second or more on a busy 2-core machine.
  testTimeout: 30_000,
};
