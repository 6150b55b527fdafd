module.exports = {
  displayName: 'ambiente-territorio',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
