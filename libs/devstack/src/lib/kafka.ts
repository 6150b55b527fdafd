// Provides a Kafka broker for local dev and tests: KAFKA_BROKERS, or a broker already on
// 127.0.0.1:<port>, or a local Apache Kafka started from Maven jars, or a Testcontainers broker.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import {
  acquireLock,
  ensureJars,
  findJava,
  formatIfNeeded,
  isAlive,
  isOurBroker,
  kafkaPaths,
  logTail,
  pinnedVersion,
  readState,
  removeState,
  spawnBroker,
  terminate,
  writeConfig,
} from './kafka-local.ts';
import type { KafkaPaths, KafkaState } from './kafka-local.ts';
import { stackHome } from './service.ts';
import type { Log, ProvidedService, StackLocation } from './service.ts';

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

const DEFAULT_PORT = 9092;
const CONTAINER_IMAGE = 'confluentinc/cp-kafka:7.9.0';
const CONTAINER_KAFKA_PORT = 9093; // the port @testcontainers/kafka exposes
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface StartedContainer {
  getHost(): string;
  getMappedPort(port: number): number;
  stop(): Promise<unknown>;
}
let container: { url: string; handle: StartedContainer } | null = null;
const inFlight = new Map<string, Promise<ProvidedService>>();

/**
 * kafkajs 2.2.4 schedules setTimeout(fn, negative) when idle, which Node >= 23 reports as a
 * TimeoutNegativeWarning on stderr (harmless: Node clamps it to 1 ms). Drops only that warning.
 */
export function silenceKafkajsTimeoutWarning(): void {
  const proc = process as typeof process & { __kafkajsWarningFiltered?: boolean };
  if (proc.__kafkajsWarningFiltered) return;
  proc.__kafkajsWarningFiltered = true;
  const emit = process.emitWarning;
  process.emitWarning = function (warning: string | Error, ...rest: unknown[]) {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const name = warning instanceof Error ? warning.name : type;
    if (name === 'TimeoutNegativeWarning') return;
    return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
}

function kafkaPort(): number {
  const raw = process.env.INTERSCAMBIO_KAFKA_PORT;
  if (!raw) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65534) {
    throw new Error(`INTERSCAMBIO_KAFKA_PORT=${raw} is not a valid port`);
  }
  return port;
}

/** One metadata round trip (describeCluster) with kafkajs' own logging and retries off. */
async function answersOnce(url: string): Promise<boolean> {
  silenceKafkajsTimeoutWarning();
  const brokers = url
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const admin = new Kafka({
    clientId: 'interscambio-devstack-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Polls until the broker answers; gives up at the deadline or as soon as keepWaiting() says so. */
export async function waitForKafka(
  url: string,
  timeoutMs: number,
  keepWaiting: () => boolean = () => true,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await answersOnce(url)) return true;
    if (Date.now() >= deadline || !keepWaiting()) return false;
    await sleep(250);
  }
}

/**
 * The first transactional/group request on a new broker creates and loads an internal topic,
 * and kafkajs logs "coordinator is loading" errors while it retries. Doing that here keeps
 * the first test run's output clean.
 */
async function warmUp(url: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'interscambio-devstack-warmup', brokers: [url], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  try {
    await admin.connect();
    await admin.describeGroups(['interscambio-devstack-warmup']);
    await producer.connect();
  } catch {
    // best effort: clients retry on their own
  } finally {
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

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
  const release = await acquireLock(p.lock, timeoutMs + 900_000, log);
  const t0 = Date.now();
  try {
    // Re-check under the lock: another process may have started it meanwhile.
    let running = ourBroker(p, log);
    if (running && running.port !== port) {
      log(`Local Kafka runs on port ${running.port}, but port ${port} is wanted: stopping it`);
      await terminate(running.pid);
      removeState(p);
      running = null;
    }
    const version = running?.version ?? pinnedVersion(p);
    if (!running) {
      for (const q of [port, port + 1]) {
        if (await portOpen(q)) {
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
      if (alive) await terminate(s.pid);
      removeState(p);
      const why = alive ? `did not answer within ${Math.round(timeoutMs / 1000)} s (stopped it)` : 'exited';
      throw new Error(`Kafka (pid ${s.pid}) ${why}\n${logTail(p)}`);
    }
    await warmUp(`127.0.0.1:${port}`);
    log(`Kafka is ready on 127.0.0.1:${port} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return localService(p, s);
  } finally {
    release();
  }
}

/** Where a Docker engine should answer, as http.request options; honours DOCKER_HOST. */
function dockerEndpoints(): { label: string; options: http.RequestOptions }[] {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('tcp://')) {
    const u = new URL(host.replace(/^tcp:/, 'http:'));
    return [{ label: host, options: { host: u.hostname, port: u.port || 2375 } }];
  }
  const sockets = host?.startsWith('unix://')
    ? [host.slice('unix://'.length)]
    : ['/var/run/docker.sock', path.join(os.homedir(), '.docker', 'run', 'docker.sock')];
  return sockets.map((s) => ({ label: s, options: { socketPath: s } }));
}

function dockerPing(options: http.RequestOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ ...options, path: '/_ping', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

async function startContainer(log: Log): Promise<ProvidedService> {
  const endpoints = dockerEndpoints();
  let engine: string | undefined;
  for (const e of endpoints) if (await dockerPing(e.options)) engine = e.label;
  if (!engine) throw new Error(`no Docker engine answered (${endpoints.map((e) => e.label).join(', ')})`);
  const spec = '@testcontainers/kafka'; // not a static import: it is optional and only needed here
  let mod: { KafkaContainer: new (image: string) => { withKraft(): { start(): Promise<StartedContainer> } } };
  try {
    mod = await import(spec);
  } catch {
    throw new Error(
      `Docker answers at ${engine}, but @testcontainers/kafka is not installed (npm i -D @testcontainers/kafka)`,
    );
  }
  log(`Starting ${CONTAINER_IMAGE} with Testcontainers (Docker at ${engine})…`);
  const handle = await new mod.KafkaContainer(CONTAINER_IMAGE).withKraft().start();
  const url = `${handle.getHost()}:${handle.getMappedPort(CONTAINER_KAFKA_PORT)}`;
  container = { url, handle };
  log(`Kafka container is ready on ${url}`);
  return containerService(url);
}

function containerService(url: string): ProvidedService {
  return {
    name: 'kafka',
    url,
    source: 'container',
    startedBy: `interscambio devstack (Testcontainers, ${CONTAINER_IMAGE})`,
    detail: 'removed when this process exits',
  };
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
  if (container && (await answersOnce(container.url))) return containerService(container.url);

  const port = kafkaPort();
  const p = kafkaPaths(root, home);
  const tried = ['KAFKA_BROKERS: not set'];
  const ours = ourBroker(p, log);
  if (ours?.port === port) {
    // Not answering yet means it is still starting: startLocal waits for it under the lock.
    if (await waitForKafka(`127.0.0.1:${port}`, 3_000)) {
      log(`Reusing local Kafka (pid ${ours.pid}) on 127.0.0.1:${port}`);
      return localService(p, ours);
    }
  } else if (await portOpen(port)) {
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
  let stopped = false;
  if (container) {
    opts.log(`Stopping Kafka container on ${container.url}`);
    await container.handle.stop();
    container = null;
    stopped = true;
  }
  const p = kafkaPaths(path.resolve(opts.root), stackHome(opts));
  const s = ourBroker(p, opts.log);
  if (s) {
    opts.log(`Stopping local Kafka (pid ${s.pid})…`);
    await terminate(s.pid);
    if (isAlive(s.pid)) throw new Error(`Kafka pid ${s.pid} survived SIGKILL`);
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
  const port = kafkaPort();
  if ((await portOpen(port)) && (await answersOnce(`127.0.0.1:${port}`))) {
    return { name: 'kafka', url: `127.0.0.1:${port}`, source: 'existing', detail: 'not started by interscambio' };
  }
  if (container && (await answersOnce(container.url))) return containerService(container.url);
  return null;
}
