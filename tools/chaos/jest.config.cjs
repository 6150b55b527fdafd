// `npm test` runs the checks' unit tests and the one short fault scenario (*.int-spec.ts) on the shared
// devstack; the long ones (*.chaos-spec.ts) bring up infrastructure of their own: `npm run test:chaos`.
module.exports = {
  displayName: 'chaos',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
};
