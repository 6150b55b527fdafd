module.exports = {
  displayName: 'sociale',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
