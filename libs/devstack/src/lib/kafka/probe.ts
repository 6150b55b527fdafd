// Whether a Kafka broker answers: one metadata round trip, with kafkajs's own logging and retries off.
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

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

/** One metadata round trip (describeCluster) with kafkajs' own logging and retries off. */
export async function answersOnce(url: string): Promise<boolean> {
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
export async function warmUp(url: string): Promise<void> {
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
