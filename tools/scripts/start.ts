// `npm start`: the whole platform on one machine. Real PostgreSQL and Kafka from the devstack, every
// service built, migrated (by this command, not by the services' boot) and started, then the gateway
// in front of them (http://localhost:8080/<service>/…, GATEWAY_PORT). The registry gets sandbox
// clients (.devstack/sandbox-credentials.json); the themes verify its tokens. Ctrl-C stops the
// services and the gateway and leaves the stack running (`npm run stack:stop` stops it). The services
// log JSON lines; here they are shown one readable line each (pino-pretty), then a short summary.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gatewayPort, startGateway } from './gateway.ts';
import { prettyLines, prettyText } from './pretty-logs.ts';
import { consoleOperator, receiptKeySecret, registryKeySecret, sandboxCredentials } from './sandbox.ts';
import { seed } from './seed.ts';
import { consoleService, platformServices, registryService } from './services.ts';
import { root, stackUp } from './stack-env.ts';

const port = (() => {
  try {
    return gatewayPort();
  } catch (error) {
    process.stderr.write(`[start] ${(error as Error).message}\n`);
    process.exit(1);
  }
})();
const stack = stackUp('interscambio');
const appsDir = path.join(root, 'apps');
// The registry first: the themes verify the tokens it signs.
const apps = (existsSync(appsDir) ? readdirSync(appsDir) : [])
  .filter((a) => existsSync(path.join(root, 'apps', a, 'src/main.ts')))
  .sort((a, b) => Number(b === 'registry') - Number(a === 'registry'));
const registry = registryService(root);
const consoleApp = consoleService(root);
const env = {
  ...process.env,
  DATABASE_URL: stack.databaseUrl,
  KAFKA_BROKERS: stack.kafkaBrokers,
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
  // The services answer on this machine only; others reach them through the gateway (SERVICES_HOST to change it).
  HOST: process.env.SERVICES_HOST ?? '127.0.0.1',
  // This is the sandbox: the notifier may call http:// receivers on this machine and private addresses.
  NOTIFIER_SANDBOX: 'on',
  // The documents' servers and schema $ids, and the events' ce_dataschema, name the gateway, so that
  // they resolve on this machine (the services' default is the production address).
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
  SANDBOX_URL: process.env.SANDBOX_URL ?? `http://localhost:${port}`,
  ...(registry ? { TOKEN_JWKS_URL: `http://127.0.0.1:${registry.port}/registry/v1/.well-known/jwks.json` } : {}),
  // What the console watches (each service's /status and /metrics; the portal serves pages only); plain
  // http here, so no Secure cookies.
  CONSOLE_SERVICES: platformServices(root)
    .filter((s) => s.app !== 'console' && s.app !== 'portal')
    .map((s) => `${s.name}=http://127.0.0.1:${s.port}`)
    .join(','),
  CONSOLE_SECURE_COOKIES: 'off',
};
const children: ChildProcess[] = [];

function runtimeArgs(app: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const distRoot = path.join(root, 'dist/apps', app);
  const main = path.join(distRoot, 'apps', app, 'src/main.js');
  const hook = path.join(root, 'tools/runtime/aliases.cjs');
  // Only the registry holds the secret that encrypts its signing keys; the themes, the one their receipt keys come from.
  const secret =
    app === 'registry'
      ? { REGISTRY_KEY_SECRET: registryKeySecret() }
      : app === 'notifier' || app === 'console' || app === 'portal'
        ? {}
        : { RECEIPT_KEY_SECRET: receiptKeySecret() };
  return {
    args: ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', '--require', hook, main],
    env: { ...env, ...secret, INTERSCAMBIO_DIST_ROOT: distRoot },
  };
}

for (const app of apps) {
  process.stderr.write(`[start] building ${app}\n`);
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', `apps/${app}/tsconfig.app.json`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { args, env: appEnv } = runtimeArgs(app);
  const command = (...argv: string[]): void => {
    const run = spawnSync(process.execPath, [...args, ...argv], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: appEnv,
    });
    process.stdout.write(prettyText(run.stdout ?? ''));
    if (run.status !== 0) process.exit(run.status ?? 1);
  };
  command('migrate');
  if (app === 'registry') command('sandbox', sandboxCredentials);
  // The console's operators are accounts the registry keeps: the sandbox's is created there.
  if (app === 'registry' && consoleApp) command('sandbox-operator', consoleOperator);
}

let stopping = false;

/**
 * Runs `app` and starts it again whenever it dies (a crash, a kill -9), as a process manager would
 * in production: after 1 s, doubling up to 30 s while it keeps dying within a minute of its start.
 */
function supervise(app: string, delayMs = 1000): void {
  const { args, env: appEnv } = runtimeArgs(app);
  const started = Date.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: appEnv });
  prettyLines(child.stdout);
  children.push(child);
  child.on('exit', (code, signal) => {
    children.splice(children.indexOf(child), 1);
    if (stopping) return void process.stderr.write(`[start] ${app} stopped\n`);
    // A service that ran a minute before dying starts again after 1 s; one that keeps dying, later each time.
    const wait = Date.now() - started > 60_000 ? 1000 : delayMs;
    process.stderr.write(`[start] ${app} exited (${signal ?? code}); restarting it in ${wait / 1000} s\n`);
    setTimeout(() => !stopping && supervise(app, Math.min(wait * 2, 30_000)), wait).unref();
  });
}

for (const app of apps) supervise(app);

const stop = (status: number): void => {
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (running.length === 0) process.exit(status);
  let left = running.length;
  for (const c of running) {
    c.once('exit', () => --left === 0 && process.exit(status));
    c.kill('SIGTERM');
  }
  // A service that does not finish its shutdown hooks in time must not outlive `npm start`.
  setTimeout(() => {
    for (const c of running) c.kill('SIGKILL');
    process.exit(status);
  }, 10_000).unref();
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (apps.length === 0) {
  process.stderr.write('[start] the stack is up; no services yet. Ctrl-C to leave (the stack keeps running).\n');
} else {
  const services = platformServices(root);
  const listening = await startGateway({ port, services }).then(
    () => true,
    (error: Error) => {
      process.stderr.write(`[start] the gateway cannot listen on port ${port} (GATEWAY_PORT): ${error.message}\n`);
      return false;
    },
  );
  if (!listening) stop(1);
  else {
    const up = await Promise.all(services.map((s) => ready(s.port, s.readyPath ?? `/${s.name}/v1/health/ready`)));
    // The pages people open: the portal's and the console's; an API service's status, docs and metrics.
    const pages: Record<string, string> = {
      portal: '/docs/  (guida, API, eventi, schemi)',
      console: '/console/  (panoramica, flussi, scartati, enti, traccia)',
    };
    const lines = services.map((s, i) => {
      const where = pages[s.app] ?? `/${s.name}/v1/  (status, docs, metrics)`;
      return `  ${s.app.padEnd(20)} ${up[i] ? 'up  ' : 'DOWN'}  http://localhost:${port}${where}`;
    });
    const summary =
      `\n[start] ${up.filter(Boolean).length} of ${services.length} services up behind http://localhost:${port}/\n` +
      `${lines.join('\n')}\n` +
      (registry
        ? `[start] sandbox credentials (one client per ente, an operator, an admin): ${path.relative(root, sandboxCredentials)}\n`
        : '') +
      (consoleApp
        ? `[start] console degli operatori: http://localhost:${port}/console/ (operatore@sandbox.interscambio.it, password in ${path.relative(root, consoleOperator)})\n`
        : '') +
      '[start] Ctrl-C stops the services and the gateway; the stack keeps running (npm run stack:stop).\n\n';
    process.stderr.write(summary);
    // Demo records for every comune; the same keys and data on every start, so a restart finds them unchanged.
    if (process.env.INTERSCAMBIO_SEED !== 'off') {
      const status = await seed(port);
      if (status !== 0)
        process.stderr.write('[start] seeding the demo records failed (see above); services keep running\n');
      // Again, below the seed's output: where to look and how to stop.
      else process.stderr.write(summary);
    }
  }
}
setInterval(() => undefined, 1 << 30);

/** Whether the service answers its readiness probe within three minutes of being started (eight services starting together on a laptop take a while). */
async function ready(servicePort: number, readyPath: string): Promise<boolean> {
  for (const until = Date.now() + 180_000; Date.now() < until;) {
    const res = await fetch(`http://127.0.0.1:${servicePort}${readyPath}`).catch(() => undefined);
    if (res?.ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}
