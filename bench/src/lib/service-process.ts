import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const STOP_TIMEOUT_MS = 15_000;

/** A server the bench started in a process of its own; its output goes to stderr, each line prefixed. */
export class ServiceProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private readonly watchers = new Set<(line: string) => void>();

  constructor(
    readonly name: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ) {
    this.child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    // Even if the bench dies before stop(): a service left running would keep relaying and listening.
    const orphaned = (): void => void this.child.kill('SIGTERM');
    process.once('exit', orphaned);
    void this.exited.then(() => process.off('exit', orphaned));
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        process.stderr.write(`[${name}] ${line}\n`);
        for (const watch of this.watchers) watch(line);
      });
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The first line of output that matches, once the process prints it. */
  async line(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    let watch: (line: string) => void = () => undefined;
    const found = new Promise<RegExpExecArray>((resolve) => {
      watch = (line) => {
        const match = pattern.exec(line);
        if (match) resolve(match);
      };
      this.watchers.add(watch);
    });
    try {
      return await Promise.race([found, this.failure(timeoutMs, `print ${pattern}`)]);
    } finally {
      this.watchers.delete(watch);
    }
  }

  /** Resolves once `url` answers 200. */
  async ready(url: string, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if (!this.running)
        throw new Error(`${this.name} exited (${this.child.exitCode ?? this.child.signalCode}) before ${url} answered`);
      const ok = await fetch(url).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) return;
      await sleep(250);
    }
    throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
  }

  /** The resident set now and at its peak (Linux only). */
  memory(): { rssMb: number; peakMb: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
    } catch {
      return undefined;
    }
  }

  /** SIGTERM, then SIGKILL if the process has not ended its shutdown in time. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private async failure(timeoutMs: number, what: string): Promise<never> {
    // Unref'd: the race is over long before this timer when all goes well.
    const timeout = sleep(timeoutMs, undefined, { ref: false }).then(
      () => `did not ${what} within ${timeoutMs / 1000} s`,
    );
    const exit = this.exited.then(
      () => `exited (${this.child.exitCode ?? this.child.signalCode}) before it did ${what}`,
    );
    throw new Error(`${this.name} ${await Promise.race([timeout, exit])}`);
  }
}
