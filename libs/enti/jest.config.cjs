module.exports = {
  displayName: 'enti',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
