import { fromCloudEventMessage } from '@interscambio/messaging';
import type { BusConsumer, CloudEvent, MessageBus } from '@interscambio/messaging';
import { uniqueName } from '@interscambio/testing';

/** A consumer group of its own that keeps every event of some topics, for assertions. */
export class EventCollector {
  readonly events: CloudEvent[] = [];
  private waiters: (() => void)[] = [];

  private constructor(private readonly consumer: BusConsumer) {}

  static async start(bus: MessageBus, topics: string[]): Promise<EventCollector> {
    const admin = await bus.admin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) await admin.createTopics(missing.map((name) => ({ name, partitions: 3 })));
    await admin.close();
    const consumer = await bus.consumer({ groupId: uniqueName('collector'), topics, fromBeginning: true });
    const collector = new EventCollector(consumer);
    void consumer.run(async (message) => {
      collector.events.push(fromCloudEventMessage(message));
      for (const wake of collector.waiters.splice(0)) wake();
    });
    return collector;
  }

  /** Resolves once `count` events matching `match` have arrived (the test timeout bounds the wait). */
  async waitFor(count: number, match: (e: CloudEvent) => boolean = () => true): Promise<CloudEvent[]> {
    for (;;) {
      const found = this.events.filter(match);
      if (found.length >= count) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): Promise<void> {
    return this.consumer.close();
  }
}
