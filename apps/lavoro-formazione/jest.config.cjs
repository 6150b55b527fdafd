module.exports = {
  displayName: 'lavoro-formazione',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
