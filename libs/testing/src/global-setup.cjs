// Jest globalSetup for every project: makes sure the devstack (real PostgreSQL and Kafka) is up and
// hands its addresses to the test workers through the environment. Plain CommonJS on purpose: the
// devstack is an ES module run by Node itself, so it is started as a child process, not imported.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  if (process.env.INTERSCAMBIO_TEST_DATABASE_URL && process.env.KAFKA_BROKERS) return;
  const cli = path.join(__dirname, '../../devstack/src/cli.ts');
  const out = execFileSync(process.execPath, [cli, 'up', '--json', '--database', 'interscambio_test'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 300_000,
  });
  const stack = JSON.parse(out.trim().split('\n').pop());
  process.env.INTERSCAMBIO_TEST_DATABASE_URL = stack.databaseUrl;
  process.env.KAFKA_BROKERS = stack.kafka.url;
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
};
