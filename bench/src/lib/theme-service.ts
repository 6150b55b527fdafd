import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@interscambio/testing';
import { ServiceProcess } from './service-process';

export interface ThemeServiceOptions {
  theme: string;
  /** DATABASE_URL, DATABASE_SCHEMA, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, TOKEN_JWKS_URL… */
  env: Record<string, string>;
}

export interface ThemeService {
  /** `http://127.0.0.1:<port>`: the service answers under `/<theme>/v1`. */
  origin: string;
  process: ServiceProcess;
}

const READY_TIMEOUT_MS = 60_000;

function run(args: string[], env: NodeJS.ProcessEnv, what: string): void {
  // stdout to stderr too: bench/run.ts reads this process's stdout for results.
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`${what} failed (${result.status ?? result.signal})`);
}

/**
 * The real service as `npm start` runs it: built by tsc, migrated by its `migrate` command, then
 * started and awaited on its status route. It is built into a dist folder of the bench's own, so
 * that a build or a start of the same app elsewhere in the tree cannot swap files under it.
 */
export async function startThemeService(options: ThemeServiceOptions): Promise<ThemeService> {
  const root = process.cwd();
  const tsconfig = path.join('apps', options.theme, 'tsconfig.app.json');
  if (!existsSync(path.join(root, tsconfig)))
    throw new Error(`no ${tsconfig} under ${root}: run the benchmarks from the repository (node bench/run.ts)`);
  const distRoot = path.join(root, 'dist/bench-service', options.theme);
  rmSync(distRoot, { recursive: true, force: true });
  run(
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig, '--outDir', distRoot],
    process.env,
    `tsc -p ${tsconfig}`,
  );

  const port = await freePort();
  const env = {
    ...process.env,
    ...options.env,
    INTERSCAMBIO_DIST_ROOT: distRoot,
    HOST: '127.0.0.1',
    PORT: String(port),
  };
  const args = [
    '--enable-source-maps',
    '--disable-warning=TimeoutNegativeWarning',
    '--require',
    path.join(root, 'tools/runtime/aliases.cjs'),
    path.join(distRoot, 'apps', options.theme, 'src/main.js'),
  ];
  run([...args, 'migrate'], env, `${options.theme} migrate`);
  const service = new ServiceProcess(options.theme, args, env);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await service.ready(`${origin}/${options.theme}/v1/status`, READY_TIMEOUT_MS);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return { origin, process: service };
}
