module.exports = {
  displayName: 'cultura',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
