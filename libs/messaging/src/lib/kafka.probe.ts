import { KafkajsBus } from './kafkajs.bus';
import type { MessageBus } from './message-bus';

/** A bus that gives up within seconds and logs nothing, for status checks (`probeKafka`). */
export function probeBus(brokers: string[], clientId: string): MessageBus {
  return new KafkajsBus(brokers, clientId, {
    retries: 0,
    connectionTimeoutMs: 2000,
    requestTimeoutMs: 2000,
    silent: true,
  });
}

/** Resolves when the cluster answers a metadata request: what a status check asks of Kafka. */
export async function probeKafka(bus: MessageBus): Promise<void> {
  const admin = await bus.admin();
  try {
    await admin.listTopics();
  } finally {
    await admin.close();
  }
}
