module.exports = {
  displayName: 'registry-app',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
