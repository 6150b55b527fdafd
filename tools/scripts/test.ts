// `npm test`: real PostgreSQL and Kafka first (provisioned by the devstack), then every Jest project
// through Nx — unit and integration tests alike. Extra arguments go to `nx run-many`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { nodeOptions, root, stackUp } from './stack-env.ts';

const stack = stackUp('interscambio_test');
const results = path.join(root, 'dist/test-results');
rmSync(results, { recursive: true, force: true });
const nx = path.join(root, 'node_modules/nx/dist/bin/nx.js');
const run = spawnSync(
  process.execPath,
  [nx, 'run-many', '-t', 'test', '--output-style=stream', '--parallel=2', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${nodeOptions}`.trim(),
      INTERSCAMBIO_TEST_DATABASE_URL: stack.databaseUrl,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      NX_DAEMON: 'false',
    },
  },
);

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of existsSync(results) ? readdirSync(results) : []) {
  const project = JSON.parse(readFileSync(path.join(results, file), 'utf8')) as typeof totals;
  totals.passed += project.passed;
  totals.failed += project.failed;
  totals.skipped += project.skipped;
}
process.stdout.write(`\nJest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(run.status ?? 1);
