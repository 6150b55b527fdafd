// `npm run test:unit`: the unit specs (`*.spec.ts`) of every project that has some, without the
// devstack, cached by Nx so an unchanged project is not run again. `npm test` stays the whole suite.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { nodeOptions, root } from './stack-env.ts';

function hasUnitSpecs(dir: string): boolean {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some(
    (f) => f.endsWith('.spec.ts') && !f.endsWith('.int-spec.ts') && !f.includes('node_modules'),
  );
}

const projects = ['apps', 'libs', 'tools']
  .flatMap((group) => readdirSync(path.join(root, group)).map((name) => path.join(root, group, name)))
  .filter((dir) => existsSync(path.join(dir, 'jest.config.cjs')) && hasUnitSpecs(dir))
  .map((dir) => (JSON.parse(readFileSync(path.join(dir, 'project.json'), 'utf8')) as { name: string }).name);

// `npm run test:unit -- -p schemas` narrows the run; otherwise every project with unit specs runs.
const args = process.argv.slice(2);
const chosen = args.some((a) => a === '-p' || a.startsWith('--projects')) ? [] : ['-p', projects.join(',')];
const nx = path.join(root, 'node_modules/nx/dist/bin/nx.js');
const run = spawnSync(
  process.execPath,
  [nx, 'run-many', '-t', 'test-unit', ...chosen, '--output-style=stream', ...args],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${nodeOptions}`.trim(),
      INTERSCAMBIO_UNIT: '1',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      NX_DAEMON: 'false',
    },
  },
);
process.exit(run.status ?? 1);
