import { fromCloudEventMessage, KafkajsBus } from '@interscambio/messaging';
import type { BusConsumer, CloudEvent } from '@interscambio/messaging';
import { testKafkaBrokers, uniqueName } from '@interscambio/testing';

/** The CloudEvents of one topic, read from its beginning, as a theme that deploys later would. */
export class TopicEvents<T> {
  /** Every event received so far, in the order received. */
  readonly all: CloudEvent<T>[] = [];

  private constructor(
    private readonly bus: KafkajsBus,
    private readonly topic: string,
    private readonly consumer: BusConsumer,
  ) {}

  static async start<T>(topic: string): Promise<TopicEvents<T>> {
    const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('reg-topic-events'), { silent: true });
    const consumer = await bus.consumer({
      groupId: uniqueName('reg-topic-events'),
      topics: [topic],
      fromBeginning: true,
    });
    const events = new TopicEvents<T>(bus, topic, consumer);
    void consumer.run(async (message) => {
      events.all.push(fromCloudEventMessage(message) as CloudEvent<T>);
    });
    return events;
  }

  /** Resolves with the events about `subject` once there are `count` of them. */
  async of(subject: string, count: number): Promise<CloudEvent<T>[]> {
    for (;;) {
      const found = this.all.filter((e) => e.subject === subject);
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The topic's configuration as the broker holds it. */
  async topicConfig(): Promise<Record<string, string>> {
    const admin = await this.bus.admin();
    try {
      return await admin.topicConfig(this.topic);
    } finally {
      await admin.close();
    }
  }

  close(): Promise<void> {
    return this.consumer.close();
  }
}
