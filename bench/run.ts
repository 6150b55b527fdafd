// `npm run bench [-- validation outbox-relay write-path access http notifier]`: brings the devstack up, builds the
// benchmarks as `npm start` builds a service, runs each in its own process against the real
// PostgreSQL and Kafka, and writes bench/results/latest.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScenarioResult } from './src/lib/report.ts';
import { resultsMarkdown } from './results-table.ts';

const BENCHES = ['validation', 'outbox-relay', 'write-path', 'access', 'rate-limit', 'http', 'notifier', 'upload'];
const RESULT_PREFIX = 'BENCH_RESULT ';
const root = path.resolve(import.meta.dirname, '..');
const distRoot = path.join(root, 'dist/bench');
const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

const chosen = process.argv.slice(2);
const unknown = chosen.filter((b) => !BENCHES.includes(b));
if (unknown.length > 0)
  throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; choose from ${BENCHES.join(', ')}`);
const benches = chosen.length > 0 ? chosen : BENCHES;
const loadAverage = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');

const up = spawnSync(
  process.execPath,
  [path.join(root, 'libs/devstack/src/cli.ts'), 'up', '--json', '--database', 'interscambio_bench'],
  {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
if (up.status !== 0) process.exit(up.status ?? 1);
const stack = JSON.parse(up.stdout.trim().split('\n').pop() ?? '{}');

log('building bench/ (tsc -p bench/tsconfig.json)');
rmSync(distRoot, { recursive: true, force: true });
const build = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'bench/tsconfig.json'],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const env = {
  ...process.env,
  DATABASE_URL: stack.databaseUrl,
  KAFKA_BROKERS: stack.kafka.url,
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
  INTERSCAMBIO_DIST_ROOT: distRoot,
};
const results: ScenarioResult[] = [];
const failures: string[] = [];
for (const bench of benches) {
  log(`running ${bench}`);
  const script = path.join(distRoot, 'bench/src', `${bench}.bench.js`);
  const args = [
    '--expose-gc',
    '--disable-warning=TimeoutNegativeWarning',
    '--require',
    path.join(root, 'tools/runtime/aliases.cjs'),
    script,
  ];
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith(RESULT_PREFIX)) results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as ScenarioResult);
    else if (line.trim()) process.stderr.write(`${line}\n`);
  }
  if (run.status !== 0) failures.push(`${bench} exited with ${run.status ?? run.signal}`);
}

const markdown = resultsMarkdown(results, {
  date: new Date().toISOString(),
  cpus: `${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown model'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  loadAverage,
  postgres: stack.postgres.detail ?? stack.postgres.url,
  kafka: stack.kafka.startedBy ?? stack.kafka.detail ?? stack.kafka.url,
  failures,
});
const resultsFile = path.join(import.meta.dirname, 'results/latest.md');
mkdirSync(path.dirname(resultsFile), { recursive: true });
writeFileSync(resultsFile, markdown);
// The file is committed: keep it as `npm run format:check` wants it (aligned table columns).
spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/prettier/bin/prettier.cjs'), '--write', '--log-level=warn', resultsFile],
  { cwd: root, stdio: 'inherit' },
);
process.stdout.write(readFileSync(resultsFile, 'utf8'));
if (failures.length > 0) process.exitCode = 1;
