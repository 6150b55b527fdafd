import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@interscambio/testing';
import { until } from './notifier-harness';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

/** The notifier app built as `npm start` builds it (tsc into a folder of its own), run as a child process. */
export class NotifierBuild {
  private constructor(readonly distRoot: string) {}

  static async compile(): Promise<NotifierBuild> {
    const distRoot = path.join(
      root,
      'dist/test',
      `notifier-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
    );
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    await run(process.execPath, [tsc, '-p', 'apps/notifier/tsconfig.app.json', '--outDir', distRoot], { cwd: root });
    return new NotifierBuild(distRoot);
  }

  /** Starts the notifier with `env` and resolves once it answers /health/ready. */
  async start(env: Record<string, string>): Promise<NotifierProcess> {
    const port = await freePort();
    const log = path.join(this.distRoot, `notifier-${port}.log`);
    const out = openSync(log, 'a');
    const child = spawn(
      process.execPath,
      [
        '--require',
        path.join(root, 'tools/runtime/aliases.cjs'),
        path.join(this.distRoot, 'apps/notifier/src/main.js'),
      ],
      {
        cwd: root,
        env: { ...process.env, NODE_OPTIONS: '', INTERSCAMBIO_DIST_ROOT: this.distRoot, ...env, PORT: String(port) },
        stdio: ['ignore', out, out],
      },
    );
    closeSync(out);
    const origin = `http://127.0.0.1:${port}`;
    await until(
      async () => {
        if (child.exitCode !== null) throw new Error(`the notifier exited:\n${readFileSync(log, 'utf8')}`);
        return (await fetch(`${origin}/notifier/v1/health/ready`).catch(() => undefined))?.status === 200;
      },
      'the notifier to be ready',
      60_000,
    );
    return new NotifierProcess(child, origin);
  }

  remove(): Promise<void> {
    return rm(this.distRoot, { recursive: true, force: true });
  }
}

export class NotifierProcess {
  constructor(
    private readonly child: ChildProcess,
    readonly origin: string,
  ) {}

  /** SIGKILL: no shutdown hook runs, nothing in flight is finished or marked. */
  kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    return exited;
  }
}
