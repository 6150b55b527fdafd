// Writes each Jest project's totals to dist/test-results/<project>.json so `npm test` can close
// with one line for the whole workspace ("N passed, N failed"), whatever Nx interleaved before it.
const fs = require('node:fs');
const path = require('node:path');

module.exports = class TotalsReporter {
  constructor(globalConfig) {
    this.dir = path.resolve(__dirname, '../../dist/test-results');
    // libs/registry and apps/registry share a folder name: the path keeps their totals apart.
    this.name = path.relative(path.resolve(__dirname, '../..'), globalConfig.rootDir).replace(/[\\/]/g, '-');
  }

  onRunComplete(_contexts, results) {
    fs.mkdirSync(this.dir, { recursive: true });
    const totals = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(this.dir, `${this.name}.json`), JSON.stringify(totals));
  }
};
