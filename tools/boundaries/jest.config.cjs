module.exports = {
  displayName: 'boundaries',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
