module.exports = {
  displayName: 'tributi',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
