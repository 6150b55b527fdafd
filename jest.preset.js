// Shared Jest settings for every project. Tests run under `--experimental-vm-modules` (see
// tools/scripts/test.ts) because MikroORM 7 is ESM-only and Jest loads ESM from CJS only then.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

// `npm run test:unit` sets INTERSCAMBIO_UNIT: the `*.spec.ts` files only, and no devstack, since
// they need neither PostgreSQL nor Kafka (integration tests are `*.int-spec.ts`).
const unit = process.env.INTERSCAMBIO_UNIT === '1';

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: unit
    ? ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts']
    : ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/../../' }),
  ...(unit ? {} : { globalSetup: require.resolve('./libs/testing/src/global-setup.cjs') }),
  testTimeout: 60_000,
  reporters: ['default', require.resolve('./tools/jest/totals.reporter.cjs')],
};
