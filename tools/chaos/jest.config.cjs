// `npm test` runs the checks' unit tests and the one short fault scenario (*.int-spec.ts) on the shared
// devstack, as the preset's patterns do; the long ones (*.chaos-spec.ts) match no pattern here and
// bring up infrastructure of their own: `npm run test:chaos`.
module.exports = {
  displayName: 'chaos',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
