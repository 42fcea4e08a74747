/**
 * End-to-end tests (a real browser against a running server). Run through scripts/e2e.sh
 * (`npm run test:e2e`), which builds the app if needed, starts it on a fresh SQLite database and
 * points the tests at it. Kept out of /jest.config.js so `npm test` never picks them up.
 */
const path = require('path');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.check.json' }] },
  // Registers the newsroom's users once for all files (support/newsroom-users.ts).
  globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
  testTimeout: 180000,
  // One browser, one server, steps in order.
  maxWorkers: 1,
  verbose: true,
};
