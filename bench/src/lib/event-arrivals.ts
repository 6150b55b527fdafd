import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, Consumer, Kafka } from 'kafkajs';

const JOIN_TIMEOUT_MS = 30_000;

/** When (performance.now()) each message of a topic reached a consumer of a group of its own, by message key. */
export class EventArrivals {
  readonly at = new Map<string, number>();

  private constructor(
    private readonly consumer: Consumer,
    readonly topic: string,
  ) {}

  /**
   * Resolves once the consumer has joined, holds every partition and starts from the topic's end
   * (set for the group beforehand, so no message sent afterwards can fall before its first fetch).
   */
  static async start(kafka: Kafka, admin: Admin, topic: string, groupId: string): Promise<EventArrivals> {
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
    });
    const consumer = kafka.consumer({ groupId });
    const arrivals = new EventArrivals(consumer, topic);
    const assigned = new Promise<void>((resolve) =>
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        if ((payload.memberAssignment[topic] ?? []).length === offsets.length) resolve();
      }),
    );
    await consumer.connect();
    await consumer.subscribe({ topic });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key) arrivals.at.set(message.key.toString(), performance.now());
      },
    });
    const timeout = sleep(JOIN_TIMEOUT_MS, 'timeout', { ref: false });
    if ((await Promise.race([assigned, timeout])) === 'timeout') {
      await consumer.disconnect();
      throw new Error(
        `the consumer of ${topic} was not assigned its ${offsets.length} partitions within ${JOIN_TIMEOUT_MS / 1000} s`,
      );
    }
    return arrivals;
  }

  /** Resolves once a message has arrived for every key. */
  async waitFor(keys: string[], timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const missing = keys.filter((k) => !this.at.has(k)).length;
      if (missing === 0) return;
      if (performance.now() > deadline)
        throw new Error(
          `${missing} of ${keys.length} events never reached the consumer of ${this.topic} (${timeoutMs / 1000} s)`,
        );
      await sleep(20);
    }
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
