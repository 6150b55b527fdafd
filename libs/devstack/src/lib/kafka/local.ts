// The local Kafka broker: Apache Kafka jars resolved by Maven (deploy/local/kafka/pom.xml),
// run as one KRaft node (broker + controller) under <home>/kafka (home: <root>/.devstack unless given).
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { readJson, tailFile } from '../host/files.ts';
import { commandLine, isAlive } from '../host/process.ts';
import type { Log } from '../service.ts';

const run = promisify(execFile);

// Sized for a 2-core dev machine / CI: C1-only JIT and SerialGC start ~20% faster and use less
// memory than the defaults, which matters more here than peak throughput.
const JVM_OPTS = [
  '-Xms128m',
  '-Xmx512m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
];

export interface KafkaPaths {
  dir: string;
  libs: string;
  data: string;
  logs: string;
  config: string;
  log4j: string;
  state: string;
  lock: string;
  formatInfo: string;
  pom: string;
}

export interface KafkaState {
  pid: number;
  port: number;
  controllerPort: number;
  version: string;
  startedAt: string;
}

interface FormatInfo {
  clusterId: string;
  controllerPort: number;
  version: string;
  formattedAt: string;
}

/** The broker of the stack at `home` (see StackLocation); every stack runs the repository's jars. */
export function kafkaPaths(root: string, home = path.join(root, '.devstack')): KafkaPaths {
  const dir = path.join(home, 'kafka');
  return {
    dir,
    libs: path.join(root, '.devstack', 'kafka', 'libs'),
    data: path.join(dir, 'data'),
    logs: path.join(dir, 'logs'),
    config: path.join(dir, 'server.properties'),
    log4j: path.join(dir, 'log4j2.properties'),
    state: path.join(dir, 'state.json'),
    lock: path.join(dir, 'start.lock'),
    formatInfo: path.join(dir, 'format.json'),
    pom: path.join(root, 'deploy', 'local', 'kafka', 'pom.xml'),
  };
}

export function readState(p: KafkaPaths): KafkaState | null {
  const s = readJson<KafkaState>(p.state);
  return s && Number.isInteger(s.pid) && s.pid > 0 ? s : null;
}

export function removeState(p: KafkaPaths): void {
  fs.rmSync(p.state, { force: true });
}

/** The pid is alive and (where /proc exists) really is our broker, not a recycled pid. */
export function isOurBroker(pid: number, p: KafkaPaths): boolean {
  if (!isAlive(pid)) return false;
  const cmd = commandLine(pid);
  return cmd === null || (cmd.includes('kafka.Kafka') && cmd.includes(p.config));
}

/** The pinned version lives in the pom only, so bumping Kafka is a one-line change. */
export function pinnedVersion(p: KafkaPaths): string {
  let pom: string;
  try {
    pom = fs.readFileSync(p.pom, 'utf8');
  } catch {
    throw new Error(`cannot read ${p.pom} (it pins the Kafka version)`);
  }
  const m = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pom);
  if (!m) throw new Error(`no <kafka.version> in ${p.pom}`);
  return m[1];
}

/** Returns the java executable; throws a message saying what to install. */
export async function findJava(): Promise<string> {
  const home = process.env.JAVA_HOME;
  const java = home && fs.existsSync(path.join(home, 'bin', 'java')) ? path.join(home, 'bin', 'java') : 'java';
  let out: string;
  try {
    const r = await run(java, ['-version'], { timeout: 30_000 });
    out = r.stderr + r.stdout;
  } catch {
    throw new Error(
      'Java not found: install a JDK/JRE 17+ (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME',
    );
  }
  const m = /version "(?:1\.)?(\d+)/.exec(out);
  const major = m ? Number(m[1]) : 0;
  if (major < 17) throw new Error(`Java 17+ is needed by Kafka 4, found: ${out.split('\n')[0]}`);
  return java;
}

/** Copies the pinned Kafka jars into .devstack/kafka/libs, unless they are already there. */
export async function ensureJars(p: KafkaPaths, version: string, log: Log): Promise<void> {
  const marker = path.join(p.libs, `kafka_2.13-${version}.jar`);
  if (fs.existsSync(marker)) return;
  if (fs.existsSync(p.libs)) log(`Kafka jars in ${p.libs} are not version ${version}: resolving again`);
  const tmp = `${p.libs}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  log(`Resolving Apache Kafka ${version} jars with Maven (first run downloads ~45 MB)…`);
  const args = ['-q', '-B', '-f', p.pom, 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`];
  try {
    await run('mvn', args, { timeout: 900_000, maxBuffer: 16 << 20 });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const err = e as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (err.code === 'ENOENT') throw new Error('Maven not found: install Maven 3.6+ (e.g. apt-get install maven)');
    const output = `${err.stdout ?? ''}${err.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`mvn ${args.join(' ')} failed:\n${output || err.message}`);
  }
  if (!fs.existsSync(path.join(tmp, `kafka_2.13-${version}.jar`))) {
    throw new Error(`mvn did not produce kafka_2.13-${version}.jar in ${tmp}`);
  }
  // Swap in whole so an interrupted run never leaves a half-filled libs folder behind.
  fs.rmSync(p.libs, { recursive: true, force: true });
  fs.renameSync(tmp, p.libs);
}

export function writeConfig(p: KafkaPaths, port: number, controllerPort: number): void {
  fs.mkdirSync(p.logs, { recursive: true });
  const server = [
    'process.roles=broker,controller',
    'node.id=1',
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `log.dirs=${p.data}`,
    // A single broker cannot satisfy the default replication factor of 3 for internal topics.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'num.partitions=1',
    'auto.create.topics.enable=true',
    '',
  ];
  fs.writeFileSync(p.config, server.join('\n'));
  const log4j = [
    'status = warn',
    // Kafka still logs while the JVM shuts down; log4j's own hook would close the file first.
    'shutdownHook = disable',
    'appender.file.type = RollingFile',
    'appender.file.name = FILE',
    'appender.file.fileName = ${sys:kafka.logs.dir}/server.log',
    'appender.file.filePattern = ${sys:kafka.logs.dir}/server.log.%i',
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c)%n',
    'appender.file.policies.type = Policies',
    'appender.file.policies.size.type = SizeBasedTriggeringPolicy',
    'appender.file.policies.size.size = 10MB',
    'appender.file.strategy.type = DefaultRolloverStrategy',
    'appender.file.strategy.max = 3',
    'rootLogger.level = info',
    'rootLogger.appenderRef.file.ref = FILE',
    'logger.state.name = state.change.logger',
    'logger.state.level = warn',
    '',
  ];
  fs.writeFileSync(p.log4j, log4j.join('\n'));
}

function javaArgs(p: KafkaPaths, main: string, args: string[]): string[] {
  return [
    ...JVM_OPTS,
    `-Dkafka.logs.dir=${p.logs}`,
    `-Dlog4j2.configurationFile=${p.log4j}`,
    '-cp',
    path.join(p.libs, '*'),
    main,
    ...args,
  ];
}

/** Kafka's Uuid.randomUuid(): 16 random bytes, base64url; ids starting with '-' are rejected by the tools. */
function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** Formats KRaft storage once; again only if the controller port changed (it is stored in the voter set). */
export async function formatIfNeeded(
  p: KafkaPaths,
  java: string,
  controllerPort: number,
  version: string,
  log: Log,
): Promise<void> {
  const info = readJson<FormatInfo>(p.formatInfo);
  const formatted = fs.existsSync(path.join(p.data, 'meta.properties'));
  if (formatted && info && info.controllerPort === controllerPort) return;
  if (formatted) {
    log(
      `Kafka controller port is now ${controllerPort} (data was formatted for another): reformatting ${p.data}, topics are lost`,
    );
  }
  fs.rmSync(p.data, { recursive: true, force: true });
  const clusterId = randomClusterId();
  log(`Formatting KRaft storage in ${p.data} (cluster id ${clusterId})`);
  const args = javaArgs(p, 'kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', p.config, '--standalone']);
  try {
    await run(java, args, { timeout: 120_000 });
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string };
    throw new Error(`Kafka storage format failed: ${(err.stderr || err.stdout || err.message).trim()}`);
  }
  const next: FormatInfo = { clusterId, controllerPort, version, formattedAt: new Date().toISOString() };
  fs.writeFileSync(p.formatInfo, `${JSON.stringify(next, null, 2)}\n`);
}

/** Starts the broker detached, so it outlives the calling process, and records it in state.json. */
export function spawnBroker(
  p: KafkaPaths,
  java: string,
  port: number,
  controllerPort: number,
  version: string,
): KafkaState {
  const out = fs.openSync(path.join(p.logs, 'kafka.out'), 'a');
  let pid: number | undefined;
  try {
    const child = spawn(java, javaArgs(p, 'kafka.Kafka', [p.config]), {
      cwd: p.dir,
      detached: true,
      stdio: ['ignore', out, out],
    });
    child.on('error', () => undefined); // reported through the readiness wait (the pid is gone)
    child.unref();
    pid = child.pid;
  } finally {
    fs.closeSync(out);
  }
  if (!pid) throw new Error(`could not start ${java}`);
  const state: KafkaState = { pid, port, controllerPort, version, startedAt: new Date().toISOString() };
  fs.writeFileSync(p.state, `${JSON.stringify(state, null, 2)}\n`);
  return state;
}

/** Last lines of the broker's logs, for error messages. */
export function logTail(p: KafkaPaths, lines = 15): string {
  return ['kafka.out', 'server.log']
    .map((name) => path.join(p.logs, name))
    .map((file) => [file, tailFile(file, lines)])
    .filter(([, text]) => text)
    .map(([file, text]) => `--- ${file}\n${text}`)
    .join('\n');
}
