import { execFile, spawn } from 'node:child_process';

import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';

import { cp, rm } from 'node:fs/promises';

import path from 'node:path';
import { promisify } from 'node:util';

import { repositoryRoot } from './host';

import { eventually } from '@interscambio/testing';

const run = promisify(execFile);

/** Where a theme service finds PostgreSQL, Kafka and the keys that verify its callers' tokens. */
export interface ServiceEnv {
  databaseUrl: string;
  schema: string;
  kafkaBrokers: string;
  topicPrefix: string;
  jwksUrl: string;
}

/**
 * A theme service built as `npm start` builds it (tsc, into a dist folder of this run's own, so that
 * a build elsewhere in the tree cannot swap files under it) and run as `npm start` runs it: migrated
 * by its `migrate` command, then `node main.js` with the workspace's alias hook.
 */
export class ThemeBuild {
  private started = 0;
  private readonly receiptKeySecret = randomBytes(48).toString('base64url');

  private constructor(
    readonly theme: string,
    private readonly distRoot: string,
  ) {}

  static async compile(theme: string): Promise<ThemeBuild> {
    const distRoot = path.join(
      repositoryRoot,
      'dist/chaos',
      `${theme}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
    );
    const tsc = path.join(repositoryRoot, 'node_modules/typescript/bin/tsc');
    try {
      await run(process.execPath, [tsc, '-p', `apps/${theme}/tsconfig.app.json`, '--outDir', distRoot], {
        cwd: repositoryRoot,
        maxBuffer: 16 << 20,
      });
    } catch (error) {
      await rm(distRoot, { recursive: true, force: true });
      throw new Error(
        `tsc -p apps/${theme}/tsconfig.app.json failed:\n${(error as { stdout?: string }).stdout ?? error}`,
      );
    }
    mkdirSync(path.join(distRoot, 'logs'));
    return new ThemeBuild(theme, distRoot);
  }

  async migrate(env: ServiceEnv): Promise<void> {
    await run(process.execPath, [...this.args(), 'migrate'], { cwd: repositoryRoot, env: this.env(env, 0) });
  }

  /** Starts the service on `port` and resolves once it is ready (PostgreSQL answers). */
  async start(env: ServiceEnv, port: number): Promise<ThemeProcess> {
    const log = path.join(this.distRoot, 'logs', `${this.theme}-${++this.started}.log`);
    const service = new ThemeProcess(this.theme, port, log, this.args(), this.env(env, port));
    try {
      await eventually(async () => service.assertRunning() && (await service.answers('health/ready')) === 200, {
        timeoutMs: 60_000,
        what: `${this.theme} to be ready on port ${port}`,
        intervalMs: 200,
      });
    } catch (error) {
      await service.kill();
      throw new Error(`${(error as Error).message}\n--- ${log} ---\n${service.logTail()}`);
    }
    return service;
  }

  /** Removes the build; the services' logs go to `keepLogsIn` first, when given. */
  async remove(keepLogsIn?: string): Promise<void> {
    if (keepLogsIn) await cp(path.join(this.distRoot, 'logs'), keepLogsIn, { recursive: true });
    await rm(this.distRoot, { recursive: true, force: true });
  }

  private args(): string[] {
    return [
      '--enable-source-maps',
      '--disable-warning=TimeoutNegativeWarning',
      '--require',
      path.join(repositoryRoot, 'tools/runtime/aliases.cjs'),
      path.join(this.distRoot, 'apps', this.theme, 'src/main.js'),
    ];
  }

  private env(env: ServiceEnv, port: number): NodeJS.ProcessEnv {
    return {
      ...process.env,
      // The test runner's flags (Jest's VM modules) are not the service's.
      NODE_OPTIONS: '',
      INTERSCAMBIO_DIST_ROOT: this.distRoot,
      DATABASE_URL: env.databaseUrl,
      DATABASE_SCHEMA: env.schema,
      KAFKA_BROKERS: env.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: env.topicPrefix,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      TOKEN_JWKS_URL: env.jwksUrl,
      // The load comes from a few clients: the per-client limit is not what these scenarios test.
      RATE_LIMIT_PER_MINUTE: '1000000',
      // One per build, so that every run of the service signs its receipts with the same key.
      RECEIPT_KEY_SECRET: this.receiptKeySecret,
      HOST: '127.0.0.1',
      PORT: String(port),
    };
  }
}

/** One run of the service; its output goes to a log file of its own. */
export class ThemeProcess {
  readonly origin: string;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;

  constructor(
    readonly theme: string,
    port: number,
    private readonly logFile: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
    const out = openSync(logFile, 'a');
    try {
      this.child = spawn(process.execPath, args, { cwd: repositoryRoot, env, stdio: ['ignore', out, out] });
    } finally {
      closeSync(out);
    }
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** True while running; throws, with the end of its log, once the process has exited. */
  assertRunning(): true {
    if (this.running) return true;
    throw new Error(
      `${this.theme} exited (${this.child.exitCode ?? this.child.signalCode})\n--- ${this.logFile} ---\n${this.logTail()}`,
    );
  }

  /** The status code of GET /<theme>/v1/<route>, or 0 when nothing answers. */
  async answers(route: string): Promise<number> {
    return fetch(`${this.origin}/${this.theme}/v1/${route}`, { signal: AbortSignal.timeout(10_000) }).then(
      async (res) => (await res.arrayBuffer(), res.status),
      () => 0,
    );
  }

  /** GET /<theme>/v1/status: its status code and body. */
  async status(): Promise<{ code: number; body: Record<string, unknown> }> {
    const res = await fetch(`${this.origin}/${this.theme}/v1/status`, { signal: AbortSignal.timeout(10_000) });
    return { code: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** SIGKILL: no shutdown hook runs, whatever the relay had in hand is left as it was. */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (the service drains and closes), SIGKILL if that takes over 15 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  logTail(lines = 30): string {
    return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }
}
