// Provides a Kafka broker for local dev and tests: KAFKA_BROKERS, or a broker already on
// 127.0.0.1:<port>, or a local Apache Kafka started from Maven jars, or a Testcontainers broker.
import fs from 'node:fs';
import path from 'node:path';
import { acquireLock } from '../host/lock.ts';
import { portAnswers, portFromEnv } from '../host/ports.ts';
import { isAlive, terminate } from '../host/process.ts';
import { stackHome } from '../service.ts';
import type { Log, ProvidedService, StackLocation } from '../service.ts';
import { containerService, startContainer, startedContainer, stopContainer } from './container.ts';
import {
  ensureJars,
  findJava,
  formatIfNeeded,
  isOurBroker,
  kafkaPaths,
  logTail,
  pinnedVersion,
  readState,
  removeState,
  spawnBroker,
  writeConfig,
} from './local.ts';
import type { KafkaPaths, KafkaState } from './local.ts';
import { answersOnce, waitForKafka, warmUp } from './probe.ts';

/** SIGTERM lets Kafka shut down cleanly (it flushes and closes its logs); SIGKILL if it hangs. */
const STOP = { signal: 'SIGTERM', graceMs: 20_000, then: 'SIGKILL', thenMs: 5_000 } as const;

const DEFAULT_PORT = 9092;
const inFlight = new Map<string, Promise<ProvidedService>>();

function localService(p: KafkaPaths, s: KafkaState, note = ''): ProvidedService {
  return {
    name: 'kafka',
    url: `127.0.0.1:${s.port}`,
    source: 'local',
    pid: s.pid,
    startedBy: `interscambio devstack (Apache Kafka ${s.version} from Maven jars)`,
    detail: `started ${s.startedAt}; data ${p.data}; logs ${p.logs}${note}`,
  };
}

/** Our broker per state.json, if its process is still there; a dead entry is removed. */
function ourBroker(p: KafkaPaths, log?: Log): KafkaState | null {
  const s = readState(p);
  if (!s) return null;
  if (isOurBroker(s.pid, p)) return s;
  log?.(`Kafka pid ${s.pid} from ${p.state} is gone: cleaning up (data kept)`);
  removeState(p);
  return null;
}

async function startLocal(
  root: string,
  home: string,
  port: number,
  timeoutMs: number,
  log: Log,
): Promise<ProvidedService> {
  const p = kafkaPaths(root, home);
  fs.mkdirSync(p.dir, { recursive: true });
  // Generous: the holder may be downloading the jars with Maven.
  const release = await acquireLock(p.lock, 'starting Kafka', timeoutMs + 900_000, log);
  const t0 = Date.now();
  try {
    // Re-check under the lock: another process may have started it meanwhile.
    let running = ourBroker(p, log);
    if (running && running.port !== port) {
      log(`Local Kafka runs on port ${running.port}, but port ${port} is wanted: stopping it`);
      await terminate(running.pid, STOP);
      removeState(p);
      running = null;
    }
    const version = running?.version ?? pinnedVersion(p);
    if (!running) {
      for (const q of [port, port + 1]) {
        if (await portAnswers(q)) {
          throw new Error(
            `port ${q} is taken by something that is not a Kafka broker (set INTERSCAMBIO_KAFKA_PORT to use another)`,
          );
        }
      }
      const java = await findJava();
      await ensureJars(p, version, log);
      writeConfig(p, port, port + 1);
      await formatIfNeeded(p, java, port + 1, version, log);
      running = spawnBroker(p, java, port, port + 1, version);
      log(`Started Apache Kafka ${version} (pid ${running.pid}); logs in ${p.logs}`);
    }
    const s = running;
    log(`Waiting for Kafka on 127.0.0.1:${port}…`);
    if (!(await waitForKafka(`127.0.0.1:${port}`, timeoutMs, () => isAlive(s.pid)))) {
      const alive = isAlive(s.pid);
      if (alive) await terminate(s.pid, STOP);
      removeState(p);
      const why = alive ? `did not answer within ${Math.round(timeoutMs / 1000)} s (stopped it)` : 'exited';
      throw new Error(`Kafka (pid ${s.pid}) ${why}\n${logTail(p)}`);
    }
    await warmUp(`127.0.0.1:${port}`);
    log(`Kafka is ready on 127.0.0.1:${port} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return localService(p, s);
  } finally {
    await release();
  }
}

async function provide(root: string, home: string, log: Log, timeoutMs: number): Promise<ProvidedService> {
  const fromEnv = process.env.KAFKA_BROKERS?.trim();
  if (fromEnv) {
    log(`Using KAFKA_BROKERS=${fromEnv}`);
    if (await waitForKafka(fromEnv, Math.min(timeoutMs, 15_000))) {
      return { name: 'kafka', url: fromEnv, source: 'env', detail: 'from KAFKA_BROKERS' };
    }
    throw new Error(`KAFKA_BROKERS=${fromEnv} does not answer a Kafka metadata request (fix or unset KAFKA_BROKERS)`);
  }
  const container = startedContainer();
  if (container && (await answersOnce(container.url))) return containerService(container.url);

  const port = portFromEnv('INTERSCAMBIO_KAFKA_PORT', DEFAULT_PORT, 2);
  const p = kafkaPaths(root, home);
  const tried = ['KAFKA_BROKERS: not set'];
  const ours = ourBroker(p, log);
  if (ours?.port === port) {
    // Not answering yet means it is still starting: startLocal waits for it under the lock.
    if (await waitForKafka(`127.0.0.1:${port}`, 3_000)) {
      log(`Reusing local Kafka (pid ${ours.pid}) on 127.0.0.1:${port}`);
      return localService(p, ours);
    }
  } else if (await portAnswers(port)) {
    if (await waitForKafka(`127.0.0.1:${port}`, 1_500)) {
      log(`Using the Kafka broker already running on 127.0.0.1:${port}`);
      return { name: 'kafka', url: `127.0.0.1:${port}`, source: 'existing', detail: 'not started by interscambio' };
    }
  }
  tried.push(`127.0.0.1:${port}: no Kafka broker answering`);

  try {
    return await startLocal(root, home, port, timeoutMs, log);
  } catch (e) {
    const reason = (e as Error).message;
    log(`Local Kafka failed: ${reason.split('\n')[0]}`);
    tried.push(`local Apache Kafka from Maven jars: ${reason}`);
  }
  try {
    return await startContainer(log);
  } catch (e) {
    tried.push(`Docker/Testcontainers: ${(e as Error).message}`);
  }
  throw new Error(
    [
      'No Kafka broker available. Tried:',
      ...tried.map((t) => `  - ${t}`),
      'To fix, do one of: install Java 17+ and Maven (the broker is then started from Maven jars);',
      'or run Docker (with @testcontainers/kafka installed); or set KAFKA_BROKERS=host:port to an existing broker.',
    ].join('\n'),
  );
}

/** Returns a broker that answers, starting one if needed (see the file header for the order). */
export function ensureKafka(opts: StackLocation & { log: Log; timeoutMs?: number }): Promise<ProvidedService> {
  const home = stackHome(opts);
  let pending = inFlight.get(home);
  if (!pending) {
    pending = provide(path.resolve(opts.root), home, opts.log, opts.timeoutMs ?? 120_000).finally(() =>
      inFlight.delete(home),
    );
    inFlight.set(home, pending);
  }
  return pending;
}

/** Stops only a broker this project started (state.json, or this process's container). */
export async function stopKafka(opts: StackLocation & { log: Log }): Promise<boolean> {
  let stopped = await stopContainer(opts.log);
  const p = kafkaPaths(path.resolve(opts.root), stackHome(opts));
  const s = ourBroker(p, opts.log);
  if (s) {
    opts.log(`Stopping local Kafka (pid ${s.pid})…`);
    if (!(await terminate(s.pid, STOP))) throw new Error(`Kafka pid ${s.pid} survived SIGKILL`);
    stopped = true;
  }
  removeState(p);
  if (s) opts.log('Kafka stopped');
  return stopped;
}

/** What is running and who started it; starts nothing. */
export async function kafkaStatus(opts: StackLocation): Promise<ProvidedService | null> {
  const fromEnv = process.env.KAFKA_BROKERS?.trim();
  if (fromEnv) {
    return (await answersOnce(fromEnv))
      ? { name: 'kafka', url: fromEnv, source: 'env', detail: 'from KAFKA_BROKERS' }
      : null;
  }
  const p = kafkaPaths(path.resolve(opts.root), stackHome(opts));
  const s = readState(p);
  if (s && isOurBroker(s.pid, p)) {
    const up = await answersOnce(`127.0.0.1:${s.port}`);
    return localService(p, s, up ? '' : '; not answering (starting, or hung)');
  }
  const port = portFromEnv('INTERSCAMBIO_KAFKA_PORT', DEFAULT_PORT, 2);
  if ((await portAnswers(port)) && (await answersOnce(`127.0.0.1:${port}`))) {
    return { name: 'kafka', url: `127.0.0.1:${port}`, source: 'existing', detail: 'not started by interscambio' };
  }
  const container = startedContainer();
  if (container && (await answersOnce(container.url))) return containerService(container.url);
  return null;
}
