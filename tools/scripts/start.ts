// `npm start`: the whole platform on one machine. Real PostgreSQL and Kafka from the devstack, every
// service built, migrated (by this command, not by the services' boot) and started; Ctrl-C stops the
// services and leaves the stack running for the next start (`npm run stack:stop` stops it).
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { root, stackUp } from './stack-env.ts';

const stack = stackUp('interscambio');
const appsDir = path.join(root, 'apps');
const apps = (existsSync(appsDir) ? readdirSync(appsDir) : []).filter((a) => existsSync(path.join(root, 'apps', a, 'src/main.ts')));
const env = { ...process.env, DATABASE_URL: stack.databaseUrl, KAFKA_BROKERS: stack.kafkaBrokers, KAFKAJS_NO_PARTITIONER_WARNING: '1' };
const children: ChildProcess[] = [];

function runtimeArgs(app: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const distRoot = path.join(root, 'dist/apps', app);
  const main = path.join(distRoot, 'apps', app, 'src/main.js');
  const hook = path.join(root, 'tools/runtime/aliases.cjs');
  return { args: ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', '--require', hook, main], env: { ...env, INTERSCAMBIO_DIST_ROOT: distRoot } };
}

for (const app of apps) {
  process.stderr.write(`[start] building ${app}\n`);
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', `apps/${app}/tsconfig.app.json`], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { args, env: appEnv } = runtimeArgs(app);
  const migrate = spawnSync(process.execPath, [...args, 'migrate'], { cwd: root, stdio: 'inherit', env: appEnv });
  if (migrate.status !== 0) process.exit(migrate.status ?? 1);
}

for (const app of apps) {
  const { args, env: appEnv } = runtimeArgs(app);
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: appEnv });
  child.on('exit', (code, signal) => process.stderr.write(`[start] ${app} exited (${signal ?? code})\n`));
  children.push(child);
}

process.stderr.write(
  apps.length
    ? `[start] ${apps.length} service(s) starting: ${apps.join(', ')}. Ctrl-C stops them (the stack keeps running).\n`
    : '[start] the stack is up; no services yet. Ctrl-C to leave (the stack keeps running).\n',
);
const stop = (): void => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
