import { withExtensionAttributes } from '../cloud-event/interscambio-attributes';
import type { BusMessage, BusProducer, MessageBus } from '../message-bus';
import { TopicEnsurer } from '../topic-ensurer';
import type { OutboxRow } from './outbox.store';

export interface PublishOutcome {
  sent: string[];
  failed: string[];
  error?: unknown;
}

/** Sends claimed outbox rows to Kafka: one `send` per topic (kafkajs does not batch by itself). */
export class OutboxPublisher {
  private readonly topics: TopicEnsurer;
  private producer?: Promise<BusProducer>;

  constructor(
    private readonly bus: MessageBus,
    partitions?: number,
  ) {
    this.topics = new TopicEnsurer(bus, partitions);
  }

  async publish(rows: OutboxRow[]): Promise<PublishOutcome> {
    const byTopic = groupByTopic(rows);
    let producer: BusProducer;
    try {
      await this.topics.ensure(byTopic.keys());
      this.producer ??= this.bus.producer();
      producer = await this.producer;
    } catch (error) {
      await this.dropProducer();
      return { sent: [], failed: rows.map((r) => r.id), error };
    }
    // A key lives in one topic, so topics are independent: one failing does not hold back the others.
    const groups = [...byTopic];
    const results = await Promise.allSettled(
      groups.map(([topic, group]) => producer.send(topic, group.map(toMessage))),
    );
    const outcome: PublishOutcome = { sent: [], failed: [] };
    results.forEach((result, i) => {
      const [topic, group] = groups[i] as [string, OutboxRow[]];
      if (result.status === 'fulfilled') {
        outcome.sent.push(...group.map((r) => r.id));
        return;
      }
      outcome.failed.push(...group.map((r) => r.id));
      outcome.error ??= result.reason;
      this.topics.forget(topic);
    });
    if (outcome.failed.length > 0) await this.dropProducer();
    return outcome;
  }

  async close(): Promise<void> {
    await this.dropProducer();
    await this.topics.close();
  }

  /** After a failure the next pass starts a fresh idempotent producer, with fresh sequence numbers. */
  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    // A producer that never connected, or whose broker is gone, may fail to close; it is discarded either way.
    if (producer) await producer.then((p) => p.close()).catch(() => undefined);
  }
}

function groupByTopic(rows: OutboxRow[]): Map<string, OutboxRow[]> {
  const byTopic = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const group = byTopic.get(row.topic);
    if (group) group.push(row);
    else byTopic.set(row.topic, [row]);
  }
  return byTopic;
}

// Rows written before the interscambio headers became CloudEvents extension attributes (and writers
// that still name them so) are published with the attributes.
function toMessage(row: OutboxRow): BusMessage {
  return { key: row.key, value: row.payload, headers: withExtensionAttributes(row.headers) };
}
