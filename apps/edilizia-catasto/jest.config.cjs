module.exports = {
  displayName: 'edilizia-catasto',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
