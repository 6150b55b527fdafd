// The deployment files checked without a cluster or a Docker engine: the Kubernetes overlays rendered
// and validated against the Kubernetes, Strimzi and CloudNativePG schemas, the compose file against
// the compose-spec schema.
module.exports = {
  displayName: 'manifests',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // kubernetes-models exports only an `import` condition (ESM), which Jest loads under --experimental-vm-modules.
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default', 'import'] },
};
