// A throw-away broker in a container, for machines with a Docker engine; it lives as long as the
// process that started it.
import { dockerEngine } from '../host/docker.ts';
import type { Log, ProvidedService } from '../service.ts';

const CONTAINER_IMAGE = 'confluentinc/cp-kafka:7.9.0';
const CONTAINER_KAFKA_PORT = 9093; // the port @testcontainers/kafka exposes

interface StartedContainer {
  getHost(): string;
  getMappedPort(port: number): number;
  stop(): Promise<unknown>;
}
let started: { url: string; handle: StartedContainer } | null = null;

/** The broker this process started in a container, if any. */
export function startedContainer(): { url: string } | null {
  return started && { url: started.url };
}

/** Stops this process's container; false when there is none. */
export async function stopContainer(log: Log): Promise<boolean> {
  if (!started) return false;
  log(`Stopping Kafka container on ${started.url}`);
  await started.handle.stop();
  started = null;
  return true;
}

export async function startContainer(log: Log): Promise<ProvidedService> {
  const docker = await dockerEngine();
  if (!('engine' in docker)) throw new Error(`no Docker engine answered (${docker.tried})`);
  const { engine } = docker;
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
  started = { url, handle };
  log(`Kafka container is ready on ${url}`);
  return containerService(url);
}

export function containerService(url: string): ProvidedService {
  return {
    name: 'kafka',
    url,
    source: 'container',
    startedBy: `interscambio devstack (Testcontainers, ${CONTAINER_IMAGE})`,
    detail: 'removed when this process exits',
  };
}
