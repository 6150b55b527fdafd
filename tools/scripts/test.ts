// `npm test`: real PostgreSQL and Kafka first (provisioned by the devstack), then every Jest project
// through Nx — unit and integration tests alike. Extra arguments go to `nx run-many`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { nodeOptions, root, stackUp } from './stack-env.ts';

const stack = stackUp('interscambio_test');
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
process.exit(run.status ?? 1);
