module.exports = {
  displayName: 'exchange',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
