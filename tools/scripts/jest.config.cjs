module.exports = {
  displayName: 'scripts',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // The scripts themselves run on Node's own TypeScript (npm start, npm test): their tests spawn them.
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
};
