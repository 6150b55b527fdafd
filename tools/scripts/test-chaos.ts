// `npm run test:chaos`: the fault scenarios of tools/chaos (*.chaos-spec.ts), one file after the
// other, each on a PostgreSQL and a Kafka it starts, crashes and removes itself; then the figures
// they left, as one table (for docs/RELIABILITY.md). Extra arguments go to Jest (e.g. `kafka-crash`).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeOptions, root } from './stack-env.ts';

const results = path.join(root, 'dist/chaos-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
// Every stack a scenario starts lives in here: whatever a killed run leaves behind is stopped below.
const stacks = mkdtempSync(path.join(os.tmpdir(), 'interscambio-chaos-'));
// Run as root, the devstack starts PostgreSQL as another OS user, which must reach its data dir.
chmodSync(stacks, 0o755);
const run = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/jest/bin/jest.js'),
    '-c',
    path.join(root, 'tools/chaos/jest.chaos.config.cjs'),
    '--runInBand',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${nodeOptions}`.trim(),
      INTERSCAMBIO_CHAOS_RESULTS: results,
      INTERSCAMBIO_CHAOS_DIR: stacks,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    },
  },
);

for (const home of readdirSync(stacks)) {
  const cli = path.join(root, 'libs/devstack/src/cli.ts');
  spawnSync(process.execPath, [cli, 'stop', '--home', path.join(stacks, home)], { stdio: 'ignore' });
}
rmSync(stacks, { recursive: true, force: true });

const scenarios = existsSync(results)
  ? readdirSync(results)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => JSON.parse(readFileSync(path.join(results, file), 'utf8')) as Record<string, string | number>)
  : [];
if (scenarios.length > 0) {
  // One column per scenario, one row per figure, in the order the scenarios report them.
  const labels = [...new Set(scenarios.flatMap((s) => Object.keys(s)))].filter((l) => l !== 'scenario');
  const row = (cells: (string | number | undefined)[]): string => `| ${cells.map((c) => c ?? '').join(' | ')} |`;
  const table = [
    row(['', ...scenarios.map((s) => s['scenario'])]),
    row(['---', ...scenarios.map(() => '---')]),
    ...labels.map((label) => row([label, ...scenarios.map((s) => s[label])])),
  ];
  process.stdout.write(`\n${table.join('\n')}\n`);
}
process.exit(run.status ?? 1);
