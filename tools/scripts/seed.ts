// Demo data for `npm start`: records of every type for the 190 comuni of Palermo and Messina,
// written through the gateway, each comune with its own sandbox client. The generator lives in libs/fixtures, compiled to CommonJS like the
// apps (native type stripping cannot load the libs' extensionless imports), so build it to dist/seed.
// Alone: `node tools/scripts/seed.ts` while `npm start` runs.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { gatewayPort } from './gateway.ts';
import { sandboxCredentials } from './sandbox.ts';
import { root } from './stack-env.ts';

export function seed(port: number): Promise<number> {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tools/scripts/tsconfig.seed.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) return Promise.resolve(build.status ?? 1);
  const distRoot = path.join(root, 'dist/seed');
  const main = path.join(distRoot, 'libs/fixtures/src/seed.main.js');
  const hook = path.join(root, 'tools/runtime/aliases.cjs');
  const child = spawn(process.execPath, ['--require', hook, main, `http://localhost:${port}`, sandboxCredentials], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, INTERSCAMBIO_DIST_ROOT: distRoot },
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

if (import.meta.main) process.exitCode = await seed(gatewayPort());
