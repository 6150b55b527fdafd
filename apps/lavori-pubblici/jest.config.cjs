module.exports = {
  displayName: 'lavori-pubblici',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
