// `npm run test:chaos` (tools/scripts/test-chaos.ts): the fault scenarios, one file at a time. Each
// starts, crashes and removes a PostgreSQL and a Kafka of its own, so the shared devstack that the
// preset's globalSetup brings up is not needed.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'chaos',
  rootDir: __dirname,
  globalSetup: undefined,
  testMatch: ['<rootDir>/src/**/*.chaos-spec.ts'],
  testTimeout: 600_000,
  // Not the totals reporter: its file feeds the summary line of an `npm test` that may run meanwhile.
  reporters: ['default'],
};
