/**
 * Two runs of the same tests: on SQLite (always) and on PostgreSQL (when TEST_DATABASE_URL is set;
 * .ci/run sets it). The PostgreSQL run covers the API and page tests, the live browser journeys (PG_JOURNEYS) and test/pg;
 * unit and process tests are about SQLite files and pure code, so they run once.
 * @type {import('jest').Config}
 */
const base = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // openid-client and its two dependencies are ES modules only; jest's CommonJS runtime needs them transpiled
    // (Node itself loads them with require() in dist/). See README, "Single sign-on".
    '/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$': ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  // Type errors are caught by `npm run typecheck` (pretest); ts-jest only transpiles.
  setupFilesAfterEnv: ['<rootDir>/test/helpers/cleanup.ts'],
};

const projects = [
  { ...base, displayName: 'sqlite', roots: ['<rootDir>/test'], testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/test/pg/'] },
];
/**
 * The browser journeys that also run on PostgreSQL: the live ones, where the page follows a workshop while the server also
 * runs PostgreSQL's change feed (LISTEN/NOTIFY). The other journeys draw pages and call routes that the PostgreSQL run of
 * test/api covers route by route, and their markup and scripts do not depend on the database; walking them a second time
 * cost about 200 s of file time (100 s of a 2-core run). DRIJFVEER_PG_JOURNEYS=all walks every journey on PostgreSQL too.
 */
const PG_JOURNEYS =
  process.env.DRIJFVEER_PG_JOURNEYS === 'all'
    ? ['<rootDir>/test/browser/**/*.test.ts']
    : ['workshop', 'workshop-screen', 'team-view', 'studio-workshop', 'studio-trainer'].map((f) => `<rootDir>/test/browser/${f}.test.ts`);

if (process.env.TEST_DATABASE_URL) {
  projects.push({
    ...base,
    displayName: 'postgres',
    roots: ['<rootDir>/test'],
    testMatch: ['<rootDir>/test/api/**/*.test.ts', ...PG_JOURNEYS, '<rootDir>/test/pg/**/*.test.ts'],
    // SQLite's own failure modes (file locks, read-only file, full file); test/pg/faults.test.ts has PostgreSQL's. The
    // navigation menu is markup and CSS only, with no data behind it, and page-checks tests the page checks, which run in
    // the SQLite run only (see PAGE_CHECKS): both are left out even with DRIJFVEER_PG_JOURNEYS=all.
    testPathIgnorePatterns: ['/test/api/db-faults.test.ts', '/test/browser/navigation.test.ts', '/test/browser/page-checks.test.ts'],
    setupFiles: ['<rootDir>/test/helpers/postgres-env.ts'],
  });
} else if (!process.env.JEST_WORKER_ID) {
  console.log(
    'PostgreSQL suite not run: it needs TEST_DATABASE_URL (e.g. TEST_DATABASE_URL=postgres://root@127.0.0.1:5432/test npm test); .ci/run sets it.',
  );
}

module.exports = {
  projects,
  // PostgreSQL test schemas are reused within a worker (test/helpers/pg-test-schemas.ts); the ended workers' go here.
  globalTeardown: '<rootDir>/test/helpers/pg-leftovers.js',
  maxWorkers: 2,
  // Browser journeys and process tests start servers and Chromium: on a busy 2-core machine a test can take many seconds.
  testTimeout: 30_000,
};
