module.exports = {
  displayName: 'portal-app',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
