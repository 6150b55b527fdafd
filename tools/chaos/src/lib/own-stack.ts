import { spawn } from 'node:child_process';

import { chmod, mkdtemp, open, readFile, rm } from 'node:fs/promises';

import { tmpdir } from 'node:os';

import path from 'node:path';
import { eventually, freePort } from '@interscambio/testing';

import { freePortPair, isGone, repositoryRoot } from './host';

import type { Infrastructure } from './scenario';

interface StackJson {
  postgres: { pid?: number };
  kafka: { url: string; pid?: number };
  databaseUrl: string;
}

/**
 * A PostgreSQL and a Kafka of the scenario's own, started by the devstack (`cli.ts up --home`) on
 * free ports in a temporary folder, so that crashing them disturbs nobody else's tests.
 */
export class OwnStack {
  private constructor(
    private readonly home: string,
    private readonly env: NodeJS.ProcessEnv,
    private stack: StackJson,
  ) {}

  static async start(name: string): Promise<OwnStack> {
    // Under INTERSCAMBIO_CHAOS_DIR when the runner gives one: it removes what a killed run left behind.
    const home = await mkdtemp(path.join(process.env['INTERSCAMBIO_CHAOS_DIR'] ?? tmpdir(), `${name}-`));
    // Run as root, the devstack starts PostgreSQL as another OS user, which must reach its data dir.
    await chmod(home, 0o755);
    const [postgresPort, [kafkaPort]] = await Promise.all([freePort(), freePortPair()]);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      INTERSCAMBIO_PG: 'embedded',
      INTERSCAMBIO_PG_PORT: String(postgresPort),
      INTERSCAMBIO_KAFKA_PORT: String(kafkaPort),
    };
    delete env['DATABASE_URL'];
    delete env['KAFKA_BROKERS'];
    try {
      return new OwnStack(home, env, await up(home, env));
    } catch (error) {
      await devstack(home, env, 'stop').catch(() => undefined);
      await rm(home, { recursive: true, force: true });
      throw error;
    }
  }

  get databaseUrl(): string {
    return this.stack.databaseUrl;
  }

  get kafkaBrokers(): string {
    return this.stack.kafka.url;
  }

  /** What a scenario's service runs on here: the whole stack is its own, so default names will do. */
  infrastructure(): Infrastructure {
    return { databaseUrl: this.databaseUrl, kafkaBrokers: this.kafkaBrokers, schema: 'tributi', topicPrefix: 'chaos' };
  }

  /** SIGKILL of the broker: no clean shutdown, its log is recovered at the next start. */
  async killKafka(): Promise<void> {
    await this.signal(this.stack.kafka.pid, 'SIGKILL');
  }

  /** SIGQUIT to the postmaster, what `pg_ctl stop -m immediate` sends: no checkpoint, WAL replay at the next start. */
  async crashPostgres(): Promise<void> {
    await this.signal(this.stack.postgres.pid, 'SIGQUIT');
  }

  /** The devstack's `up` again: it starts what of the stack died and reuses the rest. */
  async restart(): Promise<void> {
    this.stack = await up(this.home, this.env);
  }

  async remove(): Promise<void> {
    await devstack(this.home, this.env, 'stop');
    await rm(this.home, { recursive: true, force: true });
  }

  private async signal(pid: number | undefined, signal: NodeJS.Signals): Promise<void> {
    if (!pid) throw new Error(`the devstack did not report the pid to send ${signal} to`);
    process.kill(pid, signal);
    await eventually(async () => isGone(pid), { timeoutMs: 60_000, what: `pid ${pid} to end after ${signal}` });
  }
}

async function up(home: string, env: NodeJS.ProcessEnv): Promise<StackJson> {
  const out = await devstack(home, env, 'up');
  return JSON.parse(out.trim().split('\n').pop() ?? '') as StackJson;
}

/** Runs the devstack command for the stack at `home`; its progress goes to a log file there. */
async function devstack(home: string, env: NodeJS.ProcessEnv, command: 'up' | 'stop'): Promise<string> {
  const cli = path.join(repositoryRoot, 'libs/devstack/src/cli.ts');
  const logFile = path.join(home, 'devstack.log');
  const log = await open(logFile, 'a');
  try {
    const child = spawn(process.execPath, [cli, command, '--json', '--home', home, '--database', 'chaos'], {
      env,
      stdio: ['ignore', 'pipe', log.fd],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) {
      const tail = (await readFile(logFile, 'utf8')).trimEnd().split('\n').slice(-20).join('\n');
      throw new Error(`devstack ${command} --home ${home} exited with ${code}:\n${tail}`);
    }
    return out;
  } finally {
    await log.close();
  }
}
