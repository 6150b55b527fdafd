// Brings the devstack up once for a whole command and returns the environment every child process
// (Nx, Jest workers, services) needs to reach it, so nobody provisions it a second time.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export interface StackEnv {
  databaseUrl: string;
  kafkaBrokers: string;
}

export function stackUp(database: string): StackEnv {
  const cli = path.join(root, 'libs/devstack/src/cli.ts');
  const up = spawnSync(process.execPath, [cli, 'up', '--json', '--database', database], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (up.status !== 0) process.exit(up.status ?? 1);
  const stack = JSON.parse(up.stdout.trim().split('\n').pop() ?? '{}');
  for (const s of [stack.postgres, stack.kafka]) {
    const who =
      s.startedBy ?? (s.source === 'env' ? 'from the environment' : 'already running, not started by interscambio');
    process.stderr.write(`[devstack] ${s.name}: ${s.name === 'kafka' ? s.url : '(database ready)'} — ${who}\n`);
  }
  return { databaseUrl: stack.databaseUrl, kafkaBrokers: stack.kafka.url };
}

/** Node options for anything that loads MikroORM under Jest (ESM-only package, required from CJS). */
export const nodeOptions = [
  '--experimental-vm-modules',
  '--disable-warning=ExperimentalWarning',
  // kafkajs 2.2.4 passes a negative timeout that Node >= 23 warns about; harmless.
  '--disable-warning=TimeoutNegativeWarning',
].join(' ');
